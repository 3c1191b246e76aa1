import { describe, expect, it } from 'vitest';
import { javaHashMapOrder, javaStringHash } from './java-hash-order.js';

const identity = (s: string) => s;

describe('javaStringHash', () => {
  it("matches Java's String.hashCode", () => {
    // Values from Java: "".hashCode() == 0, "a" == 97, "hello" == 99162322, "polygenelubricants" == Integer.MIN_VALUE.
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('a')).toBe(97);
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648);
  });
});

describe('javaHashMapOrder', () => {
  it('puts the password policy violations in the order AWS reported them', () => {
    // Inserted in model order; AWS listed minimumPasswordLength, passwordReusePrevention, maxPasswordAge.
    expect(
      javaHashMapOrder(['minimumPasswordLength', 'maxPasswordAge', 'passwordReusePrevention'], identity),
    ).toEqual(['minimumPasswordLength', 'passwordReusePrevention', 'maxPasswordAge']);
  });

  it('puts the OIDC provider violations in the order AWS reported them', () => {
    expect(javaHashMapOrder(['url', 'clientIDList', 'thumbprintList'], identity)).toEqual([
      'clientIDList',
      'thumbprintList',
      'url',
    ]);
  });

  it('keeps items with the same key together, in insertion order, at the position of the key', () => {
    const items = [
      { key: 'url', n: 1 },
      { key: 'clientIDList', n: 2 },
      { key: 'url', n: 3 },
    ];
    expect(javaHashMapOrder(items, (i) => i.key).map((i) => i.n)).toEqual([2, 1, 3]);
  });

  it('grows the table past 12 keys, which changes the buckets', () => {
    const keys = Array.from({ length: 13 }, (_, i) => `member${i}`);
    const ordered = javaHashMapOrder(keys, identity);
    const bucket32 = (k: string) => {
      const h = javaStringHash(k);
      return (h ^ (h >>> 16)) & 31;
    };
    const buckets = ordered.map(bucket32);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
  });
});
