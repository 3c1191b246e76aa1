import type { AttributeKey } from '../cloudtrail/lookup-input.js';
import { carriesTime } from './event-id.js';
import type { CloudTrailRecord } from './record.js';
import { resourcesOf } from './resources.js';

/**
 * What the trail's keys index: LookupEvents' attributes, plus `Account` (every event of an account: lookups without
 * an attribute, and by time) and `SessionIssuer` (a role's sessions, for its last-accessed data).
 */
export type KeyAttribute = AttributeKey | 'Account' | 'SessionIssuer';

/** One value an event has for a key attribute: `['EventName', 'GetUser']`. */
export type LookupValue = readonly [KeyAttribute, string];

/**
 * The values an event has for the key attributes, derived from its record alone, so that the writer's lookup keys,
 * `iamd audit verify` and the lookups themselves agree. EventId is left out when the id itself tells the event's
 * time (a UUID version 7 of that millisecond, event-id.ts): a lookup finds such an event among the account's events
 * of that millisecond. Username is the user name, the role session name, the federated user's name, or `root`.
 */
export function lookupValuesOf(record: CloudTrailRecord, time: Date): LookupValue[] {
  const values: LookupValue[] = [
    ['Account', record.recipientAccountId],
    ['EventName', record.eventName],
    ['EventSource', record.eventSource],
    ['ReadOnly', record.readOnly ? 'true' : 'false'],
  ];
  const username = usernameOf(record);
  if (username !== undefined) values.push(['Username', username]);
  const key = record.userIdentity.accessKeyId;
  if (key !== undefined && key !== '') values.push(['AccessKeyId', key]);
  const issuer = sessionIssuerOf(record);
  if (issuer !== undefined) values.push(['SessionIssuer', issuer]);
  for (const resource of resourcesOf(record)) {
    values.push(['ResourceType', resource.type], ['ResourceName', resource.name]);
  }
  if (!carriesTime(record.eventID, time.getTime())) values.push(['EventId', record.eventID]);
  return values;
}

/** Whether an event has `value` for the attribute `key` (EventId included, whatever its form). */
export function hasLookupValue(record: CloudTrailRecord, key: KeyAttribute, value: string): boolean {
  switch (key) {
    case 'Account':
      return record.recipientAccountId === value;
    case 'SessionIssuer':
      return sessionIssuerOf(record) === value;
    case 'EventId':
      return record.eventID === value;
    case 'EventName':
      return record.eventName === value;
    case 'EventSource':
      return record.eventSource === value;
    case 'ReadOnly':
      return (record.readOnly ? 'true' : 'false') === value;
    case 'Username':
      return usernameOf(record) === value;
    case 'AccessKeyId':
      return record.userIdentity.accessKeyId === value;
    case 'ResourceType':
      return resourcesOf(record).some((r) => r.type === value);
    case 'ResourceName':
      return resourcesOf(record).some((r) => r.name === value);
  }
}

/**
 * Whether an event with `value` for `key` must hold the value's JSON text verbatim (the record is JSON.stringify's
 * output): a cheap test that rules most other events out before their record is parsed. Usernames (derived from an
 * ARN, or `root`), ReadOnly and resource types need not appear as such.
 */
export function quotedInRecord(key: KeyAttribute): boolean {
  return (
    key === 'Account' ||
    key === 'SessionIssuer' ||
    key === 'EventId' ||
    key === 'EventName' ||
    key === 'EventSource' ||
    key === 'AccessKeyId' ||
    key === 'ResourceName'
  );
}

/** LookupEvents' Username of an event, if it has one. */
export function usernameOf(record: CloudTrailRecord): string | undefined {
  const identity = record.userIdentity;
  switch (identity.type) {
    case 'Root':
      return 'root';
    case 'IAMUser':
      return identity.userName === '' ? undefined : identity.userName;
    case 'AssumedRole':
    case 'FederatedUser': {
      const arn = identity.arn ?? '';
      return arn === '' ? undefined : arn.slice(arn.lastIndexOf('/') + 1);
    }
    default:
      return undefined;
  }
}

/** The ARN of the role whose session made the call, for an assumed-role caller. */
function sessionIssuerOf(record: CloudTrailRecord): string | undefined {
  const identity = record.userIdentity;
  return identity.type === 'AssumedRole' ? identity.sessionContext?.sessionIssuer?.arn : undefined;
}
