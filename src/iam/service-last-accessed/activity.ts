import { keyedEvents } from '../../audit/keyed-events.js';
import type { Store } from '../../store/store.js';

/** A user or role whose activity a report covers. */
export interface ReportEntity {
  readonly type: 'USER' | 'ROLE';
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
}

/** The latest attempt: when, from which region, by which entity (its ARN). */
export interface Access {
  readonly time: string;
  readonly region: string;
  readonly entity: string;
}

/** An entity's latest attempt per service namespace, and per action (`iam:CreateUser`). */
export interface EntityActivity {
  readonly services: Map<string, Access>;
  readonly actions: Map<string, Access>;
}

interface Identity {
  readonly type?: string;
  readonly arn?: string;
  readonly sessionContext?: { readonly sessionIssuer?: { readonly arn?: string } };
}

/**
 * An entity's attempts to access services since `since`, from the audit trail: every authenticated request, allowed
 * or denied, as AWS's last accessed data counts them. A user's are the requests signed with the user's keys (and the
 * user's GetSessionToken sessions, which CloudTrail records as the user); a role's are its sessions' requests. The
 * trail's keys narrow the events (a user's by Username, a role's by SessionIssuer), and each candidate's record then
 * decides.
 */
export async function activityOf(
  store: Store,
  accountId: string,
  entity: ReportEntity,
  since: string,
): Promise<EntityActivity> {
  const events = await keyedEvents(
    store.db,
    accountId,
    entity.type === 'USER' ? 'Username' : 'SessionIssuer',
    entity.type === 'USER' ? entity.name : entity.arn,
    { start: since },
    Infinity,
  );
  const activity: EntityActivity = { services: new Map(), actions: new Map() };
  for (const { parsed: record, event_time } of events) {
    if (!isBy(record.userIdentity, entity)) continue;
    const namespace = record.eventSource.replace(/\.amazonaws\.com$/, '');
    const access = { time: event_time, region: record.awsRegion, entity: entity.arn };
    keepLatest(activity.services, namespace, access);
    keepLatest(activity.actions, `${namespace}:${record.eventName}`, access);
  }
  return activity;
}

function isBy(identity: Identity | undefined, entity: ReportEntity): boolean {
  if (identity === undefined) return false;
  return entity.type === 'USER'
    ? identity.type === 'IAMUser' && identity.arn === entity.arn
    : identity.type === 'AssumedRole' && identity.sessionContext?.sessionIssuer?.arn === entity.arn;
}

/** Keeps the later of two accesses under a key. */
export function keepLatest(map: Map<string, Access>, key: string, access: Access): void {
  const known = map.get(key);
  if (known === undefined || known.time < access.time) map.set(key, access);
}
