import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { chainHash, GENESIS_HASH } from './chain.js';
import type { DigestSigner } from './digest-signer.js';
import { eventColumns, type EventColumns } from './event-row.js';
import type { CloudTrailRecord } from './record.js';

/** One fault `verify` found. */
export interface TrailProblem {
  readonly kind: 'modified' | 'deleted' | 'inserted' | 'digest';
  /** The event's seq (for `deleted`, the first missing seq). */
  readonly seq: number;
  /** For `deleted`, the last missing seq. */
  readonly toSeq?: number;
  readonly eventId?: string;
  readonly detail: string;
}

/** What `verify` checked and found. */
export interface TrailReport {
  readonly events: number;
  readonly digests: number;
  readonly firstSeq: number | undefined;
  readonly lastSeq: number | undefined;
  readonly problems: readonly TrailProblem[];
}

interface Row extends EventColumns {
  readonly seq: number;
  readonly record: string;
  readonly prev_hash: string;
  readonly hash: string;
}

const PAGE = 1000;

/**
 * Recomputes the hash chain and checks the signed digests (src/audit/chain.ts, digest-signer.ts):
 * - an event whose record, lookup columns or hash no longer agree is `modified`;
 * - a gap in the seqs, a chain head beyond the last event, or retained events that start without a digest
 *   anchoring them, is `deleted`;
 * - an event past the chain head, or one whose successor chains to its predecessor, is `inserted`;
 * - a digest whose signature fails, that does not chain to the previous digest, or whose hash is not the hash of
 *   the event at its seq, is a `digest` fault (the events since the previous digest were rewritten).
 */
export async function verifyTrail(db: Kysely<Database>, signer: DigestSigner): Promise<TrailReport> {
  const problems: TrailProblem[] = [];
  const digests = await db.selectFrom('audit_digests').selectAll().orderBy('seq').execute();
  const digestAt = new Map<number, string>();
  let previousSignature = '';
  for (const digest of digests) {
    if (!signer.verify(digest))
      problems.push({ kind: 'digest', seq: digest.seq, detail: 'the digest signature does not verify' });
    else if (digest.previous_signature !== previousSignature)
      problems.push({
        kind: 'digest',
        seq: digest.seq,
        detail: 'the digest does not chain to the previous one',
      });
    else digestAt.set(digest.seq, digest.hash);
    previousSignature = digest.signature;
  }
  const head = await db.selectFrom('audit_chain').selectAll().where('id', '=', 1).executeTakeFirst();

  let count = 0;
  let first: number | undefined;
  let previous: Row | undefined;
  let beforePrevious: Row | undefined;
  let after = 0;
  for (;;) {
    const rows = (await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute()) as Row[];
    for (const row of rows) {
      count++;
      if (first === undefined) {
        first = row.seq;
        const anchor = row.seq === 1 ? GENESIS_HASH : digestAt.get(row.seq - 1);
        if (anchor !== row.prev_hash)
          problems.push({
            kind: 'deleted',
            seq: 1,
            toSeq: row.seq - 1,
            detail: `the events before seq ${row.seq} are gone and no signed digest anchors seq ${row.seq}`,
          });
      }
      checkRow(row, problems);
      if (previous !== undefined) {
        if (row.seq !== previous.seq + 1) {
          problems.push({
            kind: 'deleted',
            seq: previous.seq + 1,
            toSeq: row.seq - 1,
            detail: `events ${previous.seq + 1}..${row.seq - 1} are missing`,
          });
        } else if (row.prev_hash !== previous.hash) {
          const inserted = beforePrevious !== undefined && row.prev_hash === beforePrevious.hash;
          if (!problems.some((p) => p.seq === previous!.seq && p.kind === 'modified'))
            problems.push({
              kind: inserted ? 'inserted' : 'modified',
              seq: previous.seq,
              eventId: previous.event_id,
              detail: inserted
                ? 'the next event chains past it: it was inserted'
                : 'its hash is not the one the next event chains to',
            });
        }
      }
      const signed = digestAt.get(row.seq);
      if (signed !== undefined && signed !== row.hash)
        problems.push({
          kind: 'digest',
          seq: row.seq,
          detail: `the signed digest at seq ${row.seq} does not match: events up to it were rewritten`,
        });
      if (head !== undefined && row.seq > head.seq)
        problems.push({
          kind: 'inserted',
          seq: row.seq,
          eventId: row.event_id,
          detail: 'it lies past the chain head',
        });
      beforePrevious = previous;
      previous = row;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.seq;
  }
  const last = previous?.seq;
  const expectedLast = Math.max(head?.seq ?? 0, digests.at(-1)?.seq ?? 0);
  if ((last ?? 0) < expectedLast)
    problems.push({
      kind: 'deleted',
      seq: (last ?? 0) + 1,
      toSeq: expectedLast,
      detail: `events ${(last ?? 0) + 1}..${expectedLast} are missing from the end`,
    });
  return { events: count, digests: digests.length, firstSeq: first, lastSeq: last, problems };
}

function checkRow(row: Row, problems: TrailProblem[]): void {
  const fault = rowFault(row);
  if (fault !== undefined)
    problems.push({ kind: 'modified', seq: row.seq, eventId: row.event_id, detail: fault });
}

function rowFault(row: Row): string | undefined {
  if (chainHash(row.prev_hash, row.record) !== row.hash) return 'its record does not match its hash';
  let record: CloudTrailRecord;
  try {
    record = JSON.parse(row.record) as CloudTrailRecord;
  } catch {
    return 'its record is not JSON';
  }
  const expected = eventColumns(record, new Date(row.event_time));
  const columns = Object.keys(expected) as (keyof EventColumns)[];
  for (const column of columns) {
    if (column === 'event_time') continue;
    if (expected[column] !== row[column]) return `its ${column} column does not match its record`;
  }
  if (row.event_time.replace(/\.\d{3}Z$/, 'Z') !== record.eventTime)
    return 'its event_time does not match its record';
  return undefined;
}
