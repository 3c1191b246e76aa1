import type { AccountFacts, CredentialFacts, KeyFacts } from './credential-facts.js';

/** One column of the credential report: its header name, and how a row's value is computed. */
export interface ReportColumn {
  readonly name: string;
  readonly value: (identity: CredentialFacts, account: AccountFacts) => string;
}

/** The report's value for something that does not apply (no password, no such key, never used). */
export const NOT_APPLICABLE = 'N/A';
/** The value for a password that was never used, or whose use IAM has no record of. */
export const NO_INFORMATION = 'no_information';
/** The value of the password columns that do not apply to the root user. */
export const NOT_SUPPORTED = 'not_supported';

/** A report timestamp: ISO 8601 to the second with an explicit offset, `2026-11-27T21:00:00+00:00`. */
export function reportTime(iso: string | Date): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

const flag = (value: boolean): string => (value ? 'true' : 'false');
const orNA = (value: string | null | undefined): string => value ?? NOT_APPLICABLE;
const timeOrNA = (iso: string | null | undefined): string =>
  iso === null || iso === undefined ? NOT_APPLICABLE : reportTime(iso);
const DAY_MS = 86_400_000;

/** The five columns of access key `n` (1 or 2). */
function keyColumns(n: 1 | 2): ReportColumn[] {
  const key = (identity: CredentialFacts): KeyFacts | undefined => identity.keys[n - 1];
  return [
    { name: `access_key_${n}_active`, value: (i) => flag(key(i)?.active ?? false) },
    // Shown for an inactive key too (recorded: test_credential_report, an inactive second key has a date).
    { name: `access_key_${n}_last_rotated`, value: (i) => timeOrNA(key(i)?.createdAt) },
    { name: `access_key_${n}_last_used_date`, value: (i) => timeOrNA(key(i)?.lastUsedAt) },
    { name: `access_key_${n}_last_used_region`, value: (i) => orNA(key(i)?.lastUsedRegion) },
    { name: `access_key_${n}_last_used_service`, value: (i) => orNA(key(i)?.lastUsedService) },
  ];
}

/** The two columns of signing certificate `n` (1 or 2). */
function certificateColumns(n: 1 | 2): ReportColumn[] {
  const cert = (identity: CredentialFacts): KeyFacts | undefined => identity.certificates[n - 1];
  return [
    { name: `cert_${n}_active`, value: (i) => flag(cert(i)?.active ?? false) },
    { name: `cert_${n}_last_rotated`, value: (i) => timeOrNA(cert(i)?.createdAt) },
  ];
}

/**
 * The credential report's columns, in AWS's order (IAM User Guide, "Getting credential reports"; recorded:
 * test_credential_report). Each column's value is computed here and nowhere else.
 */
export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { name: 'user', value: (i) => i.name },
  { name: 'arn', value: (i) => i.arn },
  { name: 'user_creation_time', value: (i) => reportTime(i.createdAt) },
  {
    name: 'password_enabled',
    value: (i) => (i.kind === 'root' ? NOT_SUPPORTED : flag(i.password !== undefined)),
  },
  {
    name: 'password_last_used',
    // The last console sign-in with the password, root's included. A password never used is "no_information"
    // (recorded: test_credential_report); without a password there is nothing to report.
    value: (i) =>
      i.passwordLastUsed !== null
        ? reportTime(i.passwordLastUsed)
        : i.password === undefined
          ? NOT_APPLICABLE
          : NO_INFORMATION,
  },
  {
    name: 'password_last_changed',
    // Root's password columns other than its last use are not_supported, as AWS writes them.
    value: (i) => (i.kind === 'root' ? NOT_SUPPORTED : timeOrNA(i.password?.changedAt)),
  },
  {
    name: 'password_next_rotation',
    value: (i, account) => {
      if (i.kind === 'root') return NOT_SUPPORTED;
      if (i.password === undefined || account.maxPasswordAgeDays === undefined) return NOT_APPLICABLE;
      return reportTime(new Date(Date.parse(i.password.changedAt) + account.maxPasswordAgeDays * DAY_MS));
    },
  },
  { name: 'mfa_active', value: (i) => flag(i.mfaActive) },
  ...keyColumns(1),
  ...keyColumns(2),
  ...certificateColumns(1),
  ...certificateColumns(2),
];
