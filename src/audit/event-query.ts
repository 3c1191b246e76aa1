import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { CloudTrailRecord } from './record.js';

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
  /** Only events after this seq (for `tail --follow`). */
  readonly afterSeq?: number | undefined;
}

/** A stored event: its place in the chain and its record. */
export interface StoredEvent {
  readonly seq: number;
  readonly record: CloudTrailRecord;
}

/** Events matching the filter, oldest first, at most `limit` of them (the newest `limit` when `newest`). */
export async function findEvents(
  db: Kysely<Database>,
  filter: EventFilter,
  limit: number,
  newest = false,
): Promise<StoredEvent[]> {
  let query = db.selectFrom('audit_events').select(['seq', 'record']);
  if (filter.eventName !== undefined) query = query.where('event_name', '=', filter.eventName);
  if (filter.username !== undefined) query = query.where('username', '=', filter.username);
  if (filter.accessKeyId !== undefined) query = query.where('access_key_id', '=', filter.accessKeyId);
  if (filter.start !== undefined) query = query.where('event_time', '>=', filter.start.toISOString());
  if (filter.end !== undefined) query = query.where('event_time', '<', filter.end.toISOString());
  if (filter.readOnly !== undefined) query = query.where('read_only', '=', filter.readOnly ? 1 : 0);
  if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
  const rows = await query
    .orderBy('seq', newest ? 'desc' : 'asc')
    .limit(limit)
    .execute();
  if (newest) rows.reverse();
  return rows.map((row) => ({ seq: row.seq, record: JSON.parse(row.record) as CloudTrailRecord }));
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
