import { createHash } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A stable `ANPA…` id for an AWS managed policy. The package the catalog is built from does not carry AWS's
 * real ids, so each is derived from the policy's ARN: `ANPA` and 17 base32 characters of the ARN's SHA-256.
 * The same ARN always gets the same id, on every server and across upgrades, and the id has AWS's shape
 * (21 characters, `[A-Z2-7]`), though not AWS's value.
 */
export function managedPolicyId(arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  let id = 'ANPA';
  for (let i = 0; i < 17; i++) id += BASE32[digest[i]! & 31];
  return id;
}
