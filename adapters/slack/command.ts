/** The slash command, as the manifest registers it. */
export const SLASH_COMMAND = "/socialmedia-guidance";

/** The command as the bot's own words write it: not inside a longer word, a path or an address. */
const WRITTEN = new RegExp(`(?<![\\w/.:-])${SLASH_COMMAND}(?![\\w/-])`, "g");

/**
 * `text` with the command written as `name`, a name a workspace gave it ("/smg tips on"), where that
 * differs; a name that is not a Slack command's (letters, digits, "-" and "_") leaves it as it is.
 */
export function writtenAs(text: string, name: string | undefined): string {
  if (!name || name === SLASH_COMMAND || !/^\/[\w-]+$/.test(name)) return text;
  return text.replace(WRITTEN, name);
}

/** How many channels' command names are remembered; the least recently used goes first. */
const KEPT = 1_000;

/**
 * The command's name as last typed in each channel, so that what the bot posts there in the channel
 * (the notice that tips are on, right after `tips on`) names it as that workspace does. Kept in this
 * process only: the notice follows the command that set the name, in the same process.
 */
export class TypedNames {
  private readonly names = new Map<string, string>();

  remember(channelKey: string, name: string): void {
    this.names.delete(channelKey);
    this.names.set(channelKey, name);
    if (this.names.size > KEPT) this.names.delete(this.names.keys().next().value ?? "");
  }

  /** The name last typed in the channel, or undefined when none was (since this process started). */
  nameIn(channelKey: string): string | undefined {
    return this.names.get(channelKey);
  }
}
