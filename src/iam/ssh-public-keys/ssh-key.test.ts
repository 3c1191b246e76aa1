import { describe, expect, it } from 'vitest';
import { isAwsError } from '../../errors/aws-error.js';
import { encoded, fingerprintOf, parseSshPublicKey } from './ssh-key.js';
import {
  ED25519_SSH_KEY,
  SMALL_SSH_KEY,
  SSH_KEY,
  SSH_KEY_FINGERPRINT,
  SSH_KEY_PEM,
} from './test-support/keys.js';

function failure(body: string): string | undefined {
  try {
    parseSshPublicKey(body);
    return undefined;
  } catch (error) {
    return isAwsError(error) ? error.code : String(error);
  }
}

describe('parseSshPublicKey', () => {
  it('fingerprints an ssh-rsa line as ssh-keygen -E md5 does', () => {
    const parsed = parseSshPublicKey(SSH_KEY);
    expect(parsed.encoding).toBe('SSH');
    expect(fingerprintOf(parsed)).toBe(SSH_KEY_FINGERPRINT);
  });

  it('reads the same key from PEM, with the same fingerprint', () => {
    const parsed = parseSshPublicKey(SSH_KEY_PEM);
    expect(parsed.encoding).toBe('PEM');
    expect(fingerprintOf(parsed)).toBe(SSH_KEY_FINGERPRINT);
  });

  it.each([
    ['plain text', 'not a key', 'UnrecognizedPublicKeyEncoding'],
    [
      'a PEM block that is no key',
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
      'UnrecognizedPublicKeyEncoding',
    ],
    ['an Ed25519 key', ED25519_SSH_KEY, 'InvalidPublicKey'],
    ['a 1024-bit RSA key', SMALL_SSH_KEY, 'InvalidPublicKey'],
    ['a truncated blob', SSH_KEY.slice(0, 60), 'InvalidPublicKey'],
    ['a blob of another type under ssh-rsa', `ssh-rsa ${ED25519_SSH_KEY.split(' ')[1]}`, 'InvalidPublicKey'],
  ])('refuses %s', (_, body, code) => {
    expect(failure(body)).toBe(code);
  });
});

describe('encoded', () => {
  it('returns a key as uploaded, or converted to the other encoding', () => {
    expect(encoded(SSH_KEY, 'SSH')).toBe(SSH_KEY);
    expect(encoded(SSH_KEY_PEM, 'PEM')).toBe(SSH_KEY_PEM);
    expect(encoded(SSH_KEY, 'PEM')).toBe(SSH_KEY_PEM);
    // The comment is not part of the key, so the conversion drops it.
    expect(encoded(SSH_KEY_PEM, 'SSH')).toBe(SSH_KEY.split(' ').slice(0, 2).join(' '));
  });
});
