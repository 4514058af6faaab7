// Node's built-in modules that a one-shot command needs, taken with process.getBuiltinModule instead of
// an import: the first ESM import of node:fs or node:util builds a facade of every export they have,
// which loads their streams and much else, about 15 ms of a 200 ms command (see `npm run bench`).

export const fs = process.getBuiltinModule("node:fs");
export const util = process.getBuiltinModule("node:util");
