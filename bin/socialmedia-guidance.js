#!/usr/bin/env node
// Thin launcher: the composition root, compiled to dist/app/ and bundled into dist/bundle/ (see
// scripts/bundle.ts), is built by `npm install` via `prepare`.
// A namespace import: Node 20 lacks enableCompileCache, and a named import of it would fail to link
// before the version check below could say so.
import * as nodeModule from "node:module";
import { unsupportedNode } from "./supported-node.js";

const unsupported = unsupportedNode(process.versions.node);
if (unsupported) {
  process.stderr.write(`${unsupported}\n`);
  process.exit(1);
}
// V8 keeps the code it compiled on disk (in the OS temp folder), so a one-shot command does not
// compile the same modules again on every run.
nodeModule.enableCompileCache?.();
const { main, runsTheBot } = await import("../dist/bundle/main.js");
const args = process.argv.slice(2);
// A command that succeeded but could not write its output has set exitCode 1 already (app/output.ts).
process.exitCode = (await main(args)) || process.exitCode;
// The bot has stopped and closed what it could: a connection that a silent database never answered
// must not hold the process for its own 30 s time-out, past a container's 10 s grace. The timer keeps
// nothing alive; it fires only if something else does.
if (runsTheBot(args)) setTimeout(() => process.exit(), 1_000).unref();
