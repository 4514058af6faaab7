import { type APIEmbed, PermissionsBitField } from "discord.js";
import { COMMAND } from "../adapters/discord/definitions.js";
import { waitFor } from "./helpers.js";

// A stand-in for a discord.js interaction, and what the Discord tests read from what the bot sent.

/** The guild the interactions come from. */
export const GUILD_ID = "1200000000000000001";
/** The channel the interactions come from. */
export const CHANNEL_ID = "1300000000000000001";
/** The member who makes them. */
export const USER_ID = "1400000000000000001";
let seq = 0;

/** What a reply, an edit or a follow-up was given: discord.js's message options. */
export interface Body {
  content?: string;
  flags?: number;
  embeds?: APIEmbed[];
  components?: { components: { custom_id?: string; label?: string }[] }[];
  allowedMentions?: { parse: string[] };
}

/** One thing the bot sent for an interaction, by the method it called. */
export type Sent =
  | { method: "reply" | "editReply" | "followUp"; body: Body }
  | { method: "deferReply"; body: { flags?: number } }
  | { method: "respond"; body: { name: string; value: string }[] };

/** The interaction a test makes: its kind, options and member, and how the API behaves for it. */
export interface Spec {
  kind: "command" | "autocomplete" | "button";
  commandName?: string;
  subcommand?: string;
  /** String options by name: question, time, timezone. */
  strings?: Record<string, string>;
  /** The `channel` option's channel id. */
  channel?: string;
  /** The parent channel's id when the interaction comes from a thread. */
  threadOf?: string;
  /** The thread is not in discord.js's cache: only fetching it finds it. */
  uncached?: boolean;
  focused?: string;
  customId?: string;
  permissions?: bigint;
  /** Every call that sends waits for this first, as a slow network would. */
  hold?: Promise<void>;
  /** The error each of these methods throws, as a failing API would. */
  fails?: Partial<Record<Sent["method"], Error>>;
}

/**
 * A stand-in for a discord.js interaction: the methods and fields the adapter uses, keeping discord.js's
 * rules (one reply or deferral, edits and follow-ups only after one) and recording what was sent.
 * discord.js builds its interactions with private constructors, so a test cannot make real ones.
 */
export class FakeInteraction {
  readonly id = `15000000000000${String(++seq).padStart(5, "0")}`;
  readonly user = { id: USER_ID };
  readonly channelId = CHANNEL_ID;
  readonly guildId = GUILD_ID;
  readonly commandName: string;
  readonly customId: string;
  readonly memberPermissions: PermissionsBitField;
  readonly sent: Sent[] = [];
  replied = false;
  deferred = false;

  constructor(private readonly spec: Spec) {
    this.commandName = spec.commandName ?? COMMAND;
    this.customId = spec.customId ?? "";
    this.memberPermissions = new PermissionsBitField(spec.permissions ?? 0n);
  }

  readonly options = {
    getSubcommand: () => this.spec.subcommand ?? null,
    getString: (name: string, required = false) => {
      const value = this.spec.strings?.[name] ?? null;
      if (required && value === null) throw new TypeError(`the required option "${name}" is missing`);
      return value;
    },
    getChannel: (name: string) =>
      name === "channel" && this.spec.channel ? { id: this.spec.channel } : null,
    getBoolean: (_name: string) => null,
    getFocused: () => this.spec.focused ?? "",
  };

  /** The channel it was typed in, as discord.js's cache has it: a thread or a plain text channel. */
  get channel() {
    return this.spec.uncached ? null : this.place();
  }
  /** The client, whose channel manager fetches a channel the cache lacks. */
  readonly client = { channels: { fetch: async (_id: string) => this.place() } };
  private place() {
    const parentId = this.spec.threadOf;
    return { id: CHANNEL_ID, parentId: parentId ?? null, isThread: () => parentId !== undefined };
  }

  inGuild() {
    return true;
  }
  isAutocomplete() {
    return this.spec.kind === "autocomplete";
  }
  isChatInputCommand() {
    return this.spec.kind === "command";
  }
  isButton() {
    return this.spec.kind === "button";
  }
  isRepliable() {
    return this.spec.kind !== "autocomplete";
  }

  async reply(body: Body) {
    if (this.replied || this.deferred) throw new Error("InteractionAlreadyReplied");
    await this.send({ method: "reply", body });
    this.replied = true;
  }
  async deferReply(body: { flags?: number }) {
    if (this.replied || this.deferred) throw new Error("InteractionAlreadyReplied");
    await this.send({ method: "deferReply", body });
    this.deferred = true;
  }
  async editReply(body: Body) {
    if (!this.replied && !this.deferred) throw new Error("InteractionNotReplied");
    await this.send({ method: "editReply", body });
  }
  async followUp(body: Body) {
    if (!this.replied && !this.deferred) throw new Error("InteractionNotReplied");
    await this.send({ method: "followUp", body });
  }
  async respond(choices: { name: string; value: string }[]) {
    if (this.replied) throw new Error("InteractionAlreadyReplied");
    await this.send({ method: "respond", body: choices });
    this.replied = true;
  }

  private async send(what: Sent) {
    await this.spec.hold;
    const failure = this.spec.fails?.[what.method];
    if (failure) throw failure;
    this.sent.push(what);
  }
}

/** A slash command's interaction (`/socialmedia-guidance` unless `more` names another). */
export const command = (subcommand: string, strings: Record<string, string> = {}, more: Partial<Spec> = {}) =>
  new FakeInteraction({ kind: "command", subcommand, strings, ...more });
/** A press of the button `customId`. */
export const press = (customId: string) => new FakeInteraction({ kind: "button", customId });
/** Typing `focused` into the question of `ask`: an autocomplete interaction. */
export const typing = (focused: string) =>
  new FakeInteraction({ kind: "autocomplete", subcommand: "ask", focused });

/** The `n`th thing the bot sent for an interaction, once it has been sent. */
export function sent(interaction: FakeInteraction, n = 0): Promise<Sent> {
  return waitFor(() => interaction.sent[n], { what: `message ${n} of interaction ${interaction.id}` });
}

/** The message options of the `n`th reply, edit or follow-up. */
export async function message(interaction: FakeInteraction, n = 0): Promise<Body & { method: string }> {
  const s = await sent(interaction, n);
  if (s.method === "respond" || s.method === "deferReply")
    throw new Error(`expected a message, got ${s.method}`);
  return { method: s.method, ...s.body };
}

/** The autocomplete choices the bot responded with. */
export async function choices(interaction: FakeInteraction): Promise<{ name: string; value: string }[]> {
  const s = await sent(interaction);
  if (s.method !== "respond") throw new Error(`expected autocomplete choices, got ${s.method}`);
  return s.body;
}

/** The custom ids of a message's buttons. */
export const ids = (b: Body) => (b.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));
