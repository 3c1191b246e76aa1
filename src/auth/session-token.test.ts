import { describe, expect, it } from 'vitest';
import { generateMasterKey } from './master-key.js';
import { sessionTokenError, sessionTokensFor } from './session-token.js';

const AKID = 'ASIAIOSFODNN7EXAMPLE';
const NOW = new Date('2026-01-01T00:00:00Z');
const EXPIRES = new Date('2026-01-01T01:00:00Z');

describe('session tokens', () => {
  const tokens = sessionTokensFor(generateMasterKey());

  it('checks a token it minted, for the key it was minted for', () => {
    const token = tokens.mint(AKID, EXPIRES);
    expect(tokens.check(token, AKID, NOW)).toBe('ok');
  });

  it('mints opaque, URL-safe tokens that differ each time and do not show the key id', () => {
    const a = tokens.mint(AKID, EXPIRES);
    const b = tokens.mint(AKID, EXPIRES);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url').toString('latin1')).not.toContain(AKID);
  });

  it('is expired from its expiry on, and good until then', () => {
    const token = tokens.mint(AKID, EXPIRES);
    expect(tokens.check(token, AKID, new Date(EXPIRES.getTime() - 1))).toBe('ok');
    expect(tokens.check(token, AKID, EXPIRES)).toBe('expired');
    expect(tokens.check(token, AKID, new Date(EXPIRES.getTime() + 86_400_000))).toBe('expired');
  });

  it('is invalid for another access key', () => {
    const token = tokens.mint(AKID, EXPIRES);
    expect(tokens.check(token, 'ASIAI44QH8DHBEXAMPLE', NOW)).toBe('invalid');
  });

  it('is invalid under another master key', () => {
    const token = tokens.mint(AKID, EXPIRES);
    expect(sessionTokensFor(generateMasterKey()).check(token, AKID, NOW)).toBe('invalid');
  });

  it('is invalid after any change to any character', () => {
    const token = tokens.mint(AKID, EXPIRES);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < token.length; i++) {
      const other = alphabet[(alphabet.indexOf(token[i]!) + 1) % alphabet.length]!;
      const altered = token.slice(0, i) + other + token.slice(i + 1);
      expect(tokens.check(altered, AKID, NOW), `character ${i}`).toBe('invalid');
    }
  });

  it('is invalid truncated, extended, or padded', () => {
    const token = tokens.mint(AKID, EXPIRES);
    expect(tokens.check(token.slice(0, -1), AKID, NOW)).toBe('invalid');
    expect(tokens.check(token + 'A', AKID, NOW)).toBe('invalid');
    expect(tokens.check(token + '=', AKID, NOW)).toBe('invalid');
  });

  it('is invalid for strings that are not tokens at all', () => {
    for (const junk of [
      '',
      'v1.abc',
      'AQ',
      '!!!!',
      'A'.repeat(5000),
      'FwoGZXIvYXdzEXAMPLE/token+with=chars',
    ]) {
      expect(tokens.check(junk, AKID, NOW)).toBe('invalid');
    }
  });

  it('cannot be made by re-sealing a chosen payload without the key', () => {
    // An attacker who knows the format but not the key can only guess a tag.
    const token = tokens.mint(AKID, EXPIRES);
    const raw = Buffer.from(token, 'base64url');
    raw.fill(0, raw.length - 16);
    expect(tokens.check(raw.toString('base64url'), AKID, NOW)).toBe('invalid');
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => sessionTokensFor(new Uint8Array(16))).toThrow('32 bytes');
  });
});

describe('sessionTokenError', () => {
  it("is AWS's InvalidClientTokenId for a token that is not good", () => {
    const error = sessionTokenError('invalid');
    expect([error.code, error.status, error.message]).toEqual([
      'InvalidClientTokenId',
      403,
      'The security token included in the request is invalid.',
    ]);
  });

  it("is AWS's ExpiredToken for an expired one", () => {
    const error = sessionTokenError('expired');
    expect([error.code, error.message]).toEqual([
      'ExpiredToken',
      'The security token included in the request is expired',
    ]);
  });
});
