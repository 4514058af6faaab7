import { describe, expect, it } from "vitest";
import { describeFailure, targetOf } from "../src/store/postgres-target.js";

// What the bot says when it cannot use the PostgreSQL database at DATABASE_URL.

describe("a PostgreSQL failure, in one sentence", () => {
  it("keeps the user and database it names even when the password is the same word, and hides the password", () => {
    const t = targetOf("postgres://smg:smg@127.0.0.1:5432/smg");
    const refused = describeFailure(
      { code: "28P01", message: 'password authentication failed for user "smg"' },
      t,
    );
    expect(refused).toContain('refused user "smg" for database "smg"');
    expect(refused).not.toContain("[secret]");
    const odd = describeFailure(
      { code: "XX000", message: "could not use postgres://smg:hunter2@db/x" },
      targetOf("postgres://smg:hunter2@db/x"),
    );
    expect(odd).toContain("[secret]");
    expect(odd).not.toContain("hunter2");
  });

  it("says that no password was given, where the server asks for one (SCRAM) and DATABASE_URL has none", () => {
    // what the pg driver throws then, before it sends anything (PGPASSWORD unset too)
    const error = new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string");
    expect(describeFailure(error, targetOf("postgres://smg@db.internal:5432/bot"))).toBe(
      'PostgreSQL at db.internal:5432 asked user "smg" for a password for database "bot", and none was given; put it in DATABASE_URL (or PGPASSWORD).',
    );
  });
});
