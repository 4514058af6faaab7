import type { IncomingMessage } from "node:http";

/**
 * The body, or undefined as soon as it is known to be longer than `limit` bytes: a declared length over
 * the limit is refused before a byte is read, and an undeclared one is read only up to the limit.
 */
export function readCapped(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | undefined) => {
      req.off("data", data);
      req.off("end", end);
      req.off("error", reject);
      resolve(value);
    };
    const data = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        done(undefined);
      } else chunks.push(chunk);
    };
    const end = () => done(Buffer.concat(chunks));
    req.on("data", data);
    req.on("end", end);
    req.on("error", reject);
  });
}

/** The media type of a Content-Type header, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
