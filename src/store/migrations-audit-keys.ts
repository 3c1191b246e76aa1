import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { LONGEST_STORED, storedKeyValue } from '../audit/lookup-keys.js';
import type { TextColumn } from './migrations-0002.js';

/**
 * Migration `0008-audit-keys`: audit_events keeps the record, its time, account and chain only, and no index but its
 * primary key; LookupEvents' attribute values (and each event's account, and a role session's role) move to
 * `audit_event_keys`, one row per value and appended batch (src/audit/lookup-keys.ts). Seven index entries per event
 * (a unique event id, five attributes, the time) and a resources table cost more than the rest of recording a read
 * (docs/audit.md).
 *
 * Events already recorded keep their seqs, records and hashes, so the chain and its digests still verify; each gets
 * keys of its own, as a batch of one, from the columns 0006 kept for it. Their ids are version-4 UUIDs or 7, and keep
 * an EventId key either way (a version-7 id of the event's millisecond would not need one).
 */
export function auditKeysMigration(text: TextColumn): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_event_keys')
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('attribute', text, (c) => c.notNull())
        .addColumn('value', text, (c) => c.notNull())
        .addColumn('first_seq', 'integer', (c) => c.notNull())
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .addColumn('min_time', text, (c) => c.notNull())
        .addColumn('max_time', text, (c) => c.notNull())
        .execute();
      const columns: [string, ReturnType<typeof sql>][] = [
        ['Account', sql`account_id`],
        ['EventId', sql`event_id`],
        ['EventName', sql`event_name`],
        ['EventSource', sql`event_source`],
        ['ReadOnly', sql`case when read_only = 1 then 'true' else 'false' end`],
        ['Username', sql`username`],
        ['AccessKeyId', sql`access_key_id`],
      ];
      for (const [attribute, value] of columns) {
        await sql`insert into audit_event_keys
          select account_id, ${attribute}, ${value}, seq, seq, event_time, event_time
          from audit_events where ${value} is not null`.execute(db);
      }
      for (const [attribute, column] of [
        ['ResourceType', sql`r.resource_type`],
        ['ResourceName', sql`r.resource_name`],
      ] as const) {
        await sql`insert into audit_event_keys
          select distinct e.account_id, ${attribute}, ${column}, e.seq, e.seq, e.event_time, e.event_time
          from audit_event_resources r join audit_events e on e.seq = r.seq`.execute(db);
      }
      await sessionIssuerKeys(db);
      await digestLongValues(db);
      await db.schema
        .createTable('audit_events_0008')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('event_time', text, (c) => c.notNull())
        .addColumn('account_id', text, (c) => c.notNull())
        .addColumn('record', text, (c) => c.notNull())
        .addColumn('prev_hash', text, (c) => c.notNull())
        .addColumn('hash', text, (c) => c.notNull())
        .execute();
      await sql`insert into audit_events_0008 (seq, event_time, account_id, record, prev_hash, hash)
        select seq, event_time, account_id, record, prev_hash, hash from audit_events`.execute(db);
      await db.schema.dropTable('audit_event_resources').execute();
      await db.schema.dropTable('audit_events').execute();
      await db.schema.alterTable('audit_events_0008').renameTo('audit_events').execute();
      // The columns a lookup reads come after the equality and the walk's order, so the walk reads the index alone.
      await db.schema
        .createIndex('audit_event_keys_lookup')
        .on('audit_event_keys')
        .columns(['account_id', 'attribute', 'value', 'max_time', 'first_seq', 'last_seq', 'min_time'])
        .execute();
      // Retention deletes the keys that end before a seq, and verify reads them in seq order: both by the first seq.
      await db.schema
        .createIndex('audit_event_keys_seq')
        .on('audit_event_keys')
        .column('first_seq')
        .execute();
    },
  };
}

/** The SessionIssuer keys of the assumed-role events recorded before 0008: the role's ARN, from each record. */
async function sessionIssuerKeys(db: Kysely<unknown>): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = (
      await sql<{ seq: number; account_id: string; event_time: string; record: string }>`
        select seq, account_id, event_time, record from audit_events
        where seq > ${after} and record like '%"AssumedRole"%' order by seq limit 1000`.execute(db)
    ).rows;
    for (const row of rows) {
      let arn: unknown;
      try {
        const record = JSON.parse(row.record) as {
          userIdentity?: { type?: string; sessionContext?: { sessionIssuer?: { arn?: unknown } } };
        };
        if (record.userIdentity?.type === 'AssumedRole')
          arn = record.userIdentity.sessionContext?.sessionIssuer?.arn;
      } catch {
        continue;
      }
      if (typeof arn === 'string')
        await sql`insert into audit_event_keys values (${row.account_id}, 'SessionIssuer', ${arn}, ${row.seq},
          ${row.seq}, ${row.event_time}, ${row.event_time})`.execute(db);
    }
    if (rows.length < 1000) break;
    after = rows[rows.length - 1]!.seq;
  }
}

/**
 * Long values as the keys store them, through the writer's own `storedKeyValue` (src/audit/lookup-keys.ts), so the
 * two cannot disagree. SQL's length counts characters where JavaScript counts UTF-16 units (up to twice as many), so
 * every value over half the limit is offered to it.
 */
async function digestLongValues(db: Kysely<unknown>): Promise<void> {
  const rows = (
    await sql<{ value: string }>`select distinct value from audit_event_keys
      where length(value) > ${LONGEST_STORED / 2}`.execute(db)
  ).rows;
  for (const { value } of rows) {
    const stored = storedKeyValue(value);
    if (stored !== value)
      await sql`update audit_event_keys set value = ${stored} where value = ${value}`.execute(db);
  }
}
