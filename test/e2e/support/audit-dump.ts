import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AwsCredentialIdentity } from '@aws-sdk/types';

/**
 * The suite-wide redaction scan's collection side. When `IAMD_TEST_AUDIT_DUMP` names a directory, every test
 * server writes the audit records it commits there, and every SDK client writes there the secrets it sent or
 * received; `npm test` then scans every record for every secret (test/audit-scan/).
 */

/** The dump directory, when the scan is on. */
export function auditDumpDir(): string | undefined {
  const dir = process.env['IAMD_TEST_AUDIT_DUMP'];
  return dir === undefined || dir === '' ? undefined : dir;
}

/** The members whose values are secrets, in SDK inputs and outputs. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'SecretAccessKey',
  'SessionToken',
  'Password',
  'NewPassword',
  'OldPassword',
  'Base32StringSeed',
  'QRCodePNG',
  'AuthenticationCode1',
  'AuthenticationCode2',
  'TokenCode',
  'PrivateKey',
  'SAMLAssertion',
  'WebIdentityToken',
  'ServicePassword',
]);

const stamp = `${process.pid}-${Math.random().toString(36).slice(2)}`;

function write(kind: 'records' | 'secrets', lines: readonly string[]): void {
  const dir = auditDumpDir();
  if (dir === undefined || lines.length === 0) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${kind}-${stamp}.jsonl`), lines.map((l) => `${l}\n`).join(''));
}

/** Writes committed audit records (the server's onAuditAppended). */
export function dumpRecords(records: readonly string[]): void {
  // INVARIANT: a stored record is one line of JSON (JSON.stringify never writes a raw newline).
  write('records', records);
}

/** Every form in which a secret value could show up in a record. */
function forms(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Uint8Array) {
    const buffer = Buffer.from(value);
    return [buffer.toString('utf8'), buffer.toString('base64')];
  }
  return [];
}

/** Collects the secret values inside an SDK input or output. */
export function secretsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) secretsIn(item, out);
  else if (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date)
  ) {
    for (const [key, member] of Object.entries(value)) {
      if (SECRET_FIELDS.has(key)) out.push(...forms(member));
      else secretsIn(member, out);
    }
  }
  return out;
}

/** Writes the secrets of an SDK call (its input and output) and of the credentials it was signed with. */
export function dumpSecrets(values: readonly string[]): void {
  write(
    'secrets',
    [...new Set(values.filter((v) => v !== ''))].map((v) => JSON.stringify(v)),
  );
}

/** The secrets of a set of credentials. */
export function credentialSecrets(credentials: AwsCredentialIdentity): string[] {
  return [
    credentials.secretAccessKey,
    ...(credentials.sessionToken === undefined ? [] : [credentials.sessionToken]),
  ];
}
