import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  buildPackage,
  PACKAGE_PATH,
  type PackageFile,
  readTemplate,
  teamsPackage,
  zip,
} from "../app/teams-package.js";
import { COMMANDS, loadConfig } from "../src/index.js";
import { tempDir } from "./helpers.js";

const CLIENT_ID = "11111111-2222-3333-4444-555555555555";
const VALUES = { TEAMS_CLIENT_ID: CLIENT_ID, TEAMS_APP_DOMAIN: "bot.example.org" };

/** The files of a zip archive, read back with fflate's reader (names and bytes). */
function unzip(archive: Buffer): PackageFile[] {
  return Object.entries(unzipSync(new Uint8Array(archive))).map(([name, data]) => ({
    name,
    data: Buffer.from(data),
  }));
}

function manifestOf(files: readonly PackageFile[]) {
  return JSON.parse(files.find((f) => f.name === "manifest.json")?.data.toString("utf8") ?? "{}");
}

describe("the Teams app package", () => {
  it("fills the manifest: the bot's id everywhere, the host, and the command table as the bot's commands", () => {
    const files = buildPackage(readTemplate(), VALUES);
    if (typeof files === "string") throw new Error(files);
    const manifest = manifestOf(files);
    expect(manifest.id).toBe(CLIENT_ID);
    expect(manifest.bots[0].botId).toBe(CLIENT_ID);
    expect(manifest.bots[0].scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.composeExtensions[0]).toMatchObject({
      botId: CLIENT_ID,
      commands: [{ id: "searchGuidance", type: "query" }],
    });
    expect(manifest.validDomains).toEqual(["bot.example.org"]);
    expect(manifest.webApplicationInfo.id).toBe(CLIENT_ID);
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: "TeamMember.Read.Group", type: "Application" },
    ]);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(
      COMMANDS.map((c) => c.name),
    );
  });

  it("refuses a placeholder left without a value, a broken manifest and icons of the wrong size", () => {
    expect(buildPackage(readTemplate(), { TEAMS_CLIENT_ID: CLIENT_ID })).toBe(
      "the placeholder {{TEAMS_APP_DOMAIN}} has no value",
    );
    expect(buildPackage(readTemplate(), { ...VALUES, TEAMS_CLIENT_ID: "not-a-guid" })).toMatch(/^id: /);
    const [manifest, color, outline] = readTemplate();
    if (!manifest || !color || !outline) throw new Error("the template lacks a file");
    const swapped = [
      manifest,
      { name: "color.png", data: outline.data },
      { name: "outline.png", data: color.data },
    ];
    expect(buildPackage(swapped, VALUES)).toBe("color.png is 32×32; it must be 192×192");
    const text = [{ name: "manifest.json", data: Buffer.from("{") }, color, outline];
    expect(buildPackage(text, VALUES)).toMatch(/^manifest\.json is not JSON/);
  });

  it("zips the three files at the archive's root, the same bytes every time", () => {
    const files = buildPackage(readTemplate(), VALUES);
    if (typeof files === "string") throw new Error(files);
    const archive = zip(files);
    expect(unzip(archive)).toEqual(files);
    expect(zip(files).equals(archive)).toBe(true);
  });

  it("writes the package from the command line, and says what is missing when it cannot", () => {
    const dir = tempDir("smg-teams-package-");
    const said: string[] = [];
    const say = (line: string) => void said.push(line);
    const config = loadConfig({
      TEAMS_CLIENT_ID: CLIENT_ID,
      TEAMS_CLIENT_SECRET: "secret",
      TEAMS_TENANT_ID: CLIENT_ID,
    });
    expect(teamsPackage(config, ["package", "https://bot.example.org/api/messages"], say, say, dir)).toBe(2);
    expect(said.pop()).toMatch(/needs the bot's public host name/);
    expect(teamsPackage(loadConfig({}), ["package", "bot.example.org"], say, say, dir)).toBe(1);
    expect(said.pop()).toMatch(/Set TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET/);
    expect(teamsPackage(config, ["package", "bot.example.org"], say, say, dir)).toBe(0);
    expect(said.pop()).toMatch(/^Wrote data\/socialmedia-guidance-teams\.zip/);
    const written = join(dir, PACKAGE_PATH);
    expect(existsSync(written)).toBe(true);
    expect(unzip(readFileSync(written)).map((f) => f.name)).toEqual([
      "manifest.json",
      "color.png",
      "outline.png",
    ]);
  });
});
