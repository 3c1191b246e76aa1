import type { Kysely } from 'kysely';
import { isoMillis } from '../protocol/iso-time.js';
import type { Database } from '../store/schema.js';
import { eventIdTime } from './event-id.js';
import { storedKeyValue } from './lookup-keys.js';
import { hasLookupValue, quotedInRecord, type KeyAttribute } from './lookup-values.js';
import { parseStoredRecord, type CloudTrailRecord } from './record.js';

/** Where a walk newest first resumes: strictly after this event (event time, then seq, both descending). */
export interface EventCursor {
  readonly eventTime: string;
  readonly seq: number;
}

/** Which events of an account a walk covers: times inclusive (ISO 8601 with milliseconds), and a cursor. */
export interface EventBounds {
  readonly start?: string | undefined;
  readonly end?: string | undefined;
  readonly after?: EventCursor | undefined;
}

/** A stored event as a lookup returns it: its row and its record, parsed. */
export interface FoundEvent {
  readonly seq: number;
  readonly event_time: string;
  readonly record: string;
  readonly parsed: CloudTrailRecord;
}

// Keys read per query. A value's keys are one per batch, and a page usually ends within the first few.
const KEYS_PER_READ = 16;

/**
 * The events of an account with `value` for the attribute `key`, newest first, at most `limit` (plus one, so a caller
 * knows whether more follow). The events not keyed yet (past the chain head's `keyed_seq`) are read first; then the
 * walk reads the value's keys (src/audit/lookup-keys.ts) latest batch first and, for each, the events between its
 * first and last seq, keeping those whose record has the value. Batches overlap in time (a change's event is appended
 * at once, reads up to a flush later), so the page is kept sorted, and the walk stops at the first key whose latest
 * event is older than the page's last: no event after it can enter the page.
 */
export async function keyedEvents(
  db: Kysely<Database>,
  accountId: string,
  key: KeyAttribute,
  value: string,
  bounds: EventBounds,
  limit: number,
): Promise<FoundEvent[]> {
  const quoted = quotedInRecord(key) ? JSON.stringify(value) : undefined;
  const found: FoundEvent[] = [];
  // An event is read twice when an EventId key and its id's time both lead to it (trails from before 0008).
  const seen = new Set<number>();
  const take = (rows: readonly RangeRow[]) => {
    for (const row of rows) {
      if (row.account_id !== accountId || !within(row, bounds) || seen.has(row.seq)) continue;
      if (quoted !== undefined && !row.record.includes(quoted)) continue;
      const parsed = parseStoredRecord(row.record);
      if (parsed === undefined || !hasLookupValue(parsed, key, value)) continue;
      seen.add(row.seq);
      found.push({ seq: row.seq, event_time: row.event_time, record: row.record, parsed });
    }
  };
  // The events appended since the last keyed one (a change's event waits for the next batch to key it): read whole.
  const head = await db
    .selectFrom('audit_chain')
    .select(['seq', 'keyed_seq'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (head !== undefined && head.keyed_seq < head.seq)
    take(await seqRangesQuery(db, [{ first_seq: head.keyed_seq + 1, last_seq: head.seq }]).execute());
  if (key === 'EventId') {
    // An id that carries its event's time has no key: the event is among the account's events of that millisecond.
    const ms = eventIdTime(value);
    const at = ms === undefined ? undefined : isoMillis(new Date(ms));
    if (at !== undefined && within({ event_time: at, seq: 0 }, { start: bounds.start, end: bounds.end }))
      for (const event of await keyedEvents(
        db,
        accountId,
        'Account',
        accountId,
        { start: at, end: at },
        Infinity,
      ))
        if (event.parsed.eventID === value && within(event, bounds) && !seen.has(event.seq)) {
          seen.add(event.seq);
          found.push(event);
        }
  }
  const upper = earlier(bounds.end, bounds.after?.eventTime);
  let resume: KeyResume | undefined;
  // Ranges read per query: one at first, since a page usually ends within the first key or two, then twice as many
  // each time, so that a long walk costs a few round trips (PostgreSQL's) rather than one per key, and reads at
  // most about twice the keys it needed.
  let reach = 1;
  for (;;) {
    const batch = await keysQuery(db, accountId, key, value, bounds.start, upper, resume).execute();
    for (let i = 0; i < batch.length;) {
      const keys = batch.slice(i, i + reach);
      i += keys.length;
      reach = Math.min(reach * 2, KEYS_PER_READ);
      const rows = await seqRangesQuery(db, keys).execute();
      for (const k of keys) {
        if (found.length > limit) {
          found.sort(newestFirst);
          found.length = limit + 1;
          if (found[limit]!.event_time > k.max_time) return found;
        }
        take(rows.filter((row) => row.seq >= k.first_seq && row.seq <= k.last_seq));
      }
    }
    const last = batch.at(-1);
    if (last === undefined || batch.length < KEYS_PER_READ) break;
    resume = { maxTime: last.max_time, firstSeq: last.first_seq };
  }
  found.sort(newestFirst);
  if (found.length > limit + 1) found.length = limit + 1;
  return found;
}

/** Where a keys walk resumes: after this key, in its order. */
export interface KeyResume {
  readonly maxTime: string;
  readonly firstSeq: number;
}

/**
 * The next keys of a value, latest batch first, skipping those wholly outside `[start, upper]`. The equality and the
 * order are the leading columns of audit_event_keys_lookup, and the columns read follow them there: the walk reads that
 * index alone. The plan test compiles this query.
 */
export function keysQuery(
  db: Kysely<Database>,
  accountId: string,
  key: KeyAttribute,
  value: string,
  start: string | undefined,
  upper: string | undefined,
  resume: KeyResume | undefined,
) {
  let keys = db
    .selectFrom('audit_event_keys')
    .select(['first_seq', 'last_seq', 'min_time', 'max_time'])
    .where('account_id', '=', accountId)
    .where('attribute', '=', key)
    .where('value', '=', storedKeyValue(value));
  if (start !== undefined) keys = keys.where('max_time', '>=', start);
  if (upper !== undefined) keys = keys.where('min_time', '<=', upper);
  if (resume !== undefined)
    keys = keys.where((eb) =>
      eb(eb.refTuple('max_time', 'first_seq'), '<', eb.tuple(resume.maxTime, resume.firstSeq)),
    );
  return keys.orderBy('max_time', 'desc').orderBy('first_seq', 'desc').limit(KEYS_PER_READ);
}

type RangeRow = Pick<Database['audit_events'], 'seq' | 'event_time' | 'account_id' | 'record'>;

/** A key's seqs: its events lie between these, inclusive. */
export interface SeqRange {
  readonly first_seq: number;
  readonly last_seq: number;
}

/**
 * The events of some keys' ranges: the seq ranges alone, so the store walks the primary key (the rest is checked
 * after). The ranges of one value's keys never overlap.
 */
export function seqRangesQuery(db: Kysely<Database>, ranges: readonly SeqRange[]) {
  return db
    .selectFrom('audit_events')
    .select(['seq', 'event_time', 'account_id', 'record'])
    .where((eb) =>
      eb.or(ranges.map((r) => eb.and([eb('seq', '>=', r.first_seq), eb('seq', '<=', r.last_seq)]))),
    );
}

/** Whether a row lies inside the bounds. */
export function within(row: { event_time: string; seq: number }, bounds: EventBounds): boolean {
  if (bounds.start !== undefined && row.event_time < bounds.start) return false;
  if (bounds.end !== undefined && row.event_time > bounds.end) return false;
  const after = bounds.after;
  if (after === undefined) return true;
  return row.event_time < after.eventTime || (row.event_time === after.eventTime && row.seq < after.seq);
}

/** Page order: event time, then seq, both descending. */
export function newestFirst(
  a: { event_time: string; seq: number },
  b: { event_time: string; seq: number },
): number {
  if (a.event_time !== b.event_time) return a.event_time < b.event_time ? 1 : -1;
  return b.seq - a.seq;
}

function earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}
