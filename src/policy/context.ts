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
 *
 * The keys and values are held in two parallel arrays and found by a scan: keys are interned, so each step is
 * usually one identity comparison, and a request's handful of keys sit in one or two cache lines, where a Map per
 * request spreads them over a hash table of its own. Contexts with many keys also get a Map.
 */
export class RequestContext {
  private readonly ownKeys: readonly string[];
  private readonly ownValues: readonly ContextValue[];
  private readonly index: ReadonlyMap<string, ContextValue> | undefined;
  private readonly base: RequestContext | undefined;

  private constructor(own: ReadonlyMap<string, ContextValue>, base: RequestContext | undefined) {
    this.ownKeys = [...own.keys()];
    this.ownValues = [...own.values()];
    this.index = own.size > SCAN_LIMIT ? own : undefined;
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
      const lower = intern(key.toLowerCase());
      if (!map.has(lower)) map.set(lower, toContextValue(defaults[key]!));
    }
    return new RequestContext(map, base);
  }

  /**
   * The value of a key, looked up without regard to case. The key must already be lower-cased; interned
   * (`intern`), it is told apart from other keys by identity alone, without comparing characters.
   */
  get(lowerKey: string): ContextValue | undefined {
    const value = this.own(lowerKey);
    if (value !== undefined || this.base === undefined) return value;
    return this.base.get(lowerKey);
  }

  private own(lowerKey: string): ContextValue | undefined {
    if (this.index !== undefined) return this.index.get(lowerKey);
    const keys = this.ownKeys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === lowerKey) return this.ownValues[i];
    return undefined;
  }

  /** True when the key has a value here or in the base. The key must already be lower-cased. */
  has(lowerKey: string): boolean {
    return this.get(lowerKey) !== undefined;
  }

  /** Every key, lower-cased, the base's included. */
  keys(): string[] {
    const keys = new Set(this.base?.keys());
    for (const key of this.ownKeys) keys.add(key);
    return [...keys];
  }
}

// Up to this many keys a scan beats a hash lookup.
const SCAN_LIMIT = 12;

function toContextValue(raw: ContextInput): ContextValue {
  if (Array.isArray(raw)) return { kind: 'multi', values: raw.map(String) };
  return { kind: 'single', value: String(raw) };
}
