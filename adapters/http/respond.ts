import type { ServerResponse } from "node:http";

/** Answers with a status and no body. */
export function sendStatus(res: ServerResponse, status: number): void {
  res.writeHead(status).end();
}

/** Answers with a status and a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
