import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { AttributeKey, LookupQuery } from './lookup-input.js';
import type { Cursor } from './next-token.js';

/** An audit_events row as LookupEvents reads it (the hash chain's columns stay behind). */
export interface EventRow {
  readonly seq: number;
  readonly event_id: string;
  readonly event_time: string;
  readonly event_source: string;
  readonly event_name: string;
  readonly read_only: number;
  readonly username: string | null;
  readonly access_key_id: string | null;
  readonly record: string;
}

/** The audit_events column each event attribute matches (resources are matched in their own table). */
const COLUMN: Partial<
  Record<AttributeKey, 'event_id' | 'event_name' | 'username' | 'access_key_id' | 'event_source'>
> = {
  EventId: 'event_id',
  EventName: 'event_name',
  Username: 'username',
  AccessKeyId: 'access_key_id',
  EventSource: 'event_source',
};

/**
 * One page of an account's events, newest first (event time, then seq), starting after `after`: at most `limit`
 * rows plus one, so the caller knows whether there is a next page. Each filter is an equality on the leading
 * columns of one index of migration 0007, and the time bounds and the cursor a range on the next, so the store
 * walks one index range backwards and stops at the page's end.
 */
export async function eventPage(
  store: Store,
  accountId: string,
  query: LookupQuery,
  after: Cursor | undefined,
  limit: number,
): Promise<EventRow[]> {
  let select = store.db
    .selectFrom('audit_events')
    .select([
      'seq',
      'event_id',
      'event_time',
      'event_source',
      'event_name',
      'read_only',
      'username',
      'access_key_id',
      'record',
    ])
    .where('account_id', '=', accountId);
  select = withAttribute(select, query);
  if (query.start !== undefined) select = select.where('event_time', '>=', query.start);
  if (query.end !== undefined) select = select.where('event_time', '<=', query.end);
  if (after !== undefined) {
    select = select
      .where('event_time', '<=', after.eventTime)
      .where((eb) =>
        eb.or([
          eb('event_time', '<', after.eventTime),
          eb.and([eb('event_time', '=', after.eventTime), eb('seq', '<', after.seq)]),
        ]),
      );
  }
  return select
    .orderBy('event_time', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
}

type EventSelect = SelectQueryBuilder<Database, 'audit_events', EventRow>;

function withAttribute(select: EventSelect, query: LookupQuery): EventSelect {
  const attribute = query.attribute;
  if (attribute === undefined) return select;
  const column = COLUMN[attribute.key];
  if (column !== undefined) return select.where(column, '=', attribute.value);
  if (attribute.key === 'ReadOnly') return select.where('read_only', '=', attribute.value === 'true' ? 1 : 0);
  const resourceColumn = attribute.key === 'ResourceType' ? 'resource_type' : 'resource_name';
  return select.where((eb: ExpressionBuilder<Database, 'audit_events'>) =>
    eb(
      'seq',
      'in',
      eb.selectFrom('audit_event_resources').select('seq').where(resourceColumn, '=', attribute.value),
    ),
  );
}

/** The resources of the events on a page, by seq, in the order they were recorded. */
export async function resourcesOf(
  store: Store,
  seqs: readonly number[],
): Promise<Map<number, { ResourceType: string; ResourceName: string }[]>> {
  const byEvent = new Map<number, { ResourceType: string; ResourceName: string }[]>();
  if (seqs.length === 0) return byEvent;
  const rows = await store.db
    .selectFrom('audit_event_resources')
    .select(['seq', 'resource_type', 'resource_name'])
    .where('seq', 'in', seqs)
    .execute();
  for (const row of rows) {
    const list = byEvent.get(row.seq) ?? [];
    list.push({ ResourceType: row.resource_type, ResourceName: row.resource_name });
    byEvent.set(row.seq, list);
  }
  return byEvent;
}
