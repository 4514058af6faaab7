/**
 * A subject at least this long makes V8 compile a regular expression straight to machine code on its
 * first use (its rule for long subjects), instead of to bytecode first.
 */
const LONG_SUBJECT = " ".repeat(1_000);

/**
 * Compiles a regular expression now, to machine code, and returns it.
 *
 * By default V8 compiles a pattern that is not global twice: to bytecode on its first use, and to
 * machine code on its next. For the long alternations that read every question (greetings, who is
 * asking, small talk, how-to openings) the bytecode compile is the slow one: FRAMING took about 7 ms
 * that way, under 2 ms straight to machine code. A first use on a long blank subject takes the quick
 * road, once, when the module loads: a one-shot `ask` of a short question took about 11 ms less, of a
 * three-sentence one about 20 ms less. A global pattern gains nothing (V8 compiles one used with
 * `replace` straight to machine code), nor does one only some questions reach (a plea, "how do I"),
 * which is left to compile when one does. What a pattern matches is the same either way.
 */
export function eager<T extends RegExp>(pattern: T): T {
  pattern.test(LONG_SUBJECT);
  pattern.lastIndex = 0;
  return pattern;
}

/**
 * A function that compiles `patterns` as `eager` does on its first call and does nothing on later ones:
 * for long patterns that only some questions reach, so that a command that never needs them never pays
 * for them, and one that does pays the quick compile once.
 */
export function onFirstNeed(...patterns: readonly RegExp[]): () => void {
  let compiled = false;
  return () => {
    if (compiled) return;
    for (const pattern of patterns) eager(pattern);
    compiled = true;
  };
}
