import type { Middleware } from "@microsoft/teams.common";
import type { Outbound } from "../http/outbound.js";

/**
 * A middleware for the Teams SDK's HTTP client (axios underneath) that sends every call to the Bot
 * Connector and to Microsoft Graph through our Outbound: a time limit per attempt, bounded retries with
 * Retry-After honoured, a cap per host, and close() at shutdown. It selects axios' fetch adapter with
 * Outbound's fetch, the way axios documents a custom fetch (`env.fetch`).
 */
export function throughOutbound(outbound: Outbound): Middleware {
  const viaOutbound = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (!(input instanceof Request)) return outbound.fetch(String(input), init);
    // A retry sends the body again, so it is read once here rather than streamed.
    const body = input.body ? await input.arrayBuffer() : undefined;
    return outbound.fetch(input.url, {
      method: input.method,
      headers: input.headers,
      signal: input.signal,
      ...(body ? { body } : {}),
    });
  };
  return {
    invoke(context, next) {
      context.config.adapter = "fetch";
      context.config.env = { ...context.config.env, fetch: viaOutbound };
      return next();
    },
  };
}
