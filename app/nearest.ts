/**
 * The names nearest to each of `words` among `names`, for a "did you mean" (a misspelt command, a
 * misspelt setting): fuse.js, as the engine corrects a misspelt word, loaded only when one is asked for.
 */
export async function nearestNames(
  words: readonly string[],
  names: readonly string[],
): Promise<(string | undefined)[]> {
  const { default: Fuse } = await import("fuse.js");
  const fuse = new Fuse(names, { threshold: 0.4 });
  return words.map((word) => fuse.search(word)[0]?.item);
}
