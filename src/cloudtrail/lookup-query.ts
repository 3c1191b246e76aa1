import type { CompiledQuery } from 'kysely';
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

/** A page's query: compiled for its plan, executed for its seqs. */
export interface PageQuery {
  compile(): CompiledQuery<{ seq: number }>;
  execute(): Promise<{ seq: number }[]>;
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
  const page = await eventPageQuery(store, accountId, query, after, limit).execute();
  if (page.length === 0) return [];
  const rows = await store.db
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
    .where(
      'seq',
      'in',
      page.map((row) => row.seq),
    )
    .execute();
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  return page.flatMap((row) => bySeq.get(row.seq) ?? []);
}

/**
 * The seqs of a page, in page order. Only indexed columns are read, so the store walks the index alone (a covering
 * scan) and the query plan cannot drift to the time index when the records would have to be read; `eventPage` then
 * fetches the page's rows by primary key. The plan test compiles this query.
 */
export function eventPageQuery(
  store: Store,
  accountId: string,
  query: LookupQuery,
  after: Cursor | undefined,
  limit: number,
): PageQuery {
  const attribute = query.attribute;
  const db = store.db;
  // A resource name matches few events: the walk starts from the resource index (CROSS JOIN keeps SQLite's join
  // order so), and the page is sorted after. Every other lookup walks an audit_events index in page order.
  const from =
    attribute?.key === 'ResourceName'
      ? db
          .selectFrom(
            db
              .selectFrom('audit_event_resources')
              .select('seq')
              .distinct()
              .where('resource_name', '=', attribute.value)
              .as('named'),
          )
          .crossJoin('audit_events')
          .whereRef('audit_events.seq', '=', 'named.seq')
      : db.selectFrom('audit_events');
  let select = from.select('audit_events.seq').where('audit_events.account_id', '=', accountId);
  const column = attribute === undefined ? undefined : COLUMN[attribute.key];
  if (attribute !== undefined && column !== undefined) {
    select = select.where(`audit_events.${column}`, '=', attribute.value);
  } else if (attribute?.key === 'ReadOnly') {
    select = select.where('audit_events.read_only', '=', attribute.value === 'true' ? 1 : 0);
  } else if (attribute?.key === 'ResourceType') {
    // Few types, each on many events: walk the time index and keep the events that name one.
    const type = attribute.value;
    select = select.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('audit_event_resources')
          .select('audit_event_resources.seq')
          .whereRef('audit_event_resources.seq', '=', 'audit_events.seq')
          .where('audit_event_resources.resource_type', '=', type),
      ),
    );
  }
  if (query.start !== undefined) select = select.where('audit_events.event_time', '>=', query.start);
  if (query.end !== undefined) select = select.where('audit_events.event_time', '<=', query.end);
  if (after !== undefined) {
    // Strictly after the cursor in page order: a row-value comparison, which both stores walk as an index range.
    select = select.where((eb) =>
      eb(
        eb.refTuple('audit_events.event_time', 'audit_events.seq'),
        '<',
        eb.tuple(after.eventTime, after.seq),
      ),
    );
  }
  return select
    .orderBy('audit_events.event_time', 'desc')
    .orderBy('audit_events.seq', 'desc')
    .limit(limit + 1);
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
