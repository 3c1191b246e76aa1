import { describe, expect, it } from 'vitest';
import { Secret } from 'otpauth';
import { matchingStep, newTotpSeed, otpauthUri, totpCode, totpStep } from './totp.js';

// RFC 6238, appendix B: the SHA-1 seed is the ASCII string "12345678901234567890"; the RFC lists 8-digit codes,
// and a 6-digit code is the last six digits of the same truncated value (RFC 4226, section 5.3).
const RFC_SEED = Secret.fromLatin1('12345678901234567890').base32;
const RFC_VECTORS: readonly [seconds: number, eightDigits: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('totp', () => {
  it.each(RFC_VECTORS)('matches RFC 6238 at T=%i', (seconds, eight) => {
    const now = new Date(seconds * 1000);
    expect(totpCode(RFC_SEED, totpStep(now))).toBe(eight.slice(2));
    expect(matchingStep(RFC_SEED, eight.slice(2), now)).toBe(totpStep(now));
  });

  it('accepts codes one step either side and refuses two steps away', () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    for (const offset of [-1, 0, 1]) {
      expect(matchingStep(RFC_SEED, totpCode(RFC_SEED, step + offset), now)).toBe(step + offset);
    }
    for (const offset of [-3, -2, 2, 3]) {
      const code = totpCode(RFC_SEED, step + offset);
      const near = [-1, 0, 1].map((o) => totpCode(RFC_SEED, step + o));
      if (!near.includes(code)) expect(matchingStep(RFC_SEED, code, now)).toBeUndefined();
    }
  });

  it('refuses malformed codes', () => {
    const now = new Date();
    for (const code of [
      '',
      '12345',
      '1234567',
      'abcdef',
      ' 12345',
      `${totpCode(RFC_SEED, totpStep(now))} `,
    ]) {
      expect(matchingStep(RFC_SEED, code, now)).toBeUndefined();
    }
  });

  it('makes 20-byte random Base32 seeds', () => {
    const a = newTotpSeed();
    const b = newTotpSeed();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(a).bytes).toHaveLength(20);
    expect(a).not.toBe(b);
  });

  it('writes the otpauth URI with issuer and label', () => {
    const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'Amazon Web Services', 'alice@123456789012'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Amazon Web Services:alice@123456789012');
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(uri.searchParams.get('issuer')).toBe('Amazon Web Services');
  });
});
