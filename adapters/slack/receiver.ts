import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { type App, type Logger as BoltLogger, HTTPResponseAck, type Receiver } from "@slack/bolt";
import { type Logger, type ReplayMemory, redactSecrets } from "../../src/index.js";
import { readCapped, sendRefused } from "../http/body.js";
import { HttpFront, type RouteHandler } from "../http/front.js";
import { logRefused } from "../http/refused.js";
import { sendJson, sendStatus } from "../http/respond.js";
import { REQUEST_FAILED } from "./errors.js";
import { isSslCheck, mediaType, readSlackBody } from "./request-body.js";
import { RequestVerifier } from "./verify.js";

/**
 * The largest body taken. Most of Slack's requests are small (a slash command under 1 KB, a button press
 * on our largest answer about 9 KB), but a message event carries its text twice, as text and as rich-text
 * blocks, and a message may hold 40,000 characters, each escaped in JSON to as many as 12 bytes: a long
 * pasted question must still be read (and cut), not refused with 413 and never answered.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A body this small is read before its headers are judged (Slack's unsigned SSL check is one). */
const SMALL_BODY_BYTES = 4 * 1024;

/** The path Slack's requests come to (the request URL of the app's manifest). */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Settings of the HTTP receiver. */
export interface SignedReceiverOptions {
  readonly signingSecret: string;
  /**
   * The shared HTTP front to mount /slack/events on; the composition root starts and stops it. Without
   * one, start() listens on a front of the receiver's own (Slack alone, and the Slack tests).
   */
  readonly front?: HttpFront;
  /** Where a front of the receiver's own listens, unless start() is told otherwise. */
  readonly port: number;
  readonly log: Logger;
  /** Bolt's logger, for its acknowledgement helper. */
  readonly boltLogger: BoltLogger;
  readonly maxBodyBytes?: number;
  /** How long stop() lets open connections of its own front finish before closing them. */
  readonly graceMs?: number;
  /** The clock the timestamp window is checked against. */
  readonly now?: () => number;
  /** Where signatures seen are kept when several replicas share a database; else this process's memory. */
  readonly replays?: ReplayMemory;
}

/**
 * Bolt's receiver for HTTP mode, in place of its HTTPReceiver: /slack/events only; the body capped
 * before it is read; timestamp window both ways, v0 signature and replay checked before it is parsed;
 * a malformed body refused with 400; then the event handed to Bolt, which acknowledges it.
 */
export class SignedReceiver implements Receiver {
  private app?: App;
  private own?: HttpFront;
  private readonly verifier: RequestVerifier;

  constructor(private readonly options: SignedReceiverOptions) {
    this.verifier = new RequestVerifier(options.signingSecret, options.now, options.replays);
    options.front?.route(SLACK_EVENTS_PATH, this.route);
  }

  init(app: App): void {
    this.app = app;
  }

  /**
   * On a shared front, nothing: the composition root starts it once every platform has mounted. Else
   * listens on `listen` (a port, or port and host) and resolves with the server.
   */
  async start(
    listen: number | { port: number; host?: string } = this.options.port,
  ): Promise<Server | undefined> {
    if (this.options.front) return undefined;
    const { port, host } = typeof listen === "number" ? { port: listen, host: undefined } : listen;
    const own = new HttpFront({
      port,
      ...(host ? { host } : {}),
      log: this.options.log,
      ...(this.options.graceMs !== undefined ? { graceMs: this.options.graceMs } : {}),
    });
    own.route(SLACK_EVENTS_PATH, this.route);
    this.own = own;
    return own.start();
  }

  /** Stops a front of its own (open connections get the grace period); a shared one is the root's to stop. */
  async stop(): Promise<void> {
    const own = this.own;
    this.own = undefined;
    await own?.stop();
  }

  /** The /slack/events handler: a failure after the checks is a short ephemeral apology, not a 500. */
  readonly route: RouteHandler = async (req, res) => {
    try {
      await this.handle(req, res);
    } catch (error) {
      this.options.log.error(
        { err: redactSecrets(String((error as Error)?.message)) },
        "Slack request failed",
      );
      if (!res.headersSent) sendJson(res, 200, { response_type: "ephemeral", text: REQUEST_FAILED });
    }
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "POST") return sendStatus(res, 405);
    const { "x-slack-request-timestamp": ts, "x-slack-signature": signature } = req.headers;
    // Refused from its headers before up to MAX_BODY_BYTES of it are read: an unsigned or stale request.
    // (Slack's SSL check is unsigned and tiny: it is read, and recognised below.)
    const early = this.verifier.headers(ts, signature);
    const length = req.headers["content-length"];
    if (early && !(length !== undefined && Number(length) <= SMALL_BODY_BYTES)) {
      logRefused(this.options.log, { reason: early }, "Slack request refused");
      return sendStatus(res, 401);
    }
    const limit = this.options.maxBodyBytes ?? MAX_BODY_BYTES;
    const raw = await readCapped(req, limit);
    if (!Buffer.isBuffer(raw)) {
      logRefused(this.options.log, { limit }, `Slack request refused: ${raw.why}`);
      return sendRefused(res, raw);
    }
    const type = mediaType(req.headers["content-type"]);
    if (isSslCheck(type, raw)) return sendStatus(res, 200);
    const refusal = await this.verifier.check(ts, signature, raw);
    if (refusal) {
      logRefused(this.options.log, { reason: refusal }, "Slack request refused");
      return sendStatus(res, 401);
    }
    const request = readSlackBody(type, raw);
    if (request.kind === "malformed") {
      logRefused(this.options.log, { reason: request.reason }, "Slack request refused: malformed");
      return sendStatus(res, 400);
    }
    if (request.kind === "ignore") return sendStatus(res, 200);
    if (request.kind === "challenge") return sendJson(res, 200, { challenge: request.challenge });
    const ack = new HTTPResponseAck({
      logger: this.options.boltLogger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: request.body,
      httpResponse: res,
    });
    await this.app?.processEvent({
      body: request.body,
      ack: ack.bind(),
      ...retryOf(req),
    });
  }
}

/** Slack's retry headers on a redelivered event. */
function retryOf(req: IncomingMessage): { retryNum?: number; retryReason?: string } {
  const num = Number(req.headers["x-slack-retry-num"]);
  const reason = req.headers["x-slack-retry-reason"];
  return {
    ...(Number.isInteger(num) ? { retryNum: num } : {}),
    ...(typeof reason === "string" ? { retryReason: reason } : {}),
  };
}
