import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { TextColumn } from './migrations-0002.js';

/**
 * Migration `0004-passwords`: the tables and columns of schema-passwords.ts. Columns are added one statement at a
 * time, since SQLite's ALTER TABLE adds one column per statement.
 */
export function passwordsMigration(text: TextColumn): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const column of ['root_password_hash', 'root_password_changed_at', 'root_password_last_used']) {
        await db.schema.alterTable('accounts').addColumn(column, text).execute();
      }
      await db.schema.alterTable('login_profiles').addColumn('password_changed_at', text).execute();
      await db.schema
        .createTable('password_history')
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('user_id', text, (c) => c.notNull())
        .addColumn('password_hash', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('password_history_user')
        .on('password_history')
        .columns(['user_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('console_sessions')
        .addColumn('id_hash', text, (c) => c.primaryKey())
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('principal_kind', text, (c) => c.notNull())
        .addColumn('user_id', text)
        .addColumn('state', text, (c) => c.notNull())
        .addColumn('csrf_hash', text, (c) => c.notNull())
        .addColumn('mfa_authenticated_at', text)
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('last_seen_at', text, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('console_sessions_user').on('console_sessions').column('user_id').execute();
    },
  };
}
