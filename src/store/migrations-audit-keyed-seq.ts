import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Migration `0009-audit-keyed-seq`: the chain head says up to which seq the events have their lookup keys
 * (`audit_chain.keyed_seq`, src/store/schema-audit.ts), so that a change's event can be appended without them and
 * keyed with the next batch. Every event recorded before has its keys, so the trail is keyed up to its head.
 */
export function auditKeyedSeqMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('audit_chain')
        .addColumn('keyed_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`update audit_chain set keyed_seq = seq`.execute(db);
    },
  };
}
