import type { AccountFacts, CredentialFacts } from './credential-facts.js';
import { REPORT_COLUMNS } from './columns.js';
import { csvLine } from './csv.js';

/**
 * The credential report as CSV: the header line, then one line per identity, separated by `\n` with none after the
 * last (not confirmed against AWS: the recordings hold the parsed report only).
 */
export function buildCredentialReport(account: AccountFacts, identities: readonly CredentialFacts[]): string {
  const lines = [
    csvLine(REPORT_COLUMNS.map((c) => c.name)),
    ...identities.map((i) => csvLine(REPORT_COLUMNS.map((c) => c.value(i, account)))),
  ];
  return lines.join('\n');
}
