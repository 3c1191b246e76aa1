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
  return !isRead(operation) || (service === 'sts' && MINTS.has(operation));
}

/** CloudTrail's `readOnly` for the operation. */
export function isReadOnly(service: AuditedService, operation: string): boolean {
  return service === 'sts' || isRead(operation);
}

const SOURCES: Record<AuditedService, string> = {
  iam: 'iam.amazonaws.com',
  sts: 'sts.amazonaws.com',
  cloudtrail: 'cloudtrail.amazonaws.com',
};

/** The eventSource of a service: one string per service, so every event of a service shares it. */
export function eventSourceOf(service: AuditedService): string {
  return SOURCES[service];
}

// Asked two or three times per request: the answers for the operations seen, up to a bound (an unknown Action is
// recorded as sent, so the names are the callers' to choose).
const reads = new Map<string, boolean>();

function isRead(operation: string): boolean {
  let read = reads.get(operation);
  if (read === undefined) {
    read = READS.test(operation);
    if (reads.size < 1000) reads.set(operation, read);
  }
  return read;
}
