import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AwsError } from '../errors/aws-error.js';

/**
 * The session token of temporary credentials (ASIA… keys). It is opaque to the client, and the server can check
 * it without a lookup: AES-256-GCM seals `{ access key id, expiry }` under a key derived from the master key
 * (HKDF-SHA256, so it is independent of the key secret-box.ts uses), which makes it impossible to forge, to alter,
 * or to move to another access key.
 *
 * Format: base64url of `version (1 byte) | iv (12) | ciphertext | tag (16)`, the version byte also bound as
 * additional authenticated data.
 */

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Far longer than any token we mint; a longer string is refused before any decoding work. */
const MAX_TOKEN_LENGTH = 2048;
const HKDF_SALT = 'iamd';
const HKDF_INFO = 'iamd session token v1';

/** The outcome of checking a token: good, not ours (forged, altered, or another key's), or past its expiry. */
export type SessionTokenCheck = 'ok' | 'invalid' | 'expired';

/** Mints and checks session tokens. */
export interface SessionTokens {
  /** A token for `accessKeyId` that expires at `expiresAt`. */
  mint(accessKeyId: string, expiresAt: Date): string;
  /** Whether `token` was minted for `accessKeyId` and has not expired at `now`. */
  check(token: string, accessKeyId: string, now: Date): SessionTokenCheck;
}

interface Payload {
  /** The access key id. */
  readonly a: string;
  /** The expiry, epoch milliseconds. */
  readonly e: number;
}

function isPayload(value: unknown): value is Payload {
  if (typeof value !== 'object' || value === null) return false;
  const { a, e } = value as Record<string, unknown>;
  return typeof a === 'string' && typeof e === 'number' && Number.isFinite(e);
}

/** Session tokens keyed by the 32-byte master key. */
export function sessionTokensFor(masterKey: Uint8Array): SessionTokens {
  if (masterKey.length !== 32) throw new Error('the master key must be 32 bytes');
  const key = Buffer.from(hkdfSync('sha256', masterKey, HKDF_SALT, HKDF_INFO, 32));
  const aad = Buffer.from([VERSION]);

  return {
    mint(accessKeyId, expiresAt) {
      const payload: Payload = { a: accessKeyId, e: expiresAt.getTime() };
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
      const sealed = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
      return Buffer.concat([aad, iv, sealed, cipher.getAuthTag()]).toString('base64url');
    },

    check(token, accessKeyId, now) {
      if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return 'invalid';
      const raw = Buffer.from(token, 'base64url');
      // Base64 leaves spare bits in the last character; only the one spelling we mint is accepted.
      if (raw.toString('base64url') !== token) return 'invalid';
      if (raw.length <= 1 + IV_BYTES + TAG_BYTES || raw[0] !== VERSION) return 'invalid';
      const iv = raw.subarray(1, 1 + IV_BYTES);
      const sealed = raw.subarray(1 + IV_BYTES, raw.length - TAG_BYTES);
      const tag = raw.subarray(raw.length - TAG_BYTES);
      let payload: unknown;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
          .setAAD(aad)
          .setAuthTag(tag);
        payload = JSON.parse(Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8'));
      } catch {
        // A failed authentication tag: forged, altered, or sealed under another master key.
        return 'invalid';
      }
      if (!isPayload(payload) || payload.a !== accessKeyId) return 'invalid';
      return now.getTime() >= payload.e ? 'expired' : 'ok';
    },
  };
}

/** The AwsError for a session token that did not check: AWS's InvalidClientTokenId or ExpiredToken. */
export function sessionTokenError(result: Exclude<SessionTokenCheck, 'ok'>): AwsError {
  return result === 'expired'
    ? new AwsError('ExpiredToken', 'The security token included in the request is expired')
    : new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.');
}
