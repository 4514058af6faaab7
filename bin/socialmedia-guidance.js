#!/usr/bin/env node
// Thin launcher: the compiled composition root lives in dist/ (built by `npm install` via `prepare`).
import { main } from "../dist/src/cli.js";

process.exitCode = await main(process.argv.slice(2));
