import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { TextColumn } from './migrations-0002.js';

/**
 * Migration `0006-audit`: the tables of schema-audit.ts, with an index per LookupEvents attribute, each ending in the
 * sequence so that a lookup walks newest first.
 */
export function auditMigration(text: TextColumn): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_events')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('event_id', text, (c) => c.notNull().unique())
        .addColumn('event_time', text, (c) => c.notNull())
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('event_source', text, (c) => c.notNull())
        .addColumn('event_name', text, (c) => c.notNull())
        .addColumn('read_only', 'integer', (c) => c.notNull())
        .addColumn('username', text)
        .addColumn('access_key_id', text)
        .addColumn('error_code', text)
        .addColumn('record', text, (c) => c.notNull())
        .addColumn('prev_hash', text, (c) => c.notNull())
        .addColumn('hash', text, (c) => c.notNull())
        .execute();
      const lookups = ['event_time', 'event_name', 'username', 'access_key_id', 'event_source'] as const;
      for (const column of lookups) {
        await db.schema
          .createIndex(`audit_events_${column}`)
          .on('audit_events')
          .columns(column === 'event_time' ? ['account_id', 'event_time'] : ['account_id', column, 'seq'])
          .execute();
      }
      await db.schema
        .createTable('audit_event_resources')
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('resource_type', text, (c) => c.notNull())
        .addColumn('resource_name', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_event_resources_seq')
        .on('audit_event_resources')
        .column('seq')
        .execute();
      await db.schema
        .createIndex('audit_event_resources_name')
        .on('audit_event_resources')
        .columns(['resource_name', 'seq'])
        .execute();
      await db.schema
        .createIndex('audit_event_resources_type')
        .on('audit_event_resources')
        .columns(['resource_type', 'seq'])
        .execute();
      await db.schema
        .createTable('audit_chain')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', text, (c) => c.notNull())
        .addColumn('digest_seq', 'integer', (c) => c.notNull())
        .addColumn('digest_signature', text, (c) => c.notNull())
        .addColumn('digest_at', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_digests')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('hash', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('previous_signature', text, (c) => c.notNull())
        .addColumn('signature', text, (c) => c.notNull())
        .execute();
    },
  };
}
