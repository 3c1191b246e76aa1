import type { CompiledQuery } from 'kysely';
import { keyedEvents, newestFirst, type FoundEvent } from '../audit/keyed-events.js';
import type { CloudTrailRecord } from '../audit/record.js';
import type { Store } from '../store/store.js';
import type { LookupQuery } from './lookup-input.js';
import type { Cursor } from './next-token.js';

/** A time page's query: compiled for its plan, executed for its seqs. */
export interface PageQuery {
  compile(): CompiledQuery<{ seq: number }>;
  execute(): Promise<{ seq: number }[]>;
}

/**
 * One page of an account's events, newest first (event time, then seq), starting after `after`: at most `limit`
 * events plus one, so the caller knows whether there is a next page. A lookup by attribute walks the value's keys
 * (src/audit/keyed-events.ts); one by time alone walks the time index (`timePageQuery`). Either way a page reads a
 * bounded stretch of the trail, however long the trail is (docs/audit-queries.md).
 */
export async function eventPage(
  store: Store,
  accountId: string,
  query: LookupQuery,
  after: Cursor | undefined,
  limit: number,
): Promise<FoundEvent[]> {
  const bounds = { start: query.start, end: query.end, after };
  if (query.attribute !== undefined)
    return keyedEvents(store.db, accountId, query.attribute.key, query.attribute.value, bounds, limit);
  const page = await timePageQuery(store, accountId, query, after, limit).execute();
  if (page.length === 0) return [];
  const rows = await store.db
    .selectFrom('audit_events')
    .select(['seq', 'event_time', 'record'])
    .where(
      'seq',
      'in',
      page.map((row) => row.seq),
    )
    .execute();
  return rows
    .map((row) => ({ ...row, parsed: JSON.parse(row.record) as CloudTrailRecord }))
    .sort(newestFirst);
}

/**
 * The seqs of a page by time alone, in page order. Only indexed columns are read, so the store walks the time index
 * alone (a covering scan) and stops at the page's end; `eventPage` then fetches the page's rows by primary key. The
 * plan test compiles this query.
 */
export function timePageQuery(
  store: Store,
  accountId: string,
  query: LookupQuery,
  after: Cursor | undefined,
  limit: number,
): PageQuery {
  let select = store.db.selectFrom('audit_events').select('seq').where('account_id', '=', accountId);
  if (query.start !== undefined) select = select.where('event_time', '>=', query.start);
  if (query.end !== undefined) select = select.where('event_time', '<=', query.end);
  if (after !== undefined) {
    // Strictly after the cursor in page order: a row-value comparison, which both stores walk as an index range.
    select = select.where((eb) =>
      eb(eb.refTuple('event_time', 'seq'), '<', eb.tuple(after.eventTime, after.seq)),
    );
  }
  return select
    .orderBy('event_time', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit + 1);
}
