import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The columns LookupEvents filters on with an index (EventId has its unique index; resources their own table). */
export const LOOKUP_COLUMNS = [
  'event_name',
  'username',
  'access_key_id',
  'event_source',
  'read_only',
] as const;

/**
 * Migration `0007-audit-lookup`: LookupEvents returns events newest first by event time (seq breaking ties), with
 * or without one attribute and a time range. Every lookup is then one index range walked backwards and cut off at
 * the page size: `(account_id, event_time, seq)` for no attribute, `(account_id, <attribute>, event_time, seq)` per
 * attribute. They replace 0006's `(account_id, <attribute>, seq)` indexes, which order by recording instead.
 */
export function auditLookupMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const column of ['event_time', 'event_name', 'username', 'access_key_id', 'event_source']) {
        await db.schema.dropIndex(`audit_events_${column}`).ifExists().execute();
      }
      await db.schema
        .createIndex('audit_events_by_time')
        .on('audit_events')
        .columns(['account_id', 'event_time', 'seq'])
        .execute();
      for (const column of LOOKUP_COLUMNS) {
        await db.schema
          .createIndex(`audit_events_by_${column}`)
          .on('audit_events')
          .columns(['account_id', column, 'event_time', 'seq'])
          .execute();
      }
    },
  };
}
