import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { chainHash, GENESIS_HASH } from './chain.js';
import type { DigestSigner } from './digest-signer.js';
import { storedKeyValue } from './lookup-keys.js';
import { lookupValuesOf } from './lookup-values.js';
import { parseStoredRecord, storedEventId } from './record.js';

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

type Row = Database['audit_events'];
type Key = Database['audit_event_keys'];

const PAGE = 1000;

/**
 * Recomputes the hash chain and checks the signed digests (src/audit/chain.ts, digest-signer.ts):
 * - an event whose record, time, account or hash no longer agree is `modified`, and so is one up to the head's
 *   `keyed_seq` that a lookup would miss: one of its attribute values has no key (lookup-keys.ts) whose seqs and
 *   times cover it (the events after `keyed_seq` are read without keys);
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
  const keys = new KeyCover(db);
  // Events past the head's keyed_seq are not keyed yet (a change's event waits for the next batch), and lookups read
  // them without keys.
  const keyedSeq = head?.keyed_seq ?? Infinity;

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
      await checkRow(row, row.seq <= keyedSeq ? keys : undefined, problems);
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
              eventId: storedEventId(previous.record),
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
          eventId: storedEventId(row.record),
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

async function checkRow(row: Row, keys: KeyCover | undefined, problems: TrailProblem[]): Promise<void> {
  const fault = await rowFault(row, keys);
  if (fault !== undefined)
    problems.push({ kind: 'modified', seq: row.seq, eventId: storedEventId(row.record), detail: fault });
}

async function rowFault(row: Row, keys: KeyCover | undefined): Promise<string | undefined> {
  if (chainHash(row.prev_hash, row.record) !== row.hash) return 'its record does not match its hash';
  const record = parseStoredRecord(row.record);
  if (record === undefined) return 'its record is not a CloudTrail record as iamd writes it';
  if (row.account_id !== record.recipientAccountId) return 'its account_id does not match its record';
  if (row.event_time.replace(/\.\d{3}Z$/, 'Z') !== record.eventTime)
    return 'its event_time does not match its record';
  if (keys === undefined) return undefined;
  await keys.advanceTo(row.seq);
  for (const [attribute, value] of lookupValuesOf(record, new Date(row.event_time))) {
    if (!keys.covers(row, attribute, value))
      return `no lookup key covers its ${attribute} ${JSON.stringify(value)}`;
  }
  return undefined;
}

/**
 * The lookup keys, read in seq order alongside the events: for each account, attribute and value, the key that
 * starts last at or before the event being checked. One value's keys never overlap (each covers one batch), so that
 * key is the only one that may cover the event.
 */
class KeyCover {
  readonly #db: Kysely<Database>;
  readonly #latest = new Map<string, Key>();
  #pending: Key[] = [];
  #next = 0;
  /** Every key with a first seq up to this one has been read. */
  #readTo: number | undefined;
  #sweepAt = 100_000;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Takes in every key that starts at or before `seq`. */
  async advanceTo(seq: number): Promise<void> {
    // Keys that ended before `seq` cover nothing more: dropped now and then, so a trail of one-event batches (a
    // migrated one) does not keep a key per event in memory.
    if (this.#latest.size > this.#sweepAt) {
      for (const [id, key] of this.#latest) if (key.last_seq < seq) this.#latest.delete(id);
      this.#sweepAt = Math.max(100_000, 2 * this.#latest.size);
    }
    if (this.#readTo === undefined || this.#readTo < seq) {
      // The keys starting in the next window of seqs, by the first_seq index (the first read also takes those that
      // start before the oldest retained event).
      const to = seq + PAGE;
      let query = this.#db.selectFrom('audit_event_keys').selectAll().where('first_seq', '<=', to);
      if (this.#readTo !== undefined) query = query.where('first_seq', '>', this.#readTo);
      this.#pending = [...this.#pending.slice(this.#next), ...(await query.orderBy('first_seq').execute())];
      this.#next = 0;
      this.#readTo = to;
    }
    while (this.#next < this.#pending.length && this.#pending[this.#next]!.first_seq <= seq) {
      const key = this.#pending[this.#next++]!;
      this.#latest.set(`${key.account_id}\n${key.attribute}\n${key.value}`, key);
    }
  }

  covers(row: Row, attribute: string, value: string): boolean {
    const key = this.#latest.get(`${row.account_id}\n${attribute}\n${storedKeyValue(value)}`);
    return (
      key !== undefined &&
      key.first_seq <= row.seq &&
      row.seq <= key.last_seq &&
      key.min_time <= row.event_time &&
      row.event_time <= key.max_time
    );
  }
}
