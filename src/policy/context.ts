/**
 * The request context: the condition keys and their values. Keys are case-insensitive, so they are stored
 * lower-cased; values keep their case.
 */

/** A context value: a single string, or a list of strings for multivalued keys such as `aws:TagKeys`. */
export type ContextValue =
  | { readonly kind: 'single'; readonly value: string }
  | { readonly kind: 'multi'; readonly values: readonly string[] };

/** The values a caller may give for one key. Numbers and booleans are taken as their string forms. */
export type ContextInput = string | number | boolean | readonly (string | number | boolean)[];

/** An immutable map from lower-cased condition keys to values. */
export class RequestContext {
  private readonly values: ReadonlyMap<string, ContextValue>;

  private constructor(values: ReadonlyMap<string, ContextValue>) {
    this.values = values;
  }

  /** Builds a context from plain key/value pairs. Later keys win over earlier ones that differ only in case. */
  static from(entries: Readonly<Record<string, ContextInput>> = {}): RequestContext {
    const map = new Map<string, ContextValue>();
    for (const [key, raw] of Object.entries(entries)) map.set(key.toLowerCase(), toContextValue(raw));
    return new RequestContext(map);
  }

  /** The value of a key, looked up without regard to case. The key must already be lower-cased. */
  get(lowerKey: string): ContextValue | undefined {
    return this.values.get(lowerKey);
  }

  /** A new context with the given keys added where they are not already set. */
  withDefaults(defaults: Readonly<Record<string, ContextInput>>): RequestContext {
    const map = new Map(this.values);
    for (const [key, raw] of Object.entries(defaults)) {
      const lower = key.toLowerCase();
      if (!map.has(lower)) map.set(lower, toContextValue(raw));
    }
    return new RequestContext(map);
  }

  /** Every key, lower-cased. */
  keys(): IterableIterator<string> {
    return this.values.keys();
  }
}

function toContextValue(raw: ContextInput): ContextValue {
  if (Array.isArray(raw)) return { kind: 'multi', values: raw.map(String) };
  return { kind: 'single', value: String(raw) };
}
