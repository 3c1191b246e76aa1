import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { apiCallRecord } from './api-call-event.js';
import { AuditTrail } from './audit-trail.js';
import { digestSignerFor } from './digest-signer.js';
import { findEvents, followEvents, newestSeq, type StoredEvent } from './event-query.js';
import { sampleApiCall } from './test-support/api-calls.js';

let store: Store;
afterEach(async () => store?.close());

/** A trail on a fresh store; `append(from, to)` records calls from..to-1 (CreateUser when i % 3 is 0, else GetUser). */
async function trail(): Promise<{ trail: AuditTrail; append: (from: number, to: number) => Promise<void> }> {
  store = await openSqliteStore(':memory:');
  const trail = new AuditTrail({
    store,
    signer: digestSignerFor(new Uint8Array(32).fill(5)),
    clock: () => new Date('2026-12-06T12:00:01Z'),
    flushIntervalMs: 3_600_000,
  });
  const append = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const call = sampleApiCall(`name-${i}`, i);
      trail.enqueue({ time: call.time, record: () => apiCallRecord(call) });
    }
    await trail.flush();
  };
  return { trail, append };
}

describe('findEvents', () => {
  it('keeps to the seqs after afterSeq and up to upToSeq, oldest first or newest first', async () => {
    const { trail: t, append } = await trail();
    await append(0, 12);
    const seqs = (events: readonly StoredEvent[]) => events.map((e) => e.seq);
    expect(seqs(await findEvents(store.db, { afterSeq: 3, upToSeq: 9 }, 100))).toEqual([4, 5, 6, 7, 8, 9]);
    expect(seqs(await findEvents(store.db, { upToSeq: 9 }, 2, true))).toEqual([8, 9]);
    const creates = await findEvents(store.db, { eventName: 'CreateUser', upToSeq: 10 }, 100);
    expect(seqs(creates)).toEqual([1, 4, 7, 10]);
    expect(creates.every((e) => e.record.eventName === 'CreateUser')).toBe(true);
    await t.close();
  });
});

describe('followEvents (iamd audit tail --follow)', () => {
  it('hands over each matching event appended after it started, once and in order, until aborted', async () => {
    const { trail: t, append } = await trail();
    await append(0, 10);
    const from = await newestSeq(store.db);
    expect(from).toBe(10);
    const printed: number[] = [];
    const stop = new AbortController();
    const following = followEvents(
      store.db,
      { eventName: 'CreateUser' },
      from,
      (events) => printed.push(...events.map((e) => e.seq)),
      stop.signal,
      5,
    );
    const until = async (count: number) => {
      for (let i = 0; i < 400 && printed.length < count; i++) await new Promise((r) => setTimeout(r, 5));
    };
    await append(10, 14); // seqs 11..14: calls 10..13, CreateUser at 12
    await until(1);
    await append(14, 40); // seqs 15..40: CreateUser at 15, 18, …, 39
    await until(10);
    stop.abort();
    await following;
    expect(printed).toEqual([13, 16, 19, 22, 25, 28, 31, 34, 37, 40]);
    await append(40, 44);
    await new Promise((r) => setTimeout(r, 30));
    expect(printed).toHaveLength(10); // stopped
    await t.close();
  });
});
