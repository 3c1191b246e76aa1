import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Signed digests. A digest states that the chain, at event `seq`, ended in `hash`; it is signed with an Ed25519
 * key derived from the master key (HKDF-SHA256, salt `iamd-audit`, info `digest-signing-key/v1`), so the key is
 * never stored and rotates with the master key. Each digest names the previous digest's signature, so digests
 * chain as CloudTrail's digest files do (`previousDigestSignature`).
 *
 * The signed text is exactly:
 *   `iamd-audit-digest/v1\nseq=<seq>\nhash=<hash>\ncreated=<created_at>\nprevious=<previous_signature>`
 */

/** A digest as stored in `audit_digests`. */
export interface Digest {
  readonly seq: number;
  readonly hash: string;
  readonly created_at: string;
  readonly previous_signature: string;
  readonly signature: string;
}

/** Signs and checks digests. */
export interface DigestSigner {
  sign(digest: Omit<Digest, 'signature'>): string;
  verify(digest: Digest): boolean;
}

// The PKCS#8 DER header of an Ed25519 private key (RFC 8410), followed by the 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The text a digest's signature covers. */
export function digestText(digest: Omit<Digest, 'signature'>): string {
  return (
    `iamd-audit-digest/v1\nseq=${digest.seq}\nhash=${digest.hash}\n` +
    `created=${digest.created_at}\nprevious=${digest.previous_signature}`
  );
}

/** The digest signer of a master key. */
export function digestSignerFor(masterKey: Uint8Array): DigestSigner {
  const seed = Buffer.from(hkdfSync('sha256', masterKey, 'iamd-audit', 'digest-signing-key/v1', 32));
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  return {
    sign: (digest) => sign(null, Buffer.from(digestText(digest)), privateKey).toString('base64'),
    verify: (digest) => {
      try {
        return verify(
          null,
          Buffer.from(digestText(digest)),
          publicKey,
          Buffer.from(digest.signature, 'base64'),
        );
      } catch {
        return false;
      }
    },
  };
}
