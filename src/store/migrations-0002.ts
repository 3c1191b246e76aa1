import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** A text column's type: what `migrationsFor` uses for the store's kind (byte-wise collation on PostgreSQL). */
export type TextColumn = Parameters<CreateTableBuilder<string>['addColumn']>[1];

/**
 * Migration `0002-providers-certificates`: the tables of schema-0002.ts. Unique constraints stand where AWS has
 * them, so that concurrent requests cannot both succeed: one OIDC provider per URL (its ARN), one SAML provider
 * per name (its ARN), server certificate names unique without regard to case, a certificate uploaded once per
 * account, an SSH key once per user.
 */
export function providersCertificatesMigration(text: TextColumn): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('oidc_providers')
        .addColumn('arn', text, (c) => c.primaryKey())
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('url', text, (c) => c.notNull())
        .addColumn('client_ids', text, (c) => c.notNull())
        .addColumn('thumbprints', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('oidc_providers_account')
        .on('oidc_providers')
        .column('account_id')
        .execute();

      await db.schema
        .createTable('saml_providers')
        .addColumn('arn', text, (c) => c.primaryKey())
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('name', text, (c) => c.notNull())
        .addColumn('metadata', text, (c) => c.notNull())
        .addColumn('valid_until', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('saml_providers_account')
        .on('saml_providers')
        .column('account_id')
        .execute();

      await db.schema
        .createTable('server_certificates')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('name', text, (c) => c.notNull())
        .addColumn('name_key', text, (c) => c.notNull())
        .addColumn('path', text, (c) => c.notNull())
        .addColumn('arn', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('expires_at', text, (c) => c.notNull())
        .addColumn('body', text, (c) => c.notNull())
        .addColumn('chain', text)
        .addColumn('private_key_ciphertext', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('server_certificates_name')
        .unique()
        .on('server_certificates')
        .columns(['account_id', 'name_key'])
        .execute();

      await db.schema
        .createTable('signing_certificates')
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('id', text, (c) => c.notNull())
        .addColumn('user_id', text)
        .addColumn('body', text, (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('signing_certificates_pk', ['account_id', 'id'])
        .execute();
      await db.schema
        .createIndex('signing_certificates_user')
        .on('signing_certificates')
        .column('user_id')
        .execute();

      await db.schema
        .createTable('ssh_public_keys')
        .addColumn('id', text, (c) => c.primaryKey())
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('user_id', text, (c) => c.notNull())
        .addColumn('body', text, (c) => c.notNull())
        .addColumn('encoding', text, (c) => c.notNull())
        .addColumn('fingerprint', text, (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('ssh_public_keys_user_key')
        .unique()
        .on('ssh_public_keys')
        .columns(['user_id', 'fingerprint'])
        .execute();
    },
  };
}
