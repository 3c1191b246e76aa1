import { sql } from 'kysely';
import type { Store } from '../store/store.js';

/** CloudTrail's event history keeps 90 days of management events; iamd keeps as long by default. */
export const DEFAULT_RETENTION_DAYS = 90;

/**
 * Deletes the events older than `cutoff`, up to the newest signed digest they reach, so that the oldest event left
 * is anchored: its `prev_hash` is the hash of a digest, and `iamd audit verify` starts there. Events after the
 * newest digest are never deleted. Digests are kept (they are small). Returns how many events were deleted.
 */
export async function pruneEvents(store: Store, cutoff: Date): Promise<number> {
  return store.transaction(async (tx) => {
    const row = await tx
      .selectFrom('audit_digests as d')
      .innerJoin('audit_events as e', 'e.seq', 'd.seq')
      .select(sql<number | null>`max(d.seq)`.as('anchor'))
      .where('e.event_time', '<', cutoff.toISOString())
      .executeTakeFirst();
    const anchor = row?.anchor ?? null;
    if (anchor === null) return 0;
    // A key whose batch straddles the anchor stays: it still covers the batch's later events.
    await tx
      .deleteFrom('audit_event_keys')
      .where('first_seq', '<=', anchor)
      .where('last_seq', '<=', anchor)
      .execute();
    const deleted = await tx.deleteFrom('audit_events').where('seq', '<=', anchor).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  });
}
