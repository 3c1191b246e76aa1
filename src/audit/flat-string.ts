/**
 * `text`, flattened. V8 keeps a string joined from pieces as a tree of them, and copies the tree into one string
 * each time native code reads it whole: a hash, a database binding, a regular expression. Reading a character
 * flattens the tree once, in place, so that every later reader gets one string (docs/benchmarks.md). The value is
 * unchanged: only how V8 holds it.
 */
export function flattened(text: string): string {
  text.charCodeAt(0);
  return text;
}
