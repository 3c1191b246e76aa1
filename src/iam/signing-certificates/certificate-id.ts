import { createHash, type X509Certificate } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const LENGTH = 28;

/**
 * A signing certificate's id: 28 characters of base32 (the shape of AWS's ids, e.g. `TA7SMP42TDN5Z26OBPJE7EXAMPLE`)
 * taken from the SHA-256 of the certificate. Deriving it from the certificate makes "the same certificate
 * uploaded twice in an account" a primary-key conflict, which concurrent uploads cannot get around.
 */
export function certificateId(certificate: X509Certificate): string {
  const digest = createHash('sha256').update(certificate.raw).digest();
  let bits = 0;
  let value = 0;
  let id = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && id.length < LENGTH) {
      id += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return id;
}
