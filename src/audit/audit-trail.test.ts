import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { AuditTrail } from './audit-trail.js';
import { digestSignerFor } from './digest-signer.js';
import { rootSignIn } from './test-support/root-sign-in.js';

let store: Store;
afterEach(async () => {
  vi.restoreAllMocks();
  await store?.close();
});

const time = new Date('2026-11-28T02:00:00.000Z');
const record = (eventId: string) => rootSignIn(time, eventId);

describe('AuditTrail', () => {
  it('builds buffered records when their batch is appended, and a record that fails to build loses only itself', async () => {
    store = await openSqliteStore(':memory:');
    const trail = new AuditTrail({ store, signer: digestSignerFor(new Uint8Array(32)), clock: () => time });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let built = 0;
    const counted = (eventId: string) => () => {
      built++;
      return record(eventId);
    };
    trail.enqueue({ time, record: counted('first') });
    trail.enqueue({
      time,
      record: () => {
        throw new Error('a record that cannot be built');
      },
    });
    trail.enqueue({ time, record: counted('third') });
    expect(built).toBe(0);
    await trail.flush();
    expect(built).toBe(2);
    const rows = await store.db.selectFrom('audit_events').select(['seq', 'record']).orderBy('seq').execute();
    expect(rows.map((row) => [row.seq, (JSON.parse(row.record) as { eventID: string }).eventID])).toEqual([
      [1, 'first'],
      [2, 'third'],
    ]);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('a record that cannot be built'));
    await trail.close();
  });

  it("appends a change's event without keys, and keys it in a flush that comes with nothing buffered", async () => {
    store = await openSqliteStore(':memory:');
    const at = store;
    const trail = new AuditTrail({
      store: at,
      signer: digestSignerFor(new Uint8Array(32)),
      clock: () => time,
      flushIntervalMs: 10,
    });
    const head = () => at.db.selectFrom('audit_chain').select(['seq', 'keyed_seq']).executeTakeFirstOrThrow();
    const keys = async () => (await at.db.selectFrom('audit_event_keys').selectAll().execute()).length;
    const announce = await at.transaction((tx) =>
      trail.appendInTransaction(tx, { time, record: () => record('change') }),
    );
    expect(await head()).toEqual({ seq: 1, keyed_seq: 0 });
    expect(await keys()).toBe(0);
    announce();
    for (let i = 0; i < 200 && (await head()).keyed_seq === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await head()).toEqual({ seq: 1, keyed_seq: 1 });
    expect(await keys()).toBeGreaterThan(0);
    await trail.close();
  });
});
