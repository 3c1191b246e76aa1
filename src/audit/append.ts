import type { Transaction } from 'kysely';
import { isoMillis } from '../protocol/iso-time.js';
import { reusableQuery } from '../store/reusable-query.js';
import type { Database } from '../store/schema.js';
import { chainHash, GENESIS_HASH } from './chain.js';
import type { DigestSigner } from './digest-signer.js';
import { seqRangesQuery } from './keyed-events.js';
import { lookupKeysOf, type KeyedEvent } from './lookup-keys.js';
import { lookupValuesOf, type LookupValue } from './lookup-values.js';
import { parseStoredRecord, type CloudTrailRecord } from './record.js';
import { recordText } from './record-text.js';
import { rowInserter } from './row-inserter.js';

/** The columns of an event's row and of a lookup key, in the order an append writes them. */
export const EVENT_COLUMNS = ['seq', 'event_time', 'account_id', 'record', 'prev_hash', 'hash'] as const;
export const KEY_COLUMNS = [
  'account_id',
  'attribute',
  'value',
  'first_seq',
  'last_seq',
  'min_time',
  'max_time',
] as const;

const insertEvents = rowInserter('audit_events', EVENT_COLUMNS);
const insertKeys = rowInserter('audit_event_keys', KEY_COLUMNS);

/**
 * An event to append: the time it happened (with milliseconds, for ordering) and how to build its record. A buffered
 * event's record is built when its batch is appended: building, serializing and hashing a whole batch in one loop
 * costs markedly less than doing each step in between the requests being served (docs/benchmarks.md).
 */
export interface PendingEvent {
  readonly time: Date;
  readonly record: () => CloudTrailRecord;
}

/** An event in the form it is stored: its record text, time (with milliseconds), account and lookup values. */
export interface PreparedEvent {
  readonly record: string;
  readonly time: string;
  readonly accountId: string;
  readonly values: readonly LookupValue[];
}

/** Builds and serializes an event for `appendEvents`. */
export function prepareEvent(event: PendingEvent): PreparedEvent {
  const record = event.record();
  return {
    record: recordText(record),
    time: isoMillis(event.time),
    accountId: record.recipientAccountId,
    values: lookupValuesOf(record, event.time),
  };
}

/** When to sign a digest. */
export interface DigestPolicy {
  /** Sign after this many events since the last digest. */
  readonly everyEvents: number;
}

// The chain head's row, locked, and its update after an append: once per batch, compiled once.
const selectHead = reusableQuery((db, id: number) =>
  (db as Transaction<Database>).selectFrom('audit_chain').selectAll().where('id', '=', id).forUpdate(),
);
const advanceHead = reusableQuery((db, seq: number, hash: string, keyedSeq: number, id: number) =>
  (db as Transaction<Database>)
    .updateTable('audit_chain')
    .set({ seq, hash, keyed_seq: keyedSeq })
    .where('id', '=', id),
);

/** The chain head, created on first use (and after a `--dev` reset emptied the table). */
async function lockHead(tx: Transaction<Database>, now: Date) {
  // INVARIANT: every append locks this one row first, so appends serialize and seqs have no gaps.
  const select = async () => (await selectHead(tx, 1))[0];
  const head = await select();
  if (head !== undefined) return head;
  // Two first appends may race here (two nodes on one PostgreSQL): the loser's insert does nothing, and its
  // select then waits for the winner's lock.
  const fresh = {
    id: 1,
    seq: 0,
    hash: GENESIS_HASH,
    keyed_seq: 0,
    digest_seq: 0,
    digest_signature: '',
    digest_at: now.toISOString(),
  };
  await tx
    .insertInto('audit_chain')
    .values(fresh)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const created = await select();
  if (created === undefined) throw new Error('the audit chain head could not be created');
  return created;
}

/**
 * How an append treats lookup keys (lookup-keys.ts): a `batch` keys its events together with every event appended
 * since the last keyed one; a `change` (one event, in the transaction of the call it records) leaves its event for
 * the next batch to key, since a change's six to ten key rows and their index pages cost more than its event.
 */
export type Keying = 'batch' | 'change';

/**
 * Appends events to the chain inside `tx`: each gets the next seq and its hash over the previous one. A `batch`
 * writes the lookup keys of its events and of those appended unkeyed before it, even when it has no events of its
 * own. Signs a digest when the policy says so. Returns the stored record texts.
 */
export async function appendEvents(
  tx: Transaction<Database>,
  events: readonly PreparedEvent[],
  signer: DigestSigner,
  policy: DigestPolicy,
  now: Date,
  keying: Keying = 'batch',
): Promise<string[]> {
  if (events.length === 0 && keying === 'change') return [];
  const head = await lockHead(tx, now);
  if (events.length === 0 && head.keyed_seq >= head.seq) return [];
  let { seq, hash } = head;
  const texts: string[] = [];
  const rows: Database['audit_events'][] = [];
  const keyed: KeyedEvent[] = [];
  for (const event of events) {
    const record = event.record;
    seq += 1;
    const prev = hash;
    hash = chainHash(prev, record);
    rows.push({ seq, event_time: event.time, account_id: event.accountId, record, prev_hash: prev, hash });
    keyed.push({ seq, time: event.time, accountId: event.accountId, values: event.values });
    texts.push(record);
  }
  await insertEvents(tx, rows);
  let keyedSeq = head.keyed_seq;
  if (keying === 'batch') {
    const unkeyed = keyedSeq < head.seq ? await unkeyedEvents(tx, keyedSeq, head.seq) : [];
    await insertKeys(tx, lookupKeysOf([...unkeyed, ...keyed]));
    keyedSeq = seq;
  }
  if (seq - head.digest_seq >= policy.everyEvents) {
    const digest = await writeDigest(tx, { seq, hash, previous: head.digest_signature }, signer, now);
    await tx
      .updateTable('audit_chain')
      .set({ seq, hash, keyed_seq: keyedSeq, ...digest })
      .where('id', '=', 1)
      .execute();
  } else await advanceHead(tx, seq, hash, keyedSeq, 1);
  return texts;
}

/**
 * The events after `after` up to `upTo`, in seq order, as their keys see them: their values come from the stored
 * records, which is also what verify checks them against. A record iamd did not write (parseStoredRecord) gets no
 * keys (verify reports it).
 */
async function unkeyedEvents(tx: Transaction<Database>, after: number, upTo: number): Promise<KeyedEvent[]> {
  const rows = await seqRangesQuery(tx, [{ first_seq: after + 1, last_seq: upTo }]).execute();
  rows.sort((a, b) => a.seq - b.seq);
  const events: KeyedEvent[] = [];
  for (const row of rows) {
    const record = parseStoredRecord(row.record);
    if (record === undefined) continue;
    const values = lookupValuesOf(record, new Date(row.event_time));
    events.push({ seq: row.seq, time: row.event_time, accountId: row.account_id, values });
  }
  return events;
}

/** Signs a digest of the chain at its head, if events came since the last one. Runs inside `tx`. */
export async function digestHead(
  tx: Transaction<Database>,
  signer: DigestSigner,
  now: Date,
): Promise<boolean> {
  const head = await lockHead(tx, now);
  if (head.seq === head.digest_seq) return false;
  const fields = await writeDigest(
    tx,
    { seq: head.seq, hash: head.hash, previous: head.digest_signature },
    signer,
    now,
  );
  await tx.updateTable('audit_chain').set(fields).where('id', '=', 1).execute();
  return true;
}

async function writeDigest(
  tx: Transaction<Database>,
  at: { seq: number; hash: string; previous: string },
  signer: DigestSigner,
  now: Date,
): Promise<{ digest_seq: number; digest_signature: string; digest_at: string }> {
  const digest = {
    seq: at.seq,
    hash: at.hash,
    created_at: now.toISOString(),
    previous_signature: at.previous,
  };
  const signature = signer.sign(digest);
  await tx
    .insertInto('audit_digests')
    .values({ ...digest, signature })
    .execute();
  return { digest_seq: at.seq, digest_signature: signature, digest_at: digest.created_at };
}
