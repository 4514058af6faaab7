import { expect, it, onTestFinished } from "vitest";
import { stopSignal } from "../app/shutdown.js";
import { capturedLogger } from "./helpers.js";

// A bot told to stop twice: the first signal starts the shutdown, the next is logged and changes
// nothing (a second SIGTERM once killed the bot mid-shutdown; a second SIGINT was swallowed).

it("starts the shutdown on the first stop signal and only logs the ones after it", async () => {
  const { logger, lines } = capturedLogger();
  const before = process.listenerCount("SIGUSR2");
  // SIGUSR2 stands in for SIGTERM, which would stop the test runner were the handler missing
  const stopping = stopSignal(logger, ["SIGUSR2"]);
  onTestFinished(() => {
    for (const listener of process.listeners("SIGUSR2").slice(before)) process.off("SIGUSR2", listener);
  });
  process.emit("SIGUSR2", "SIGUSR2");
  expect(await stopping).toBe("SIGUSR2");
  process.emit("SIGUSR2", "SIGUSR2");
  // still handled, so Node's default (ending the process) does not apply
  expect(process.listenerCount("SIGUSR2")).toBe(before + 1);
  expect(lines.join("\n")).toMatch(/"signal":"SIGUSR2".*already shutting down; this signal changes nothing/);
});
