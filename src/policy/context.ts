import { intern } from './intern.js';

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

/**
 * An immutable map from lower-cased condition keys to values. A context may sit on a base context (the keys
 * derived from the principal, shared by all of its requests); its own keys win over the base's.
 */
export class RequestContext {
  private readonly own: ReadonlyMap<string, ContextValue>;
  private readonly base: RequestContext | undefined;

  private constructor(own: ReadonlyMap<string, ContextValue>, base: RequestContext | undefined) {
    this.own = own;
    this.base = base;
  }

  /**
   * Builds a context from plain key/value pairs, on an optional base. Later keys win over earlier ones that
   * differ only in case.
   */
  static from(
    entries: Readonly<Record<string, ContextInput>> = {},
    base?: RequestContext,
    defaults?: Readonly<Record<string, ContextInput>>,
  ): RequestContext {
    const map = new Map<string, ContextValue>();
    for (const key in entries) map.set(intern(key.toLowerCase()), toContextValue(entries[key]!));
    // Defaults fill in keys the entries lack (the clock's keys, which a caller's own value overrides).
    for (const key in defaults) {
      const lower = key.toLowerCase();
      if (!map.has(lower)) map.set(lower, toContextValue(defaults[key]!));
    }
    return new RequestContext(map, base);
  }

  /** The value of a key, looked up without regard to case. The key must already be lower-cased. */
  get(lowerKey: string): ContextValue | undefined {
    const value = this.own.get(lowerKey);
    if (value !== undefined || this.base === undefined) return value;
    return this.base.get(lowerKey);
  }

  /** True when the key has a value here or in the base. The key must already be lower-cased. */
  has(lowerKey: string): boolean {
    return this.get(lowerKey) !== undefined;
  }

  /** Every key, lower-cased, the base's included. */
  keys(): string[] {
    const keys = new Set(this.base?.keys());
    for (const key of this.own.keys()) keys.add(key);
    return [...keys];
  }
}

function toContextValue(raw: ContextInput): ContextValue {
  if (Array.isArray(raw)) return { kind: 'multi', values: raw.map(String) };
  return { kind: 'single', value: String(raw) };
}
