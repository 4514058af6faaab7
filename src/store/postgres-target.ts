// A PostgreSQL URL read for what may be said about it: host, port, database and user, never the
// password; and pg's start-up failures worded as one sentence each.

/** What a DATABASE_URL names, and how messages refer to it. */
export interface PostgresTarget {
  readonly host: string;
  readonly port: string;
  readonly database: string;
  readonly user: string;
  /** `database "smg" on db.example.org:5432`. */
  readonly where: string;
  /** Only to take out of a message that might quote it. */
  readonly password: string;
}

/** What is wrong with a DATABASE_URL, in words for the settings check; undefined when nothing is. */
export function databaseUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "is not a URL; write it as postgres://user:password@host:5432/database";
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:")
    return "must start with postgres:// or postgresql:// (leave it empty to keep the SQLite file at DATABASE_PATH)";
  // a password holding "@", "#" or "/" as typed moves where the host or the database seems to start
  const encode = /#|@.*@/.test(url) ? " (a password holding @, # or / must be written %40, %23 or %2F)" : "";
  if (!parsed.hostname && !parsed.searchParams.get("host"))
    return `names no host; write it as postgres://user:password@host:5432/database${encode}`;
  if (parsed.pathname.length <= 1)
    return `names no database; add it after the host, as in postgres://host/database${encode}`;
  return undefined;
}

/** The parts of a DATABASE_URL that messages may name. */
export function targetOf(url: string): PostgresTarget {
  const parsed = new URL(url);
  const host = parsed.searchParams.get("host") ?? parsed.hostname;
  const port = parsed.port || "5432";
  const database = decodeURIComponent(parsed.pathname.slice(1));
  return {
    host,
    port,
    database,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    where: `database "${database}" on ${host}:${port}`,
  };
}

/** Network failures, as Node names them, and how to say them. */
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: "nothing accepts connections there",
  ENOTFOUND: "the host name is not known",
  EAI_AGAIN: "the host name could not be looked up",
  ETIMEDOUT: "it did not answer in time",
  EHOSTUNREACH: "the host cannot be reached",
  ENETUNREACH: "the network cannot be reached",
  ECONNRESET: "the connection was cut",
};

/** One sentence for why the database at `t` could not be opened, without the password. */
export function describeFailure(error: unknown, t: PostgresTarget): string {
  const e = error as { code?: string; message?: string; errors?: { code?: string }[] };
  const code = e.code ?? e.errors?.[0]?.code ?? "";
  // Only the driver's words may hold the password (a URL it repeats): the host, user and database are
  // no secret, and hiding the password wherever it appears hid them when they were the same word.
  const said = firstLine(e.message ?? String(error));
  const message = t.password ? said.split(t.password).join("[secret]") : said;
  const server = `${t.host}:${t.port}`;
  const unreachable = unreachableReason(code, message);
  const sentence = unreachable
    ? `Cannot reach the PostgreSQL server at ${server} for database "${t.database}": ${unreachable}; check DATABASE_URL and that the server is running.`
    : code === "28P01" || code === "28000"
      ? `PostgreSQL at ${server} refused ${t.user ? `user "${t.user}"` : "the login"} for database "${t.database}": the password or the user name is wrong; check DATABASE_URL.`
      : /client password must be a string/.test(message)
        ? `PostgreSQL at ${server} asked ${t.user ? `user "${t.user}"` : "the login"} for a password for database "${t.database}", and none was given; put it in DATABASE_URL (or PGPASSWORD).`
        : code === "3D000"
          ? `PostgreSQL at ${server} has no database "${t.database}"; create it (createdb ${t.database}) or check DATABASE_URL.`
          : `Cannot use the PostgreSQL ${t.where}: ${message.replace(/\.$/, "")}.`;
  return sentence;
}

/** Why the server could not be reached, when that is the failure. */
function unreachableReason(code: string, message: string): string | undefined {
  if (UNREACHABLE[code]) return UNREACHABLE[code];
  if (/timeout/i.test(message)) return "it did not answer in time";
  if (/connection terminated/i.test(message)) return "the connection was cut before it answered";
  return undefined;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}
