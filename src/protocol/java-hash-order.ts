/**
 * The order in which a `java.util.HashMap<String, …>` iterates its keys. AWS's validation collects violations in
 * such a map keyed by member path, so its ValidationError lists them in this order: for example
 * "minimumPasswordLength; passwordReusePrevention; maxPasswordAge" and "clientIDList; thumbprintList; url", as
 * recorded from UpdateAccountPasswordPolicy and CreateOpenIDConnectProvider. Neither is model nor alphabetical
 * order; both are HashMap order.
 */

const DEFAULT_CAPACITY = 16;
const LOAD_FACTOR = 0.75;

/** Java's `String.hashCode()`: over UTF-16 code units, 32-bit wrapping. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * Sorts items, given in insertion order, into the iteration order of a HashMap (default capacity and load
 * factor) into which their keys were inserted in that order. Items with the same key stay together, in order,
 * as the values of one entry would. Keys in one bucket keep insertion order (HashMap's resize preserves it).
 * INVARIANT: fewer than 8 keys share a bucket, so no bucket is a red-black tree (true for any real request).
 */
export function javaHashMapOrder<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (!firstIndex.has(key)) firstIndex.set(key, index);
  });
  let capacity = DEFAULT_CAPACITY;
  while (firstIndex.size > capacity * LOAD_FACTOR) capacity *= 2;
  const bucketOf = (key: string): number => {
    const h = javaStringHash(key);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return items
    .map((item, index) => {
      const key = keyOf(item);
      return { item, index, entry: firstIndex.get(key)!, bucket: bucketOf(key) };
    })
    .sort((a, b) => a.bucket - b.bucket || a.entry - b.entry || a.index - b.index)
    .map((sorted) => sorted.item);
}
