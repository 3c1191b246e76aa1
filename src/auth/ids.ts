import { randomBytes } from 'node:crypto';

/**
 * Identifiers in AWS's formats. Unique ids and access key ids are a four-letter prefix (AIDA user, AGPA group,
 * AROA role, ANPA policy, AIPA instance profile, AKIA access key, ASIA temporary key) and 16 (unique ids: 17)
 * characters of base32 (A-Z, 2-7); secret access keys are 40 characters of base64.
 */
export type IdPrefix =
  'AIDA' | 'AGPA' | 'AROA' | 'ANPA' | 'AIPA' | 'AKIA' | 'ASIA' | 'ANVA' | 'ASCA' | 'APKA';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += BASE32[bytes[i]! & 31];
  return out;
}

/** Makes identifiers; an interface so tests can make them predictable. */
export interface IdGenerator {
  /** A unique id such as `AIDAJQABLZS4A3QDU576Q` (21 characters). */
  uniqueId(prefix: IdPrefix): string;
  /** An access key id such as `AKIAIOSFODNN7EXAMPLE` (20 characters). */
  accessKeyId(prefix: 'AKIA' | 'ASIA'): string;
  /** A 40-character secret access key. */
  secretAccessKey(): string;
  /** A request id (UUID). */
  requestId(): string;
}

/** Random identifiers from the operating system's CSPRNG. */
export const randomIds: IdGenerator = {
  uniqueId: (prefix) => prefix + base32(17),
  accessKeyId: (prefix) => prefix + base32(16),
  secretAccessKey: () => randomBytes(30).toString('base64'),
  requestId: () => crypto.randomUUID(),
};
