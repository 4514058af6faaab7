import { describe, expect, it } from "vitest";
import { boltLogText } from "../adapters/slack/app.js";

describe("Bolt's log lines", () => {
  it("never carry a user's words or a token, however Bolt words them", () => {
    const body =
      "token=abc&team_id=T1&user_name=jane&text=my+patient+John+Smith+is+angry&command=%2Fsocialmedia-guidance";
    const line = boltLogText(["Unexpected content-type, body:", body]);
    expect(line).not.toMatch(/John|jane/);
    expect(line).toContain("text=[redacted]");
    const json = boltLogText([{ event: { type: "app_mention", text: "patient Mary Jones posted" } }]);
    expect(json).not.toContain("Mary");
    expect(boltLogText(["auth with xoxb-1234567890-abcdefghij failed"])).not.toContain("xoxb-1234567890");
  });
});
