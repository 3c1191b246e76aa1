import { describe, expect, it } from 'vitest';
import { hashPassword, passwordNeedsRehash, PASSWORD_HASH_OPTIONS, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('hashes with argon2id at the OWASP parameters (19 MiB, 2 passes, 1 lane)', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
  });

  it('salts every hash and never stores the password', async () => {
    const a = await hashPassword('Pa55word!');
    const b = await hashPassword('Pa55word!');
    expect(a).not.toBe(b);
    expect(a).not.toContain('Pa55word!');
  });

  it('verifies the right password and no other', async () => {
    const stored = await hashPassword('Pa55word!');
    expect(await verifyPassword(stored, 'Pa55word!')).toBe(true);
    for (const wrong of ['pa55word!', 'Pa55word', 'Pa55word!!', '', ' Pa55word!']) {
      expect(await verifyPassword(stored, wrong)).toBe(false);
    }
  });

  it('handles passwords with any characters', async () => {
    const password = 'ü€😀 \t"\'\\\u0000end';
    expect(await verifyPassword(await hashPassword(password), password)).toBe(true);
  });

  it('answers false when there is no stored hash, after doing the same work', async () => {
    const stored = await hashPassword('Pa55word!');
    const time = async (fn: () => Promise<boolean>) => {
      const start = process.hrtime.bigint();
      expect(await fn()).toBe(false);
      return Number(process.hrtime.bigint() - start);
    };
    const real = await time(() => verifyPassword(stored, 'wrong'));
    const none = await time(() => verifyPassword(undefined, 'wrong'));
    // An argon2 verification at 19 MiB takes milliseconds; answering at once would take microseconds.
    expect(none).toBeGreaterThan(real / 10);
  });

  it('fails closed on a stored value that is not an argon2 hash', async () => {
    for (const junk of [
      '',
      'plaintext',
      '$2b$10$abcdefghijklmnopqrstuv',
      '$argon2id$v=19$m=19456,t=2,p=1$bad',
    ]) {
      expect(await verifyPassword(junk, 'plaintext')).toBe(false);
    }
  });

  it('says when a hash was made with weaker parameters', async () => {
    expect(passwordNeedsRehash(await hashPassword('x'))).toBe(false);
    const weak =
      '$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$OBM6fZ8ojp5Dw3wr6mPlRzERxzGVxxTtLLW1CtYtETc';
    expect(passwordNeedsRehash(weak)).toBe(true);
    const argon2i =
      '$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$OBM6fZ8ojp5Dw3wr6mPlRzERxzGVxxTtLLW1CtYtETc';
    expect(passwordNeedsRehash(argon2i)).toBe(true);
    expect(passwordNeedsRehash('not a hash')).toBe(true);
  });

  it('exports the parameters it uses', () => {
    expect(PASSWORD_HASH_OPTIONS).toEqual({ algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });
});
