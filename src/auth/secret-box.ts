import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Encrypts secrets at rest (secret access keys, later TOTP seeds) with AES-256-GCM under the master key.
 * The ciphertext is `v1.<iv>.<tag>.<data>` in base64url, so a tampered value fails to decrypt.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  /** Throws when the ciphertext was not sealed under this key or was modified. */
  open(ciphertext: string): string;
}

/** A secret box over a 32-byte master key. */
export function secretBoxFor(masterKey: Uint8Array): SecretBox {
  if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes');
  const key = Buffer.from(masterKey);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(ciphertext) {
      const [version, iv, tag, data] = ciphertext.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || data === undefined) {
        throw new Error('not a sealed secret');
      }
      // authTagLength pins the tag to the 16 bytes seal() writes: without it GCM accepts a tag cut to 4 bytes,
      // which would make a forgery a matter of 2^32 guesses instead of 2^128.
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
        authTagLength: 16,
      });
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
