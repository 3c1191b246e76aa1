import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { AuditTrail } from './audit-trail.js';
import { chainHash } from './chain.js';
import { digestSignerFor } from './digest-signer.js';
import { rootSignIn } from './test-support/root-sign-in.js';
import { verifyTrail } from './verify.js';

const KEY = new Uint8Array(32).fill(7);
const signer = digestSignerFor(KEY);
let store: Store;

afterEach(async () => store?.close());

/** A store whose trail holds `count` events, a digest every 4, the first `oldDays` days old. */
async function trailWith(count: number, start = new Date('2026-11-01T00:00:00Z')): Promise<AuditTrail> {
  store = await openSqliteStore(':memory:');
  let now = start;
  const trail = new AuditTrail({ store, signer, clock: () => now, digestEveryEvents: 4, retentionDays: 10 });
  for (let i = 0; i < count; i++) {
    now = new Date(start.getTime() + i * 86_400_000);
    const time = now;
    const record = rootSignIn(time, `event-${i + 1}`);
    trail.enqueue({ time, record: () => record });
    await trail.flush();
  }
  await trail.close();
  return trail;
}

describe('iamd audit verify', () => {
  it('accepts an untouched trail', async () => {
    await trailWith(10);
    const report = await verifyTrail(store.db, signer);
    expect(report).toMatchObject({ events: 10, firstSeq: 1, lastSeq: 10, problems: [] });
    expect(report.digests).toBe(3); // at 4, at 8, and at close (10)
  });

  it('names an event whose record was replaced (by seq: the record held its id)', async () => {
    await trailWith(6);
    await store.db
      .updateTable('audit_events')
      .set({ record: '{"edited":true}' })
      .where('seq', '=', 3)
      .execute();
    const { problems } = await verifyTrail(store.db, signer);
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'modified', seq: 3, eventId: undefined }),
    );
  });

  it('names an event whose record was edited and re-hashed', async () => {
    await trailWith(6);
    const row = await store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    const record = row.record.replace('192.0.2.1', '198.51.100.9');
    await store.db
      .updateTable('audit_events')
      .set({ record, hash: chainHash(row.prev_hash, record) })
      .where('seq', '=', 2)
      .execute();
    const { problems } = await verifyTrail(store.db, signer);
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'modified', seq: 2, eventId: 'event-2' }),
    );
  });

  it('names an event that its lookup keys no longer cover', async () => {
    await trailWith(3);
    await store.db
      .updateTable('audit_event_keys')
      .set({ value: 'someone-else' })
      .where('attribute', '=', 'Username')
      .where('first_seq', '=', 1)
      .execute();
    const { problems } = await verifyTrail(store.db, signer);
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'modified',
        seq: 1,
        eventId: 'event-1',
        detail: expect.stringContaining('Username'),
      }),
    ]);
  });

  it('names an event that a narrowed key no longer reaches, and one whose key is gone', async () => {
    await trailWith(4);
    await store.db
      .updateTable('audit_event_keys')
      .set({ max_time: '2026-11-01T00:00:00.000Z' })
      .where('attribute', '=', 'EventName')
      .where('first_seq', '=', 2)
      .execute();
    await store.db
      .deleteFrom('audit_event_keys')
      .where('attribute', '=', 'EventId')
      .where('first_seq', '=', 3)
      .execute();
    const { problems } = await verifyTrail(store.db, signer);
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'modified', seq: 2, detail: expect.stringContaining('EventName') }),
      expect.objectContaining({ kind: 'modified', seq: 3, detail: expect.stringContaining('EventId') }),
    ]);
  });

  it('names a deleted event, in the middle and at the end', async () => {
    await trailWith(6);
    await store.db.deleteFrom('audit_events').where('seq', '=', 5).execute();
    await store.db.deleteFrom('audit_events').where('seq', '=', 6).execute();
    const { problems } = await verifyTrail(store.db, signer);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'deleted', seq: 5, toSeq: 6 }));
  });

  it('names an inserted event', async () => {
    await trailWith(3);
    const last = await store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    const record = last.record.replace('event-3', 'forged');
    await store.db
      .insertInto('audit_events')
      .values({
        ...last,
        seq: 4,
        record,
        prev_hash: last.hash,
        hash: chainHash(last.hash, record),
      })
      .execute();
    const { problems } = await verifyTrail(store.db, signer);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'inserted', seq: 4, eventId: 'forged' }));
  });

  it('catches a chain rewritten consistently through the signed digests', async () => {
    await trailWith(8);
    // Rewrite event 2 and every later hash, and the head, as someone without the signing key could.
    const rows = await store.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    let prev = rows[0]!.hash;
    for (const row of rows.slice(1)) {
      const record = row.seq === 2 ? row.record.replace('192.0.2.1', '203.0.113.5') : row.record;
      const hash = chainHash(prev, record);
      await store.db
        .updateTable('audit_events')
        .set({ record, prev_hash: prev, hash })
        .where('seq', '=', row.seq)
        .execute();
      prev = hash;
    }
    await store.db.updateTable('audit_chain').set({ hash: prev }).execute();
    const { problems } = await verifyTrail(store.db, signer);
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'digest', seq: 4 }));
  });

  it('refuses digests signed with another key', async () => {
    await trailWith(4);
    const { problems } = await verifyTrail(store.db, digestSignerFor(new Uint8Array(32).fill(8)));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.kind === 'digest')).toBe(true);
  });

  it('retention deletes old events up to a digest, and verify still accepts the rest', async () => {
    const trail = await trailWith(20); // one event a day; the clock ends on day 20; keep 10 days
    const deleted = await trail.prune();
    expect(deleted).toBe(8); // up to the digest at seq 8 (day 8 < cutoff day 10; the next digest, 12, is newer)
    const report = await verifyTrail(store.db, signer);
    expect(report).toMatchObject({ firstSeq: 9, lastSeq: 20, problems: [] });
    // Deleting one more event by hand is not retention: it is caught.
    await store.db.deleteFrom('audit_events').where('seq', '=', 9).execute();
    const after = await verifyTrail(store.db, signer);
    expect(after.problems).toContainEqual(expect.objectContaining({ kind: 'deleted' }));
  });
});
