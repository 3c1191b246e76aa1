import { describe, expect, it } from 'vitest';
import { Throttle, type ThrottleSettings } from './throttle.js';

const SETTINGS: ThrottleSettings = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
  forgetAfterMs: 60_000,
  maxKeys: 4,
};
const at = (ms: number) => new Date(1_700_000_000_000 + ms);

describe('Throttle', () => {
  it('allows the free failures, then locks for a time that doubles up to the maximum', () => {
    const throttle = new Throttle(SETTINGS);
    for (let i = 0; i < 2; i++) expect(throttle.failure(['u'], at(0))).toBe(false);
    expect(throttle.check(['u'], at(0))).toEqual({ allowed: true });
    expect(throttle.failure(['u'], at(0))).toBe(true);
    expect(throttle.check(['u'], at(0))).toEqual({ allowed: false, retryAfterMs: 1_000 });
    expect(throttle.check(['u'], at(999)).allowed).toBe(false);
    expect(throttle.check(['u'], at(1_000)).allowed).toBe(true);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      throttle.failure(['u'], at(10_000));
      const check = throttle.check(['u'], at(10_000));
      waits.push(check.allowed ? 0 : check.retryAfterMs);
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('a success clears the key; other keys are untouched', () => {
    const throttle = new Throttle(SETTINGS);
    for (let i = 0; i < 3; i++) throttle.failure(['u', 'ip'], at(0));
    throttle.success('u');
    expect(throttle.check(['u'], at(0)).allowed).toBe(true);
    expect(throttle.check(['ip'], at(0)).allowed).toBe(false);
  });

  it('forgets a key after a quiet period', () => {
    const throttle = new Throttle(SETTINGS);
    for (let i = 0; i < 3; i++) throttle.failure(['u'], at(0));
    throttle.failure(['u'], at(60_000));
    // Forgotten at 60 s: the failure at 60 s is the first of a new count, not a lockout.
    expect(throttle.check(['u'], at(60_000)).allowed).toBe(true);
  });

  it('keeps at most maxKeys keys, forgetting the least recently failed', () => {
    const throttle = new Throttle(SETTINGS);
    for (let k = 0; k < 10; k++) for (let i = 0; i < 3; i++) throttle.failure([`k${k}`], at(k));
    expect(throttle.size).toBe(4);
    expect(throttle.check(['k9'], at(10)).allowed).toBe(false);
    expect(throttle.check(['k0'], at(10)).allowed).toBe(true);
  });
});
