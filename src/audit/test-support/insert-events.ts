import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store.js';
import { lookupKeysOf, type KeyedEvent } from '../lookup-keys.js';
import { lookupValuesOf } from '../lookup-values.js';
import type { CloudTrailRecord } from '../record.js';

/**
 * TEST SUPPORT ONLY: writes audit events straight into audit_events and audit_event_keys, shaped as the recorder
 * writes them (one call's events are one batch), so that the reading side (LookupEvents, service last accessed) can
 * be tested with trails of any size and age. The hash columns hold placeholders: nothing here verifies the chain.
 */
export interface TestEvent {
  readonly accountId: string;
  readonly eventName: string;
  /** Default `iam.amazonaws.com`. */
  readonly eventSource?: string;
  readonly eventTime: Date;
  readonly readOnly?: boolean;
  readonly username?: string;
  readonly accessKeyId?: string;
  /** A request parameter naming a resource, as resources.ts reads them (`userName`, `roleArn`…). */
  readonly requestParameters?: Readonly<Record<string, string>>;
  /** An IAM user caller's ARN, written to userIdentity.arn (for service last accessed). */
  readonly principalArn?: string;
  /** A role session caller: userIdentity is then an AssumedRole with this role as its session issuer. */
  readonly roleSession?: { readonly roleArn: string; readonly sessionName: string };
  readonly region?: string;
  readonly errorCode?: string;
  readonly eventId?: string;
}

/** Inserts the events in order, after any already there; returns their event ids. */
export async function insertTestEvents(store: Store, events: readonly TestEvent[]): Promise<string[]> {
  const top = await store.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('top'))
    .executeTakeFirst();
  let seq = Number(top?.top ?? 0);
  const ids: string[] = [];
  const keyed: KeyedEvent[] = [];
  for (const event of events) {
    seq += 1;
    const eventId = event.eventId ?? randomUUID();
    ids.push(eventId);
    const eventSource = event.eventSource ?? 'iam.amazonaws.com';
    const readOnly = event.readOnly ?? /^(Get|List)/.test(event.eventName);
    const record: CloudTrailRecord = {
      eventVersion: '1.08',
      userIdentity:
        event.roleSession === undefined
          ? {
              type: event.username === 'root' ? 'Root' : 'IAMUser',
              ...(event.principalArn === undefined ? {} : { arn: event.principalArn }),
              accountId: event.accountId,
              ...(event.accessKeyId === undefined ? {} : { accessKeyId: event.accessKeyId }),
              ...(event.username === undefined ? {} : { userName: event.username }),
            }
          : assumedRole(event.accountId, event.roleSession, event.accessKeyId),
      eventTime: `${event.eventTime.toISOString().slice(0, 19)}Z`,
      eventSource,
      eventName: event.eventName,
      awsRegion: event.region ?? 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      ...(event.errorCode === undefined ? {} : { errorCode: event.errorCode }),
      requestParameters: event.requestParameters ?? null,
      responseElements: null,
      eventID: eventId,
      readOnly,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: event.accountId,
      eventCategory: 'Management',
    };
    const time = event.eventTime.toISOString();
    await store.db
      .insertInto('audit_events')
      .values({
        seq,
        event_time: time,
        account_id: event.accountId,
        record: JSON.stringify(record),
        prev_hash: '0'.repeat(64),
        hash: '0'.repeat(64),
      })
      .execute();
    keyed.push({ seq, time, accountId: event.accountId, values: lookupValuesOf(record, event.eventTime) });
  }
  const keys = lookupKeysOf(keyed);
  if (keys.length > 0) await store.db.insertInto('audit_event_keys').values(keys).execute();
  return ids;
}

function assumedRole(
  accountId: string,
  session: { readonly roleArn: string; readonly sessionName: string },
  accessKeyId: string | undefined,
): CloudTrailRecord['userIdentity'] {
  const roleName = session.roleArn.slice(session.roleArn.lastIndexOf('/') + 1);
  return {
    type: 'AssumedRole',
    principalId: `AROAEXAMPLE:${session.sessionName}`,
    arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${session.sessionName}`,
    accountId,
    ...(accessKeyId === undefined ? {} : { accessKeyId }),
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: 'AROAEXAMPLE',
        arn: session.roleArn,
        accountId,
        userName: roleName,
      },
      attributes: { creationDate: '2026-11-20T00:00:00Z', mfaAuthenticated: 'false' },
    },
  };
}
