import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { TextColumn } from './migrations-0002.js';

/**
 * Migration `0003-mfa`: the table of schema-mfa.ts. A unique index on `(account_id, name_key)` makes device names
 * unique in the account, so that two concurrent creates of one name cannot both succeed; an index on the owner
 * serves "this user's devices".
 */
export function mfaMigration(text: TextColumn): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('mfa_devices')
        .addColumn('serial_number', text, (c) => c.primaryKey())
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('name', text, (c) => c.notNull())
        .addColumn('name_key', text, (c) => c.notNull())
        .addColumn('path', text, (c) => c.notNull())
        .addColumn('seed_ciphertext', text, (c) => c.notNull())
        .addColumn('owner', text)
        .addColumn('enabled_at', text)
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('last_used_step', 'integer')
        .addColumn('drift_steps', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('mfa_devices_name')
        .unique()
        .on('mfa_devices')
        .columns(['account_id', 'name_key'])
        .execute();
      await db.schema
        .createIndex('mfa_devices_owner')
        .on('mfa_devices')
        .columns(['account_id', 'owner'])
        .execute();
    },
  };
}
