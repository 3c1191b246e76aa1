import { isoMillis } from '../protocol/iso-time.js';
import type { CloudTrailRecord } from './record.js';

/** The columns of `audit_events` that are derived from the record (everything but seq and the chain). */
export interface EventColumns {
  readonly event_id: string;
  readonly event_time: string;
  readonly account_id: string;
  readonly event_source: string;
  readonly event_name: string;
  readonly read_only: number;
  readonly username: string | null;
  readonly access_key_id: string | null;
  readonly error_code: string | null;
}

/**
 * The lookup columns of an event, derived from its record alone, so `iamd audit verify` can check that they still
 * agree with the hashed record. `event_time` keeps milliseconds so that it sorts; LookupEvents' Username is the
 * user name, the role session name, the federated user's name, or `root`.
 */
export function eventColumns(record: CloudTrailRecord, time: Date): EventColumns {
  return {
    event_id: record.eventID,
    event_time: isoMillis(time),
    account_id: record.recipientAccountId,
    event_source: record.eventSource,
    event_name: record.eventName,
    read_only: record.readOnly ? 1 : 0,
    username: usernameOf(record),
    access_key_id: record.userIdentity.accessKeyId ?? null,
    error_code: record.errorCode ?? null,
  };
}

function usernameOf(record: CloudTrailRecord): string | null {
  const identity = record.userIdentity;
  switch (identity.type) {
    case 'Root':
      return 'root';
    case 'IAMUser':
      return identity.userName ?? null;
    case 'AssumedRole':
    case 'FederatedUser': {
      const arn = identity.arn ?? '';
      return arn === '' ? null : arn.slice(arn.lastIndexOf('/') + 1);
    }
    default:
      return null;
  }
}
