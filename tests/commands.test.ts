import { describe, expect, it } from "vitest";
import { parseCommand } from "../src/index.js";

describe("the command table's parser", () => {
  it.each([
    ["", { name: "help", args: "" }],
    ["  help ", { name: "help", args: "" }],
    ["topics", { name: "topics", args: "" }],
    ["tip", { name: "tip", args: "" }],
    ["tips on 08:00 Europe/London", { name: "tips", args: "on 08:00 Europe/London" }],
    ["TIPS status", { name: "tips", args: "status" }],
    [" tips ", { name: "tips", args: "status" }],
    ["tips for doctors new to twitter", { name: "ask", args: "tips for doctors new to twitter" }],
    ["ask can I post an x-ray?", { name: "ask", args: "can I post an x-ray?" }],
    ["ask", { name: "help", args: "" }],
    ["help me with a friend request", { name: "ask", args: "help me with a friend request" }],
    ["how do I turn on daily tips?", { name: "help", args: "tips" }],
    ["can I get a tip of the day in #general", { name: "help", args: "tips" }],
  ])("reads %j", (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});
