/**
 * `compute`, keeping its answer for each key already asked, up to `limit` keys: then it forgets them
 * all at once and starts again, so it never holds more. For pure lookups asked about the same words
 * over and over (a typo's correction, a word list's membership).
 */
export function remembering<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    const known = seen.get(key);
    if (known !== undefined || seen.has(key)) return known as T;
    const value = compute(key);
    if (seen.size >= limit) seen.clear();
    seen.set(key, value);
    return value;
  };
}
