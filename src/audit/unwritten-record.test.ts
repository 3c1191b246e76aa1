import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import { apiCallRecord } from './api-call-event.js';
import { AuditTrail } from './audit-trail.js';
import { chainHash } from './chain.js';
import { digestSignerFor } from './digest-signer.js';
import { findEvents } from './event-query.js';
import { exportLogFiles } from './export-files.js';
import { keyedEvents } from './keyed-events.js';
import { sampleApiCall } from './test-support/api-calls.js';
import { verifyTrail } from './verify.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A row whose record iamd did not write (edited outside it, and re-hashed so that its own link still holds) must be
// reported by verify and passed over by every other reader: lookups, the keying of unkeyed events, search, export.
// Before, such a record reached code that read its members, and verify, LookupEvents or every later flush threw.

const signer = digestSignerFor(new Uint8Array(32).fill(3));
let store: Store;
let outDir: string | undefined;

afterEach(async () => {
  await store?.close();
  if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  outDir = undefined;
});

const ACCOUNT = '123456789012';
const UNWRITTEN = [
  'null',
  '[1,2]',
  `{"recipientAccountId":"${ACCOUNT}","eventTime":"2026-12-06T12:00:00Z"}`,
  `{"eventVersion":"1.08","userIdentity":null,"recipientAccountId":"${ACCOUNT}","eventName":"GetUser"}`,
];

/**
 * A trail of 12 read events (keyed in one batch) and then 4 changes (appended unkeyed), whose events 5 (keyed) and
 * 14 (not keyed yet) are then rewritten to `text`.
 */
async function trailWithUnwritten(text: string): Promise<AuditTrail> {
  store = await openSqliteStore(':memory:');
  // No timed flush: the test flushes when it means to.
  const trail = new AuditTrail({
    store,
    signer,
    clock: () => new Date('2026-12-06T12:00:01Z'),
    flushIntervalMs: 3_600_000,
  });
  const event = (i: number) => {
    const call = sampleApiCall(`name-${i}`, i + 1);
    return { time: call.time, record: () => apiCallRecord(call) };
  };
  for (let i = 0; i < 12; i++) trail.enqueue(event(i));
  await trail.flush();
  for (let i = 12; i < 16; i++) {
    const announce = await store.transaction((tx) => trail.appendInTransaction(tx, event(i)));
    announce();
  }
  for (const seq of [5, 14]) {
    const row = await store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
    await store.db
      .updateTable('audit_events')
      .set({ record: text, hash: chainHash(row.prev_hash, text) })
      .where('seq', '=', seq)
      .execute();
  }
  return trail;
}

const keyedSeq = async () =>
  (await store.db.selectFrom('audit_chain').select('keyed_seq').executeTakeFirstOrThrow()).keyed_seq;

describe('a row whose record iamd did not write', () => {
  for (const text of UNWRITTEN) {
    it(`is reported by verify, and passed over by lookups, keying, search and export: ${text}`, async () => {
      const trail = await trailWithUnwritten(text);

      const { problems } = await verifyTrail(store.db, signer);
      for (const seq of [5, 14])
        expect(problems).toContainEqual(expect.objectContaining({ kind: 'modified', seq }));

      // ReadOnly and Username are not quoted in records, so every candidate's record is parsed.
      expect(await keyedSeq()).toBe(12);
      for (const [key, value] of [
        ['ReadOnly', 'true'],
        ['ReadOnly', 'false'],
        ['Account', ACCOUNT],
        ['Username', 'root'],
      ] as const) {
        const found = await keyedEvents(store.db, ACCOUNT, key, value, {}, 100);
        expect(found.map((e) => e.seq)).not.toContain(5);
        expect(found.map((e) => e.seq)).not.toContain(14);
      }
      const all = await keyedEvents(store.db, ACCOUNT, 'Account', ACCOUNT, {}, 100);
      expect(all).toHaveLength(14);

      // The next flush keys the changes' events, the rewritten one left without keys.
      await trail.flush();
      expect(await keyedSeq()).toBe(16);
      expect(await keyedEvents(store.db, ACCOUNT, 'Account', ACCOUNT, {}, 100)).toHaveLength(14);

      const searched = await findEvents(store.db, {}, 100);
      expect(searched.map((e) => e.seq)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16]);

      outDir = mkdtempSync(join(tmpdir(), 'iamd-export-'));
      const exported = await exportLogFiles(store.db, outDir, 5 * 60_000);
      expect(exported.unreadable).toEqual([5, 14]);
      expect(exported.files.reduce((n, f) => n + f.records, 0)).toBe(14);
      await trail.close();
    });
  }
});
