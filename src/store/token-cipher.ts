import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** AES-256-GCM: 32-byte keys, 12-byte nonces, 16-byte tags. */
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The format's version, first in every sealed value, so that a later format can be told apart. */
const VERSION = "v2";
/** The first format, whose values were bound to no row: still opened, and sealed again as VERSION. */
const UNBOUND_VERSION = "v1";

/**
 * Reads a 32-byte key given as 64 hex digits or as base64; throws a sentence naming `name` and what is
 * wrong (never the value) when it is neither.
 */
export function parseKey(text: string, name: string): Buffer {
  const value = text.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value, "base64");
    if (bytes.length === KEY_BYTES) return bytes;
  }
  return failKey(name);
}

/** What a key must look like, said where one is not. */
export const KEY_FORMAT =
  "must be 32 random bytes, as 64 hex digits or as base64 (make one with `openssl rand -base64 32`)";

function failKey(name: string): never {
  throw new Error(`${name}: ${KEY_FORMAT}`);
}

/** Whether `text` reads as a key (see parseKey). */
export function isKey(text: string): boolean {
  try {
    parseKey(text, "");
    return true;
  } catch {
    return false;
  }
}

/**
 * A value opened: the text, whether it should be sealed again (under the previous key, or bound to no
 * row), and whether it was bound to no row (sealed before values were: its row is not vouched for).
 */
export interface Opened {
  readonly text: string;
  readonly stale: boolean;
  readonly unbound?: boolean;
}

/**
 * Seals secrets (bot tokens) for storage with AES-256-GCM under the current key, and opens values
 * sealed under the current or the previous key, so that a key can be rotated without losing
 * installations. A sealed value is "v2:<key id>:<nonce>:<tag>:<ciphertext>" (base64 parts); the key id
 * is a hash prefix of the key, so the right key is picked without trial and error.
 */
export class TokenCipher {
  private readonly keys: readonly { id: string; key: Buffer }[];

  constructor(current: Buffer, previous?: Buffer) {
    this.keys = [current, ...(previous ? [previous] : [])].map((key) => {
      if (key.length !== KEY_BYTES) throw new Error(`an encryption key must be ${KEY_BYTES} bytes`);
      return { id: keyId(key), key };
    });
  }

  /**
   * Encrypts `text` under the current key, with a fresh random nonce, bound to `boundTo` (the row's id)
   * as associated data: opened for another row, it fails, so a sealed value copied over another
   * workspace's row cannot make that workspace run with this one's token.
   */
  seal(text: string, boundTo: string): string {
    const current = this.keys[0];
    if (!current) throw new Error("no encryption key");
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", current.key, iv);
    cipher.setAAD(Buffer.from(boundTo, "utf8"));
    const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64"));
    return [VERSION, current.id, ...parts].join(":");
  }

  /** Decrypts a sealed value; throws a plain sentence when no key given opens it or it was altered. */
  open(sealed: string, boundTo: string): Opened {
    const [version, id, iv, tag, body, ...rest] = sealed.split(":");
    const known = version === VERSION || version === UNBOUND_VERSION;
    if (!known || !id || !iv || !tag || body === undefined || rest.length > 0)
      throw new Error("a stored Slack installation is not in the expected encrypted form");
    const index = this.keys.findIndex((k) => k.id === id);
    const found = this.keys[index];
    if (!found)
      throw new Error(
        "a stored Slack installation was encrypted with another key: set SLACK_TOKEN_ENCRYPTION_KEY (or SLACK_TOKEN_ENCRYPTION_KEY_PREVIOUS) to the key it was stored with",
      );
    try {
      const decipher = createDecipheriv("aes-256-gcm", found.key, Buffer.from(iv, "base64"));
      const tagBytes = Buffer.from(tag, "base64");
      if (tagBytes.length !== TAG_BYTES) throw new Error("bad tag length");
      decipher.setAuthTag(tagBytes);
      if (version === VERSION) decipher.setAAD(Buffer.from(boundTo, "utf8"));
      const text = Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]);
      // sealed before values were bound to their row: sealed again, bound
      const unbound = version === UNBOUND_VERSION;
      return { text: text.toString("utf8"), stale: index > 0 || unbound, ...(unbound ? { unbound } : {}) };
    } catch {
      throw new Error("a stored Slack installation could not be decrypted: it was altered or damaged");
    }
  }
}

/** A short public name for a key: its hash's first 8 hex digits (not enough to learn anything of it). */
function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}
