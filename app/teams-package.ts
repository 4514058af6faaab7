import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { zipSync } from "fflate";
import { z } from "zod";
import { SEARCH_COMMAND } from "../adapters/teams/listeners/message-extension.js";
import { COMMANDS, type Config } from "../src/index.js";
import { packageRoot } from "../src/paths.js";
import type { Out } from "./output.js";

/** The app package's template: manifest.json with {{placeholders}}, and its two icons. */
export const MANIFEST_DIR = join(packageRoot(), "adapters", "teams", "manifest");
/** Where `teams package` writes the package, under the current folder. */
export const PACKAGE_PATH = join("data", "socialmedia-guidance-teams.zip");

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A host name as validDomains takes it: no scheme, no path, no port. */
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const ICONS = { color: 192, outline: 32 } as const;
const https = z.url({ protocol: /^https$/ });

/** The manifest fields the package depends on, with Teams' limits. */
const MANIFEST = z.looseObject({
  manifestVersion: z.string().min(1),
  id: z.string().regex(GUID),
  developer: z.looseObject({
    name: z.string().min(1).max(32),
    websiteUrl: https,
    privacyUrl: https,
    termsOfUseUrl: https,
  }),
  name: z.looseObject({ short: z.string().min(1).max(30), full: z.string().max(100) }),
  description: z.looseObject({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.object({ color: z.literal("color.png"), outline: z.literal("outline.png") }),
  bots: z
    .array(
      z.looseObject({
        botId: z.string().regex(GUID),
        scopes: z.array(z.enum(["personal", "team", "groupChat"])),
      }),
    )
    .length(1),
  composeExtensions: z
    .array(
      z.looseObject({
        botId: z.string().regex(GUID),
        commands: z.array(z.looseObject({ id: z.string() })).min(1),
      }),
    )
    .length(1),
  validDomains: z.array(z.string().regex(HOST)),
  webApplicationInfo: z.looseObject({ id: z.string().regex(GUID) }),
});

/** A file of the package: its name at the zip's root and its bytes. */
export interface PackageFile {
  readonly name: string;
  readonly data: Buffer;
}

/**
 * `teams package <host>`: fills the manifest's placeholders (the bot's client id, the host that serves
 * /api/messages), lists the command table as the bot's commands, checks the manifest and the icons,
 * and zips the three files for upload to Teams.
 */
export function teamsPackage(
  config: Config,
  args: readonly string[],
  out: Out,
  err: Out,
  cwd = process.cwd(),
): number {
  const [sub, host, ...extra] = args;
  if (sub !== "package" || extra.length > 0) {
    err("Unknown teams command. Try: socialmedia-guidance teams package <host>");
    return 2;
  }
  if (!host || !HOST.test(host)) {
    err(
      "teams package needs the bot's public host name, as in its messaging endpoint https://<host>/api/messages: e.g. npm run teams:package -- bot.example.org",
    );
    return 2;
  }
  const clientId = config.teams?.credentials?.clientId;
  if (!clientId) {
    err(
      "Set TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET in .env first: the package names the bot by its client id.",
    );
    return 1;
  }
  const built = buildPackage(readTemplate(), {
    TEAMS_CLIENT_ID: clientId,
    TEAMS_APP_DOMAIN: host.toLowerCase(),
  });
  if (typeof built === "string") {
    err(`The Teams app package is not valid: ${built}`);
    return 1;
  }
  const path = resolve(cwd, PACKAGE_PATH);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, zip(built));
  out(
    `Wrote ${PACKAGE_PATH}. Upload it in Teams (Apps, Manage your apps, Upload an app) or in the Teams admin center.`,
  );
  return 0;
}

/** The template's three files as they are on disk. */
export function readTemplate(dir = MANIFEST_DIR): PackageFile[] {
  return ["manifest.json", "color.png", "outline.png"].map((name) => ({
    name,
    data: readFileSync(join(dir, name)),
  }));
}

/** The package's files, placeholders filled and commands listed; or the sentence saying what is wrong. */
export function buildPackage(
  files: readonly PackageFile[],
  values: Record<string, string>,
): PackageFile[] | string {
  const template = files.find((f) => f.name === "manifest.json")?.data.toString("utf8") ?? "";
  const text = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  const left = /\{\{(\w+)\}\}/.exec(text);
  if (left) return `the placeholder ${left[0]} has no value`;
  let manifest: z.infer<typeof MANIFEST>;
  try {
    const parsed = MANIFEST.safeParse(JSON.parse(text));
    if (!parsed.success)
      return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    manifest = parsed.data;
  } catch (error) {
    return `manifest.json is not JSON (${(error as Error).message})`;
  }
  const problem = consistency(manifest) ?? iconProblem(files);
  if (problem) return problem;
  const bot = manifest.bots[0];
  const commands = COMMANDS.map((c) => ({ title: c.name, description: c.description.slice(0, 128) }));
  const filled = { ...manifest, bots: [{ ...bot, commandLists: [{ scopes: bot?.scopes ?? [], commands }] }] };
  const json = Buffer.from(`${JSON.stringify(filled, null, 2)}\n`);
  return files.map((f) => (f.name === "manifest.json" ? { name: f.name, data: json } : f));
}

/** The bot, the message extension and the resource-specific consent must all name the same app. */
function consistency(m: z.infer<typeof MANIFEST>): string | undefined {
  const bot = m.bots[0]?.botId;
  if (m.composeExtensions[0]?.botId !== bot || m.webApplicationInfo.id !== bot)
    return "the bot, the message extension and webApplicationInfo must have the same id";
  if (!m.composeExtensions[0]?.commands.some((c) => c.id === SEARCH_COMMAND))
    return `the message extension must have the search command ${SEARCH_COMMAND}`;
  return undefined;
}

/** Teams wants a 192×192 colour icon and a 32×32 outline icon with transparency, both PNG. */
function iconProblem(files: readonly PackageFile[]): string | undefined {
  for (const [name, size] of Object.entries(ICONS)) {
    const png = files.find((f) => f.name === `${name}.png`)?.data;
    const header = png?.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    if (!png || !header || png.length < 33) return `${name}.png is not a PNG image`;
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    if (width !== size || height !== size)
      return `${name}.png is ${width}×${height}; it must be ${size}×${size}`;
    // colour type 6 is RGBA: the outline icon is white on a transparent background
    if (name === "outline" && png[25] !== 6) return "outline.png must have a transparent background (RGBA)";
  }
  return undefined;
}

/**
 * A zip archive of `files` at its root, deflated. Timestamps are fixed, so that the same files make
 * the same zip (fflate's zip writer; Teams reads any standard archive).
 */
export function zip(files: readonly PackageFile[]): Buffer {
  const FIXED = new Date(1980, 0, 1);
  return Buffer.from(
    zipSync(Object.fromEntries(files.map((f) => [f.name, [new Uint8Array(f.data), { mtime: FIXED }]]))),
  );
}
