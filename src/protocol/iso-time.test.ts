// IAM and STS write timestamps as ISO 8601 in UTC; the audit trail keeps event times to the millisecond.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoMillis, isoSeconds } from './iso-time.js';

describe('iso-time', () => {
  // Times that often share a second with the one before, so that the kept second is both reused and replaced.
  const times = fc.array(
    fc.oneof(
      fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }),
      fc.integer({ min: 1_800_000_000_000, max: 1_800_000_002_000 }),
    ),
    { minLength: 1, maxLength: 50 },
  );

  it('writes what toISOString writes, to the millisecond and to the second', () => {
    fc.assert(
      fc.property(times, (list) => {
        for (const ms of list) {
          const date = new Date(ms);
          expect(isoMillis(date)).toBe(date.toISOString());
          expect(isoSeconds(date)).toBe(`${date.toISOString().slice(0, -5)}Z`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the fraction of a time before 1970 from the second before it', () => {
    expect(isoMillis(new Date(-1))).toBe('1969-12-31T23:59:59.999Z');
    expect(isoSeconds(new Date(-1))).toBe('1969-12-31T23:59:59Z');
  });
});
