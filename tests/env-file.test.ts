import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { BIN } from "./cli-run.js";
import { tempDir } from "./helpers.js";

// Settings in ./.env as an operator writes them: a misspelt name is named, and a .env that cannot be
// read is said to be so (both passed in silence: tips went out at 09:00 UTC, or "no platform is set up").

/** `tips channels` (it reads the settings, and only reads) in `dir`, with nothing else set. */
const tipsChannels = (dir: string) =>
  spawnSync(process.execPath, [BIN, "tips", "channels"], {
    cwd: dir,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" },
  });

it("names a setting .env misspells, with the nearest real one, and passes over what others read", () => {
  const dir = tempDir("smg-env-");
  const db = join(dir, "bot.db");
  writeFileSync(
    join(dir, ".env"),
    `TIP_TIMZONE=Europe/London\nPGPASSWORD=x\nNODE_ENV=production\nDATABASE_PATH=${db}\n`,
  );
  const result = tipsChannels(dir);
  expect(result.status).toBe(0);
  expect(result.stderr).toBe(
    "Warning: .env sets TIP_TIMZONE, which is no setting of this bot: did you mean TIP_TIMEZONE? (it is ignored; see .env.example).\n",
  );
});

it("says so, and stops, when .env cannot be read", () => {
  const dir = tempDir("smg-env-");
  mkdirSync(join(dir, ".env"));
  const result = tipsChannels(dir);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^\.env is a folder, not a file of settings/);
});
