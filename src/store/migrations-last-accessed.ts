import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { TextColumn } from './migrations-0002.js';

/** Migration `0007-service-last-accessed`: the table of schema-last-accessed.ts. */
export function lastAccessedMigration(text: TextColumn): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('service_last_accessed_jobs')
        .addColumn('job_id', text, (c) => c.primaryKey())
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('arn', text, (c) => c.notNull())
        .addColumn('granularity', text, (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('completed_at', text, (c) => c.notNull())
        .addColumn('report', text, (c) => c.notNull())
        .execute();
    },
  };
}
