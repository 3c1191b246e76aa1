import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretBoxFor } from './secret-box.js';

describe('secret box', () => {
  const box = secretBoxFor(randomBytes(32));

  it('opens what it sealed', () => {
    expect(box.open(box.seal('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'))).toBe(
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    );
  });

  it('refuses a value sealed under another key', () => {
    expect(() => box.open(secretBoxFor(randomBytes(32)).seal('x'))).toThrow();
  });

  it('refuses altered data', () => {
    const [version, iv, tag, data] = box.seal('secret').split('.');
    const altered = Buffer.from(data!, 'base64url');
    altered.writeUInt8(altered.readUInt8(0) ^ 1, 0);
    expect(() => box.open([version, iv, tag, altered.toString('base64url')].join('.'))).toThrow();
  });

  it('refuses a truncated authentication tag, which GCM would otherwise accept', () => {
    const [version, iv, tag, data] = box.seal('secret').split('.');
    const short = Buffer.from(tag!, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => box.open([version, iv, short, data].join('.'))).toThrow();
  });
});
