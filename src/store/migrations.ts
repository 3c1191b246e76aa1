import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreKind } from './store.js';
import { providersCertificatesMigration } from './migrations-0002.js';
import { auditMigration } from './migrations-audit.js';
import { auditKeysMigration } from './migrations-audit-keys.js';
import { auditKeyedSeqMigration } from './migrations-audit-keyed-seq.js';
import { auditLookupMigration } from './migrations-audit-lookup.js';
import { lastAccessedMigration } from './migrations-last-accessed.js';
import { mfaMigration } from './migrations-mfa.js';
import { passwordsMigration } from './migrations-passwords.js';
import { reportsMigration } from './migrations-reports.js';

/**
 * The schema's migrations, shared by SQLite and PostgreSQL. Column types are the portable subset: text,
 * integer. Unique indexes on `(account_id, name_key)` make IAM names unique without regard to case, so that
 * concurrent creates cannot both succeed.
 *
 * Text columns compare byte-wise on both databases: SQLite's default collation is BINARY, and on PostgreSQL the
 * columns are declared `COLLATE "C"`, because a database's default collation (often en_US.UTF-8) would otherwise
 * sort `ORDER BY name` differently from SQLite and shift pagination markers.
 */
export function migrationsFor(kind: StoreKind): Record<string, Migration> {
  const text = kind === 'postgres' ? sql`text collate "C"` : 'text';
  return {
    '0001-iam': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('accounts')
          .addColumn('id', text, (c) => c.primaryKey())
          .addColumn('alias', text)
          .addColumn('password_policy', text)
          .addColumn('created_at', text, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('accounts_alias').unique().on('accounts').column('alias').execute();

        for (const table of ['users', 'groups', 'roles', 'policies', 'instance_profiles'] as const) {
          let builder = db.schema
            .createTable(table)
            .addColumn('account_id', text, (c) => c.notNull())
            .addColumn('id', text, (c) => c.primaryKey())
            .addColumn('name', text, (c) => c.notNull())
            .addColumn('name_key', text, (c) => c.notNull())
            .addColumn('path', text, (c) => c.notNull())
            .addColumn('arn', text, (c) => c.notNull())
            .addColumn('created_at', text, (c) => c.notNull());
          if (table === 'users') {
            builder = builder.addColumn('permissions_boundary', text).addColumn('password_last_used', text);
          }
          if (table === 'roles') {
            builder = builder
              .addColumn('assume_role_policy', text, (c) => c.notNull())
              .addColumn('description', text)
              .addColumn('max_session_duration', 'integer', (c) => c.notNull())
              .addColumn('permissions_boundary', text)
              .addColumn('last_used_at', text)
              .addColumn('last_used_region', text);
          }
          if (table === 'policies') {
            builder = builder
              .addColumn('description', text)
              .addColumn('updated_at', text, (c) => c.notNull())
              .addColumn('default_version_id', text, (c) => c.notNull())
              .addColumn('next_version', 'integer', (c) => c.notNull());
          }
          await builder.execute();
          await db.schema
            .createIndex(`${table}_name`)
            .unique()
            .on(table)
            .columns(['account_id', 'name_key'])
            .execute();
          await db.schema.createIndex(`${table}_arn`).unique().on(table).column('arn').execute();
        }

        await db.schema
          .createTable('group_members')
          .addColumn('account_id', text, (c) => c.notNull())
          .addColumn('group_id', text, (c) => c.notNull())
          .addColumn('user_id', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
          .execute();
        await db.schema.createIndex('group_members_user').on('group_members').column('user_id').execute();

        await db.schema
          .createTable('policy_versions')
          .addColumn('policy_id', text, (c) => c.notNull())
          .addColumn('version_id', text, (c) => c.notNull())
          .addColumn('document', text, (c) => c.notNull())
          .addColumn('created_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('policy_versions_pk', ['policy_id', 'version_id'])
          .execute();

        await db.schema
          .createTable('attachments')
          .addColumn('account_id', text, (c) => c.notNull())
          .addColumn('principal_type', text, (c) => c.notNull())
          .addColumn('principal_id', text, (c) => c.notNull())
          .addColumn('policy_arn', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('attachments_pk', ['principal_type', 'principal_id', 'policy_arn'])
          .execute();
        await db.schema.createIndex('attachments_policy').on('attachments').column('policy_arn').execute();

        await db.schema
          .createTable('inline_policies')
          .addColumn('account_id', text, (c) => c.notNull())
          .addColumn('principal_type', text, (c) => c.notNull())
          .addColumn('principal_id', text, (c) => c.notNull())
          .addColumn('name', text, (c) => c.notNull())
          .addColumn('name_key', text, (c) => c.notNull())
          .addColumn('document', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('inline_policies_pk', ['principal_type', 'principal_id', 'name_key'])
          .execute();

        await db.schema
          .createTable('access_keys')
          .addColumn('id', text, (c) => c.primaryKey())
          .addColumn('account_id', text, (c) => c.notNull())
          .addColumn('user_id', text)
          .addColumn('secret_ciphertext', text, (c) => c.notNull())
          .addColumn('status', text, (c) => c.notNull())
          .addColumn('created_at', text, (c) => c.notNull())
          .addColumn('last_used_at', text)
          .addColumn('last_used_service', text)
          .addColumn('last_used_region', text)
          .execute();
        await db.schema.createIndex('access_keys_user').on('access_keys').column('user_id').execute();

        await db.schema
          .createTable('sessions')
          .addColumn('access_key_id', text, (c) => c.primaryKey())
          .addColumn('account_id', text, (c) => c.notNull())
          .addColumn('secret_ciphertext', text, (c) => c.notNull())
          .addColumn('token_hash', text, (c) => c.notNull())
          .addColumn('expires_at', text, (c) => c.notNull())
          .addColumn('created_at', text, (c) => c.notNull())
          .addColumn('principal', text, (c) => c.notNull())
          .addColumn('policies', text)
          .execute();

        await db.schema
          .createTable('login_profiles')
          .addColumn('user_id', text, (c) => c.primaryKey())
          .addColumn('account_id', text, (c) => c.notNull())
          .addColumn('password_hash', text, (c) => c.notNull())
          .addColumn('password_reset_required', 'integer', (c) => c.notNull())
          .addColumn('created_at', text, (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('instance_profile_roles')
          .addColumn('account_id', text, (c) => c.notNull())
          .addColumn('instance_profile_id', text, (c) => c.notNull())
          .addColumn('role_id', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('instance_profile_roles_pk', ['instance_profile_id', 'role_id'])
          .execute();

        await db.schema
          .createTable('tags')
          .addColumn('account_id', text, (c) => c.notNull())
          .addColumn('resource_type', text, (c) => c.notNull())
          .addColumn('resource_id', text, (c) => c.notNull())
          .addColumn('key', text, (c) => c.notNull())
          .addColumn('key_key', text, (c) => c.notNull())
          .addColumn('value', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('tags_pk', ['resource_type', 'resource_id', 'key_key'])
          .execute();
      },
    },
    '0002-providers-certificates': providersCertificatesMigration(text),
    '0003-mfa': mfaMigration(text),
    '0004-passwords': passwordsMigration(text),
    '0005-credential-reports': reportsMigration(text),
    '0006-audit': auditMigration(text),
    '0007-audit-lookup': auditLookupMigration(),
    '0007-service-last-accessed': lastAccessedMigration(text),
    '0008-audit-keys': auditKeysMigration(text),
    '0009-audit-keyed-seq': auditKeyedSeqMigration(),
  };
}
