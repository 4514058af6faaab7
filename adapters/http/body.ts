import type { IncomingMessage, ServerResponse } from "node:http";

/** A body not read: longer than its limit (413), or more than the server may hold at once (503). */
export interface BodyRefused {
  readonly status: 413 | 503;
  readonly why: string;
}

/** How many bytes of request bodies may be held at once, and how many are: shared by every request. */
export interface BodyBudget {
  readonly most: number;
  held: number;
}

/**
 * The bodies every platform's requests may hold in memory at once, before any is verified: 1,000
 * connections each sending a Slack request with a made-up signature held 1 GB (security review).
 */
export const SHARED_BODIES: BodyBudget = { most: 32 * 1024 * 1024, held: 0 };

/**
 * The body, or why it was not read, as soon as that is known: a declared length over `limit` is refused
 * before a byte is read, an undeclared one is read only up to the limit, and a read that would take the
 * bytes held by all requests past `budget` stops there (the client may try again in a moment).
 */
export function readCapped(
  req: IncomingMessage,
  limit: number,
  budget: BodyBudget = SHARED_BODIES,
): Promise<Buffer | BodyRefused> {
  const tooLarge: BodyRefused = { status: 413, why: "body too large" };
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | BodyRefused) => {
      budget.held -= size;
      req.off("data", data);
      req.off("end", end);
      req.off("error", failed);
      resolve(value);
    };
    const failed = (error: Error) => {
      budget.held -= size;
      size = 0;
      reject(error);
    };
    const data = (chunk: Buffer) => {
      size += chunk.length;
      budget.held += chunk.length;
      if (size > limit || budget.held > budget.most) {
        req.pause();
        done(size > limit ? tooLarge : { status: 503, why: "too many request bodies held at once" });
      } else chunks.push(chunk);
    };
    const end = () => done(Buffer.concat(chunks));
    req.on("data", data);
    req.on("end", end);
    req.on("error", failed);
  });
}

/** Answers a body not read: 413, or 503 with a moment to wait; the connection closes after the answer. */
export function sendRefused(res: ServerResponse, refused: BodyRefused): void {
  res
    .writeHead(refused.status, {
      connection: "close",
      ...(refused.status === 503 ? { "retry-after": "1" } : {}),
    })
    .end();
}

/** The media type of a Content-Type header, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
