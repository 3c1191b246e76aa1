import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { usernameOf } from './lookup-values.js';
import { parseStoredRecord, type CloudTrailRecord } from './record.js';

/** Filters of `iamd audit search` (each optional; all must hold). */
export interface EventFilter {
  readonly eventName?: string | undefined;
  readonly username?: string | undefined;
  readonly accessKeyId?: string | undefined;
  /** Inclusive, ISO 8601. */
  readonly start?: Date | undefined;
  /** Exclusive, ISO 8601. */
  readonly end?: Date | undefined;
  readonly readOnly?: boolean | undefined;
  /** Only events after this seq… */
  readonly afterSeq?: number | undefined;
  /** …and up to this one (for `tail --follow`). */
  readonly upToSeq?: number | undefined;
}

/** A stored event: its place in the chain and its record. */
export interface StoredEvent {
  readonly seq: number;
  readonly record: CloudTrailRecord;
}

/**
 * Events matching the filter, oldest first, at most `limit` of them (the newest `limit` when `newest`). The store
 * narrows by time and seq; each record then decides the rest (`iamd audit search` reads across accounts, where the
 * lookup keys of src/audit/lookup-keys.ts are per account). A row whose record iamd did not write (parseStoredRecord)
 * matches nothing, as in LookupEvents; `iamd audit verify` reports it.
 */
export async function findEvents(
  db: Kysely<Database>,
  filter: EventFilter,
  limit: number,
  newest = false,
): Promise<StoredEvent[]> {
  const found: StoredEvent[] = [];
  let from: number | undefined;
  while (found.length < limit) {
    let query = db.selectFrom('audit_events').select(['seq', 'record']);
    if (filter.start !== undefined) query = query.where('event_time', '>=', filter.start.toISOString());
    if (filter.end !== undefined) query = query.where('event_time', '<', filter.end.toISOString());
    if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
    if (filter.upToSeq !== undefined) query = query.where('seq', '<=', filter.upToSeq);
    if (from !== undefined) query = query.where('seq', newest ? '<' : '>', from);
    const rows = await query
      .orderBy('seq', newest ? 'desc' : 'asc')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const record = parseStoredRecord(row.record);
      if (record !== undefined && matches(record, filter)) found.push({ seq: row.seq, record });
      if (found.length === limit) break;
    }
    if (rows.length < PAGE) break;
    from = rows[rows.length - 1]!.seq;
  }
  if (newest) found.reverse();
  return found;
}

const PAGE = 500;

/**
 * The seq of the newest event (0 for an empty trail). Appends serialize on the chain head, which they move in the
 * transaction that adds their events, so every event up to it has committed and none will come before it.
 */
export async function newestSeq(db: Kysely<Database>): Promise<number> {
  const head = await db.selectFrom('audit_chain').select('seq').where('id', '=', 1).executeTakeFirst();
  return head?.seq ?? 0;
}

/**
 * `iamd audit tail --follow`: every `intervalMs`, hands `print` the events matching the filter that were appended
 * since the last look (the first look: after seq `from`), until `signal` aborts. Each look reads only those events,
 * up to the head it read first, however few of them match.
 */
export async function followEvents(
  db: Kysely<Database>,
  filter: EventFilter,
  from: number,
  print: (events: readonly StoredEvent[]) => void,
  signal: AbortSignal,
  intervalMs = 500,
): Promise<void> {
  let last = from;
  while (!signal.aborted) {
    try {
      await sleep(intervalMs, undefined, { signal });
    } catch {
      return; // aborted while waiting
    }
    const head = await newestSeq(db);
    if (head <= last) continue;
    print(await findEvents(db, { ...filter, afterSeq: last, upToSeq: head }, Number.MAX_SAFE_INTEGER));
    last = head;
  }
}

function matches(record: CloudTrailRecord, filter: EventFilter): boolean {
  return (
    (filter.eventName === undefined || record.eventName === filter.eventName) &&
    (filter.username === undefined || usernameOf(record) === filter.username) &&
    (filter.accessKeyId === undefined || record.userIdentity.accessKeyId === filter.accessKeyId) &&
    (filter.readOnly === undefined || record.readOnly === filter.readOnly)
  );
}

/** One human line per event: time, source, name, who, key, outcome. */
export function eventLine(event: StoredEvent): string {
  const r = event.record;
  const who = r.userIdentity.arn ?? r.userIdentity.type;
  const outcome = r.errorCode === undefined ? 'OK' : `${r.errorCode}: ${r.errorMessage ?? ''}`;
  return [
    String(event.seq).padStart(6),
    r.eventTime,
    r.eventSource.replace('.amazonaws.com', '').padEnd(6),
    r.eventName.padEnd(28),
    who,
    r.userIdentity.accessKeyId ?? '-',
    r.sourceIPAddress,
    outcome,
  ].join('  ');
}
