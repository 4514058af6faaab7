import { one, type SqlDriver } from "./sql.js";
import type { Opened, TokenCipher } from "./token-cipher.js";

/**
 * A workspace's installation as the platform adapter keeps it: its key (a Slack team id, or an
 * enterprise id for an org-wide install), and the adapter's own JSON, which holds the bot token.
 */
export interface InstallationRecord {
  readonly id: string;
  readonly teamId?: string;
  readonly enterpriseId?: string;
  readonly json: string;
}

/**
 * Slack installations, one a workspace, each sealed (AES-256-GCM, bound to its row's id) before it is
 * written, so that no token is ever in the database in clear, nor moved to another workspace's row. A row sealed under the previous key is sealed again under the
 * current one when it is read, and by resealAll().
 */
export interface InstallationStorage {
  save(record: InstallationRecord, now: number): Promise<void>;
  find(id: string): Promise<InstallationRecord | undefined>;
  /**
   * Removes the installation and, with it, the daily tips of the workspace's channels (keyed
   * "T123:C456", see workspace.ts). True when there was one.
   */
  remove(id: string): Promise<boolean>;
  /** Seals every row under the current key; resolves with how many were sealed again. */
  resealAll(now: number): Promise<number>;
}

interface Row {
  id: string;
  team_id: string | null;
  enterprise_id: string | null;
  sealed: string;
}

/** Installations in the `slack_installations` table (see InstallationStorage). */
export class InstallationSql implements InstallationStorage {
  constructor(
    private readonly db: SqlDriver,
    private readonly cipher: TokenCipher,
  ) {}

  async save(record: InstallationRecord, now: number): Promise<void> {
    await this.db.run(
      `INSERT INTO slack_installations (id, team_id, enterprise_id, sealed, installed_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
         sealed = excluded.sealed, updated_at = excluded.updated_at`,
      [
        record.id,
        record.teamId ?? null,
        record.enterpriseId ?? null,
        this.cipher.seal(record.json, record.id),
        now,
        now,
      ],
    );
  }

  async find(id: string): Promise<InstallationRecord | undefined> {
    const row = await one<Row>(
      this.db,
      "SELECT id, team_id, enterprise_id, sealed FROM slack_installations WHERE id = ?",
      [id],
    );
    if (!row) return undefined;
    const { text, stale } = this.opened(row);
    if (stale) await this.reseal(row.id, row.sealed, text, Date.now());
    return {
      id: row.id,
      ...(row.team_id ? { teamId: row.team_id } : {}),
      ...(row.enterprise_id ? { enterpriseId: row.enterprise_id } : {}),
      json: text,
    };
  }

  remove(id: string): Promise<boolean> {
    // One transaction: a replica posting tips never sees the schedules without the installation.
    return this.db.transaction(async (tx) => {
      const removed = await tx.run("DELETE FROM slack_installations WHERE id = ?", [id]);
      // A prefix compared as text, not LIKE, where "_" in an id would match any character.
      const prefix = `${id}:`;
      for (const table of ["tip_schedules", "tip_posts", "tip_rotation"])
        await tx.run(
          `DELETE FROM ${table} WHERE platform = 'slack' AND substr(channel_id, 1, ${prefix.length}) = ?`,
          [prefix],
        );
      return removed > 0;
    });
  }

  async resealAll(now: number): Promise<number> {
    const rows = await this.db.all<Row>("SELECT id, sealed FROM slack_installations");
    let count = 0;
    for (const row of rows) {
      const { text, stale } = this.opened(row);
      if (stale && (await this.reseal(row.id, row.sealed, text, now))) count++;
    }
    return count;
  }

  /**
   * A row's installation opened. One sealed before values were bound to their row is taken only if it
   * is the row's own workspace's: otherwise another workspace's old value (from a backup taken before)
   * written over the row would open, and be sealed again as the row's (code review).
   */
  private opened(row: Pick<Row, "id" | "sealed">): Opened {
    const opened = this.cipher.open(row.sealed, row.id);
    if (opened.unbound && !ownWorkspace(opened.text, row.id))
      throw new Error("a stored Slack installation could not be decrypted: it was altered or damaged");
    return opened;
  }

  /** Writes `text` sealed under the current key, unless another process changed the row meanwhile. */
  private async reseal(id: string, was: string, text: string, now: number): Promise<boolean> {
    const changed = await this.db.run(
      "UPDATE slack_installations SET sealed = ?, updated_at = ? WHERE id = ? AND sealed = ?",
      [this.cipher.seal(text, id), now, id, was],
    );
    return changed > 0;
  }
}

/** Whether an installation's JSON is of the workspace (or organisation) `id`: its team's id or its enterprise's. */
function ownWorkspace(json: string, id: string): boolean {
  try {
    const installation = JSON.parse(json) as {
      team?: { id?: unknown };
      enterprise?: { id?: unknown } | null;
    };
    return installation.team?.id === id || installation.enterprise?.id === id;
  } catch {
    return false;
  }
}
