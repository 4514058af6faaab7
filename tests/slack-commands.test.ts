import nock from "nock";
import { describe, expect, it } from "vitest";
import { underName } from "../adapters/slack/listeners/slash-command.js";
import { within } from "./helpers.js";
import { allText, buttons, expectPost, slackFixture } from "./slack-fixture.js";
import { SLACK_TEST, slashForm } from "./slack-settings.js";

// Slack: /socialmedia-guidance's answers (help, topics, a tip, a question), its signatures and its replies.

const { hooks: HOOKS } = SLACK_TEST;
let hookCount = 0;
const { logLines, send, slash, waitForLog } = slackFixture({ hook: () => ++hookCount });

describe("Slack slash command", () => {
  it("acknowledges at once and answers privately in Block Kit, with a text fallback", async () => {
    const { response, posted } = await slash("can I accept a friend request from a patient?");
    expect(response.status).toBe(200);
    const body = await within(posted);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("Friend requests from patients");
    expect(body.blocks?.[0]).toMatchObject({ type: "header" });
    expect(allText(body)).toContain("Sources:");
    expect(allText(body)).toContain("not legal advice");
    expect(buttons(body)).toEqual(
      expect.arrayContaining(["smg_share", "smg_vote_up", "smg_vote_down", "smg_open_0"]),
    );
    expect(logLines.join("\n")).toContain('"entry":"friend-requests"');
    expect(logLines.join("\n")).not.toContain("friend request from a patient");
  });

  it("reads a question past the colleagues and groups it mentions, keeping none of their names", async () => {
    const { posted } = await slash(
      "<@U777|bob.smith> and <!subteam^S123|@nurses> asked me: can I accept a friend request from a patient?",
    );
    const body = await within(posted);
    expect(body.text).toContain("Friend requests from patients");
    expect(allText(body)).not.toMatch(/patient details|bob\.smith|@nurses/);
  });

  it("reads Slack's escapes and links as the asker typed them", async () => {
    const body = await within(
      (
        await slash(
          "&gt; can I accept a friend request &amp; message from a patient &lt;3 <https://x.example/a|x.example/a>?",
        )
      ).posted,
    );
    expect(body.text).toContain("Friend requests from patients");
    expect(allText(body)).not.toMatch(/&amp;|&gt;|&lt;/);
  });

  it.each(["", "help"])("shows help for %j", async (text) => {
    const body = await within((await slash(text)).posted);
    expect(body.response_type).toBe("ephemeral");
    expect(allText(body)).toContain("/socialmedia-guidance tips on");
  });

  it("answers the command under another name the workspace gave it, and its help names it so", async () => {
    const under = async (text: string) => {
      const path = `/commands/T1/${++hookCount}`;
      const posted = expectPost(HOOKS, path);
      const form = slashForm(text, `${HOOKS}${path}`).replace(
        "command=%2Fsocialmedia-guidance",
        "command=%2Fsmg",
      );
      expect(form).toContain("command=%2Fsmg");
      expect((await send(form, "application/x-www-form-urlencoded")).status).toBe(200);
      return within(posted);
    };
    expect((await under("can I accept a friend request from a patient?")).text).toContain(
      "Friend requests from patients",
    );
    const help = allText(await under("help"));
    expect(help).toContain("/smg tips on");
    expect(help).not.toContain("/socialmedia-guidance");
    // only the command is renamed, never a link or a path that holds the same words
    const linked = underName(
      {
        text: "Type `/socialmedia-guidance tips on`; see <https://intranet.example/policies/socialmedia-guidance|policy>",
        blocks: [],
      },
      "/smg",
    );
    expect(linked.text).toBe(
      "Type `/smg tips on`; see <https://intranet.example/policies/socialmedia-guidance|policy>",
    );
  });

  it("lists the topics", async () => {
    const body = await within((await slash("topics")).posted);
    expect(body.blocks?.[0]).toMatchObject({ type: "header", text: { text: "Topics" } });
    expect(allText(body)).toContain(
      "*Boundaries*\\n• Friend requests from patients\\n• Networking with colleagues",
    );
    expect(allText(body)).toContain("*Privacy*\\n• Posting photos of patients");
  });

  it("shows a tip with a Learn more button", async () => {
    const body = await within((await slash("tip")).posted);
    expect(body.blocks?.[0]).toMatchObject({ type: "header", text: { text: "Tip" } });
    expect(buttons(body)).toEqual(["smg_open_0"]);
    expect(allText(body)).toContain("Source:");
  });

  it("declines off-topic questions with did-you-mean buttons or the topics, and never echoes a mention", async () => {
    const body = await within((await slash("<!channel> <@U999> <!here|here> how do I cook rice")).posted);
    expect(body.text).toBe("I have no guidance on that.");
    const raw = allText(body);
    expect(raw).not.toMatch(/<!channel>|<!here|<@U999>/);
  });

  it("rejects a wrong or stale signature with 401 and no answer", async () => {
    const wrong = await send("text=hi", "application/x-www-form-urlencoded", { secret: "not-the-secret" });
    expect(wrong.status).toBe(401);
    const stale = await send("text=hi", "application/x-www-form-urlencoded", {
      ts: Math.floor(Date.now() / 1000) - 60 * 10,
    });
    expect(stale.status).toBe(401);
  });

  it("keeps running when the response URL fails, and logs it", async () => {
    const path = `/commands/T1/${++hookCount}`;
    nock(HOOKS).post(path).reply(404, "expired_url");
    const form = slashForm("topics", `${HOOKS}${path}`);
    expect((await send(form, "application/x-www-form-urlencoded")).status).toBe(200);
    await waitForLog("reply to slash command failed");
    const body = await within((await slash("help")).posted);
    expect(body.response_type).toBe("ephemeral");
  });
});
