import { once } from "node:events";
import { type IncomingMessage, request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type BodyBudget, readCapped, sendRefused } from "../adapters/http/body.js";
import { describeListenFailure, HttpFront, type HttpFrontOptions } from "../adapters/http/front.js";
import { sendStatus } from "../adapters/http/respond.js";
import { capturedLogger, waitFor, within } from "./helpers.js";

// The HTTP front every HTTP platform mounts on: real servers on 127.0.0.1, real requests.

const { logger, lines } = capturedLogger();
const fronts: HttpFront[] = [];

/** A front on a free port of 127.0.0.1, stopped after the test. */
function front(options: Partial<HttpFrontOptions> = {}): HttpFront {
  const f = new HttpFront({ port: 0, host: "127.0.0.1", log: logger, graceMs: 200, ...options });
  fronts.push(f);
  return f;
}

const url = (f: HttpFront, path: string) => `http://127.0.0.1:${f.boundPort}${path}`;

afterEach(async () => {
  await Promise.all(fronts.splice(0).map((f) => f.stop()));
  lines.length = 0;
});

describe("HTTP front", () => {
  it("answers GET /healthz with 200 {status: ok}, and other methods there with 405", async () => {
    const f = front();
    await f.start();
    const health = await fetch(url(f, "/healthz"));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect((await fetch(url(f, "/healthz"), { method: "POST" })).status).toBe(405);
  });

  it("answers /readyz 200 when every check passes", async () => {
    const f = front();
    f.readiness("database", () => true);
    f.readiness("mattermost", async () => true);
    await f.start();
    const ready = await fetch(url(f, "/readyz"));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("answers /readyz 503 naming the checks that fail, throw or do not answer in time", async () => {
    const f = front({ readyTimeoutMs: 50 });
    f.readiness("database", () => true);
    f.readiness("slack", () => false);
    f.readiness("teams", async () => {
      throw new Error("boom");
    });
    f.readiness("mattermost", () => new Promise<boolean>(() => {}));
    await f.start();
    const ready = await within(fetch(url(f, "/readyz")), "/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "unavailable", failing: ["slack", "teams", "mattermost"] });
  });

  it("routes exact paths (the query aside) to their handlers, and answers 404 elsewhere", async () => {
    const f = front();
    f.route("/mattermost/command", (req, res) => {
      res.end(`command ${req.method}`);
    });
    await f.start();
    expect(await (await fetch(url(f, "/mattermost/command?x=1"), { method: "POST" })).text()).toBe(
      "command POST",
    );
    expect((await fetch(url(f, "/mattermost/command/more"))).status).toBe(404);
    expect((await fetch(url(f, "/"))).status).toBe(404);
    expect((await fetch(url(f, "/nothing"))).status).toBe(404);
  });

  it("refuses a route added twice, or one of its own paths", () => {
    const f = front();
    f.route("/api/messages", () => {});
    expect(() => f.route("/api/messages", () => {})).toThrow("/api/messages is already taken");
    expect(() => f.route("/healthz", () => {})).toThrow("already taken");
    expect(() => f.readiness("db", () => true)).not.toThrow();
    expect(() => f.readiness("db", () => true)).toThrow("already added");
  });

  it("answers 500 with a plain body when a handler throws, logs it redacted, and keeps serving", async () => {
    const f = front();
    f.route("/throws", () => {
      throw new Error("failed with xoxb-1234-secret");
    });
    f.route("/rejects", async () => {
      throw new Error("later");
    });
    await f.start();
    const thrown = await fetch(url(f, "/throws"), { method: "POST" });
    expect(thrown.status).toBe(500);
    expect(thrown.headers.get("content-type")).toContain("text/plain");
    expect(await thrown.text()).toBe("Something went wrong on our side.");
    expect((await fetch(url(f, "/rejects"))).status).toBe(500);
    const logged = lines.filter((l) => l.includes("HTTP request failed"));
    expect(logged).toHaveLength(2);
    expect(logged.join("\n")).not.toContain("xoxb-1234-secret");
    expect(JSON.parse(logged[0] ?? "{}")).toMatchObject({ path: "/throws", err: "failed with [secret]" });
    expect((await fetch(url(f, "/healthz"))).status).toBe(200);
  });

  it("ends the connection when a handler throws halfway through its answer", async () => {
    const f = front();
    f.route("/half", (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("part of an answer");
      throw new Error("halfway");
    });
    await f.start();
    await expect(
      within(
        fetch(url(f, "/half")).then((r) => r.text()),
        "the broken answer",
      ),
    ).rejects.toThrow();
    expect((await fetch(url(f, "/healthz"))).status).toBe(200);
  });

  it("stops taking requests at once, and closes a request still open after the grace period", async () => {
    const f = front({ graceMs: 100 });
    let opened = false;
    f.route("/hangs", () => {
      opened = true;
    });
    await f.start();
    const base = url(f, "");
    const hanging = fetch(`${base}/hangs`).then(
      () => "answered",
      () => "closed",
    );
    await waitFor(() => opened, { what: "the request to reach the handler" });
    await within(f.stop(), "stop() within the grace period");
    expect(await within(hanging, "the hanging request to end")).toBe("closed");
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it("knows its port only once listening", async () => {
    const f = front();
    expect(() => f.boundPort).toThrow("not listening");
    await f.start();
    expect(f.boundPort).toBeGreaterThan(0);
    await expect(f.start()).rejects.toThrow("already listening");
  });

  it("says plainly when its port is taken", async () => {
    const first = front();
    await first.start();
    const second = front({ port: first.boundPort });
    const error = await second.start().catch((e: unknown) => e);
    expect(describeListenFailure(first.boundPort, error)).toBe(
      `Port ${first.boundPort} is already in use: stop what uses it, or set PORT to another port.`,
    );
  });

  it("holds at most its budget of request bodies at once, answering 503 past it, and frees it as each ends", async () => {
    const f = front();
    const budget: BodyBudget = { most: 100, held: 0 };
    f.route("/in", async (req, res) => {
      const raw = await readCapped(req, 1_000, budget);
      if (Buffer.isBuffer(raw)) sendStatus(res, 200);
      else sendRefused(res, raw);
    });
    await f.start();
    const post = () =>
      request(url(f, "/in"), { method: "POST", headers: { "transfer-encoding": "chunked" } });
    // one request holds 60 bytes, its body not yet ended
    const first = post();
    const firstAnswer = once(first, "response");
    first.write("x".repeat(60));
    await waitFor(() => budget.held === 60, { what: "the first body held" });
    const second = post();
    const secondAnswer = once(second, "response");
    second.end("y".repeat(60));
    const [refused] = (await secondAnswer) as [IncomingMessage];
    expect([refused.statusCode, refused.headers["retry-after"]]).toEqual([503, "1"]);
    first.end("z");
    const [taken] = (await firstAnswer) as [IncomingMessage];
    expect(taken.statusCode).toBe(200);
    expect(budget.held).toBe(0);
    expect((await fetch(url(f, "/in"), { method: "POST", body: "y".repeat(60) })).status).toBe(200);
  });
});
