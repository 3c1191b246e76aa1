/**
 * How an operation is audited. Three properties that do not coincide:
 * - `changesState`: the call may write, so it runs in one transaction with its event (durability);
 * - `readOnly`: CloudTrail's flag. CloudTrail marks the STS calls read-only, AssumeRole included, since they
 *   change no resource (see docs/audit.md);
 * - `recordsResponse`: responseElements are written for calls that change state or mint credentials, and are
 *   null for reads.
 */

const READS = /^(Get|List|Simulate|Lookup)/;
/** STS reads that write a session row. */
const MINTS = new Set(['GetSessionToken', 'GetFederationToken']);

/** The services iamd records: IAM and STS (Query protocol) and CloudTrail's LookupEvents (JSON protocol). */
export type AuditedService = 'iam' | 'sts' | 'cloudtrail';

/** Whether the operation may change state, and so must commit together with its event. */
export function changesState(service: AuditedService, operation: string): boolean {
  return !READS.test(operation) || (service === 'sts' && MINTS.has(operation));
}

/** CloudTrail's `readOnly` for the operation. */
export function isReadOnly(service: AuditedService, operation: string): boolean {
  return service === 'sts' || READS.test(operation);
}

/** The eventSource of a service. */
export function eventSourceOf(service: AuditedService): string {
  return `${service}.amazonaws.com`;
}
