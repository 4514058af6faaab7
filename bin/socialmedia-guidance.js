#!/usr/bin/env node
// Thin launcher: the compiled composition root lives in dist/app/ (built by `npm install` via `prepare`).
import { main } from "../dist/app/main.js";

process.exitCode = await main(process.argv.slice(2));
