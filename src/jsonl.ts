import type { z } from "zod";

/**
 * Parses JSON Lines text, one value a non-blank line, each checked against `schema`; throws naming the
 * first bad line and what a line should hold (`shape`).
 */
export function parseJsonl<T>(text: string, schema: z.ZodType<T>, shape: string): T[] {
  const rows: T[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not valid JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new Error(`line ${i + 1}: expected ${shape}`);
    rows.push(parsed.data);
  });
  return rows;
}
