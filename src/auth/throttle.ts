/**
 * Brute-force protection: failures are counted per key (a user, an access key id, a source address), and after
 * `freeFailures` failures the key is locked for a time that doubles with every further failure, from `baseDelayMs`
 * up to `maxDelayMs`. A key without failures for `forgetAfterMs` starts over; a success clears it. Pure: the clock
 * is passed in, and memory is bounded (at most `maxKeys` keys, the least recently failed forgotten first).
 */

/** How the throttle counts and locks. */
export interface ThrottleSettings {
  /** Failures allowed before the first lockout. */
  readonly freeFailures: number;
  /** The first lockout. */
  readonly baseDelayMs: number;
  /** The longest lockout. */
  readonly maxDelayMs: number;
  /** A key whose last failure is older than this is forgotten. */
  readonly forgetAfterMs: number;
  /** The most keys remembered at once. */
  readonly maxKeys: number;
}

/** The defaults: 5 free failures, then 1 s doubling up to 15 min; forgotten after an hour without failure. */
export const DEFAULT_THROTTLE: ThrottleSettings = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxKeys: 100_000,
};

interface Failures {
  count: number;
  lastFailureMs: number;
  lockedUntilMs: number;
}

/** Whether an attempt may go ahead now; when not, how long until it may. */
export type ThrottleCheck =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

const ALLOWED: ThrottleCheck = Object.freeze({ allowed: true });

/** Failure counts and lockouts for one kind of credential. */
export class Throttle {
  private readonly keys = new Map<string, Failures>();

  constructor(readonly settings: ThrottleSettings = DEFAULT_THROTTLE) {}

  /** Whether every key is free to try now; when one is locked, the longest wait. */
  check(keys: readonly string[], now: Date): ThrottleCheck {
    // Nearly always: nothing has failed lately, and every signed request asks.
    if (this.keys.size === 0) return ALLOWED;
    let wait = 0;
    for (const key of keys) {
      const entry = this.current(key, now.getTime());
      if (entry !== undefined) wait = Math.max(wait, entry.lockedUntilMs - now.getTime());
    }
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : ALLOWED;
  }

  /** Counts a failure against every key; returns whether one of them is now locked. */
  failure(keys: readonly string[], now: Date): boolean {
    const nowMs = now.getTime();
    let locked = false;
    for (const key of keys) {
      const entry = this.current(key, nowMs) ?? { count: 0, lastFailureMs: nowMs, lockedUntilMs: 0 };
      entry.count += 1;
      entry.lastFailureMs = nowMs;
      const over = entry.count - this.settings.freeFailures;
      if (over >= 0) {
        const delay = Math.min(this.settings.baseDelayMs * 2 ** Math.min(over, 40), this.settings.maxDelayMs);
        entry.lockedUntilMs = nowMs + delay;
        locked = true;
      }
      // Re-inserting moves the key to the end, so the map's order is least recently failed first.
      this.keys.delete(key);
      this.keys.set(key, entry);
    }
    while (this.keys.size > this.settings.maxKeys) {
      const oldest = this.keys.keys().next();
      if (oldest.done === true) break;
      this.keys.delete(oldest.value);
    }
    return locked;
  }

  /** Clears a key after a successful attempt. */
  success(key: string): void {
    if (this.keys.size !== 0) this.keys.delete(key);
  }

  /** How many keys are remembered (for tests of the memory bound). */
  get size(): number {
    return this.keys.size;
  }

  private current(key: string, nowMs: number): Failures | undefined {
    const entry = this.keys.get(key);
    if (entry === undefined) return undefined;
    if (nowMs - entry.lastFailureMs >= this.settings.forgetAfterMs) {
      this.keys.delete(key);
      return undefined;
    }
    return entry;
  }
}
