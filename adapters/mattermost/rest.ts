import { z } from "zod";
import type { MattermostAttachment } from "./render.js";

/** A refusal from Mattermost's REST API: its HTTP status, its error id, and any wait it asked for. */
export class MattermostApiError extends Error {
  override readonly name = "MattermostApiError";

  constructor(
    readonly status: number,
    readonly id: string,
    readonly retryAfter?: number,
  ) {
    super(`Mattermost answered ${status} (${id})`);
  }
}

const post = z.looseObject({ id: z.string() });
const user = z.looseObject({ id: z.string(), username: z.string(), roles: z.string().default("") });
const member = z.looseObject({ roles: z.string().default("") });
const apiError = z.looseObject({ id: z.string() });

/**
 * The few REST API v4 calls the bot makes, as its bot account (a Bearer token): who it is, a user's
 * username and roles, a channel member's roles, and a new post. Every call goes through `fetch` (the shared outbound fetch:
 * time limits, retries, Retry-After).
 */
export class MattermostRest {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly fetch: (url: string, init: RequestInit) => Promise<Response>,
  ) {}

  /** The bot account itself: checks the token at start. */
  me(): Promise<z.infer<typeof user>> {
    return this.call("GET", "/users/me", user);
  }

  /** A user's username, as an @-mention names them. */
  async userName(userId: string): Promise<string> {
    return (await this.call("GET", `/users/${id(userId)}`, user)).username;
  }

  /** A user's system roles, space-separated ("system_user system_admin"). */
  async userRoles(userId: string): Promise<string[]> {
    return words((await this.call("GET", `/users/${id(userId)}`, user)).roles);
  }

  /** A channel member's roles in that channel ("channel_user channel_admin"). */
  async channelRoles(channelId: string, userId: string): Promise<string[]> {
    return words((await this.call("GET", `/channels/${id(channelId)}/members/${id(userId)}`, member)).roles);
  }

  /** Posts a message, visible to the channel; resolves with the post's id. */
  async createPost(
    channelId: string,
    message: { text: string; attachments: readonly MattermostAttachment[] },
  ): Promise<string> {
    const body = {
      channel_id: channelId,
      message: message.text,
      ...(message.attachments.length > 0 ? { props: { attachments: message.attachments } } : {}),
    };
    return (await this.call("POST", "/posts", post, body)).id;
  }

  private async call<T extends z.ZodType>(
    method: "GET" | "POST",
    path: string,
    shape: T,
    body?: unknown,
  ): Promise<z.infer<T>> {
    const response = await this.fetch(`${this.baseUrl}/api/v4${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = parseJson(await response.text());
    if (!response.ok) {
      const errorId = apiError.safeParse(json).data?.id ?? `http_${response.status}`;
      throw new MattermostApiError(response.status, errorId, retryAfterOf(response));
    }
    const parsed = shape.safeParse(json);
    if (!parsed.success) throw new MattermostApiError(response.status, "unexpected_response");
    return parsed.data;
  }
}

/** A Mattermost id: 26 lower-case letters and digits. */
export const MATTERMOST_ID = /^[a-z0-9]{26}$/;

/** An id for a path; anything but an id is refused, so that it cannot change the path ("..", "me"). */
function id(value: string): string {
  if (!MATTERMOST_ID.test(value)) throw new MattermostApiError(400, "invalid_id");
  return value;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Seconds from a Retry-After header, or from Mattermost's X-Ratelimit-Reset. */
function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get("retry-after") ?? response.headers.get("x-ratelimit-reset");
  const seconds = Number.parseInt(header ?? "", 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
