#!/usr/bin/env node
// Thin launcher: the compiled composition root lives in dist/app/ (built by `npm install` via `prepare`).
import { enableCompileCache } from "node:module";

// V8 keeps the code it compiled on disk (in the OS temp folder), so a one-shot command does not
// compile the same modules again on every run.
enableCompileCache?.();
const { main } = await import("../dist/app/main.js");
process.exitCode = await main(process.argv.slice(2));
