/**
 * The canonical copy of a string: V8 keeps one copy of every string used as a property name, so two equal
 * strings passed through here are the same object. Map lookups then compare keys by identity instead of by
 * content, which matters on the hot path, where request strings (actions, context keys) meet compiled ones.
 */
export function intern(text: string): string {
  const holder: Record<string, true> = { [text]: true };
  for (const key in holder) return key;
  return text;
}
