import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { TextColumn } from './migrations-0002.js';

/** Migration `0005-credential-reports`: the table of schema-reports.ts. */
export function reportsMigration(text: TextColumn): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('credential_reports')
        .addColumn('account_id', text, (c) => c.primaryKey())
        .addColumn('generated_at', text, (c) => c.notNull())
        .addColumn('content', text, (c) => c.notNull())
        .execute();
    },
  };
}
