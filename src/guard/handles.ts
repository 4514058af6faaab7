import { ownBefore } from "./owner.js";

// Social media handles that are no patient's, and handles written without their "@" (see RULES).

/**
 * The handles of the regulators, professional bodies, defence organisations and health services the
 * knowledge names ("should I tag @NMC in my post?"): not a patient's.
 */
export const ORGANISATION_HANDLE =
  /^@(?:nmc(?:news|uk)?|gmc(?:uk)?|ahpra|hcpc(?:_uk)?|cpso(?:_ca)?|ncsbn|the_?rcn|rcn|the_?bma|bma|nhs(?:england|uk|scotland|wales|digital|providers)?|cdc(?:gov)?|who(?:int)?|(?:the)?bmj|ama_?assn|mdu|the_?mdu|mddus|medicalprotection|mps_?org|cmaa?_?docs|cna_?aiic|rcgp|rcpsych|rcog|rcplondon|fsmb|nhsbsa|hse(?:ireland)?)$/i;

/** The platforms a handle is given on. */
export const HANDLE_PLATFORMS =
  "twitter|instagram|insta|ig|tiktok|facebook|fb|snapchat|threads|reddit|youtube";
/**
 * A handle written without its "@": a letter or "_" first, then letters, digits, "_" and ".", with a
 * lower-case letter (not a code such as "COVID19" or "H1N1") and a digit, a "_" or an inner dot.
 */
const BARE_HANDLE = /^[A-Za-z_][A-Za-z0-9_.]{2,29}/;
/** What marks a word as a handle: a "_", a digit or an inner dot. */
export const HANDLE_MARK = /_|\d|[a-z]\.[a-z]/i;
/** After "on <platform>": the handle was given as where someone posts ("from tom_h88 on twitter"). */
export const ON_PLATFORM = new RegExp(`^\\s+on\\s+(?:x|${HANDLE_PLATFORMS})\\b`, "i");

/** A bare handle at the start of `rest` (a sentence's full stop left out), if there is one. */
export function bareHandle(rest: string): number | undefined {
  const at = rest.length - rest.replace(/^@\s*/, "").length;
  const handle = BARE_HANDLE.exec(rest.slice(at))?.[0].replace(/\.+$/, "");
  if (!handle || !HANDLE_MARK.test(handle) || !/[a-z]/.test(handle)) return undefined;
  return at + handle.length;
}

/** A regulator's or a public body's handle, with or without its "_" ("gmc_uk", "nhs_england"). */
const organisation = (handle: string) =>
  ORGANISATION_HANDLE.test(`@${handle}`) || ORGANISATION_HANDLE.test(`@${handle.replace(/_/g, "")}`);

/** A bare handle after a label, unless it is the asker's own or an organisation's. */
export function bareHandleNotOwn(m: RegExpExecArray, text: string): boolean {
  const end = m.index + m[0].length;
  const length = bareHandle(text.slice(end));
  if (length === undefined) return false;
  return ownBefore(text, end) || organisation(text.slice(end, end + length).replace(/^@\s*/, ""));
}
