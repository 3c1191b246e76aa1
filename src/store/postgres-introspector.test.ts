import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, PostgresIntrospector, sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspectingSchema, SchemaIntrospector } from './postgres-introspector.js';
import { createStore } from './store.js';

const OPEN_TIMEOUT = 60_000;
// Kysely's own listing, the reference here, reads every schema in the database: seconds on a crowded one.
const LISTING_TIMEOUT = 30_000;
const url = process.env['IAMD_TEST_DATABASE_URL'];

/** Runs each statement in turn (Kysely sends each as a prepared statement, which holds one command). */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** Two schemas of their own in the database, so that the listing has something to leave out. */
function introspectionSuite(name: string, open: () => Promise<Kysely<unknown>>): void {
  describe(`introspecting one schema on ${name}`, () => {
    const suffix = randomBytes(4).toString('hex');
    const mine = `intro_mine_${suffix}`;
    const other = `intro_other_${suffix}`;
    let db: Kysely<unknown>;
    beforeAll(async () => {
      db = await open();
      await run(db, [
        `create schema ${mine}`,
        `create schema ${other}`,
        `create table ${mine}.accounts (id serial primary key, name text not null default 'x', note text)`,
        `comment on column ${mine}.accounts.note is 'a note'`,
        `create view ${mine}.account_names as select name from ${mine}.accounts`,
        `create table ${mine}.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)`,
        `create table ${other}.users (id integer)`,
      ]);
    }, OPEN_TIMEOUT);
    afterAll(async () => {
      await run(db, [`drop schema if exists ${mine} cascade`, `drop schema if exists ${other} cascade`]);
      await db.destroy();
    });

    it(
      "lists its schema's tables and views only, described as Kysely's own introspector describes them",
      async () => {
        const everything = await new PostgresIntrospector(db).getTables();
        const tables = await new SchemaIntrospector(db, mine).getTables();
        expect(tables.map((t) => t.name)).toEqual(['account_names', 'accounts']);
        expect(tables).toEqual(everything.filter((t) => t.schema === mine));
        const accounts = tables.find((t) => t.name === 'accounts');
        expect(
          accounts?.columns.map((c) => [c.name, c.isAutoIncrementing, c.isNullable, c.hasDefaultValue]),
        ).toEqual([
          ['id', true, false, true],
          ['name', false, false, true],
          ['note', false, true, false],
        ]);
        expect(accounts?.columns[2]?.comment).toBe('a note');
      },
      LISTING_TIMEOUT,
    );

    it("leaves out Kysely's migration tables unless asked for them", async () => {
      const asked = await new SchemaIntrospector(db, mine).getTables({ withInternalKyselyTables: true });
      expect(asked.map((t) => t.name)).toEqual(['account_names', 'accounts', 'kysely_migration']);
    });

    it(
      "without a schema, lists the connection's current schema",
      async () => {
        const { rows } = await sql<{ current: string }>`select current_schema() as current`.execute(db);
        const current = rows[0]?.current;
        const everything = await new PostgresIntrospector(db).getTables();
        const tables = await new SchemaIntrospector(db, undefined).getTables();
        expect(tables).toEqual(everything.filter((t) => t.schema === current));
        expect(tables.some((t) => t.schema === mine || t.schema === other)).toBe(false);
      },
      LISTING_TIMEOUT,
    );
  });
}

introspectionSuite(
  'PGlite',
  async () => new Kysely({ dialect: new PGliteDialect({ pglite: await PGlite.create() }) }),
);
if (url) {
  introspectionSuite(
    'PostgreSQL',
    async () =>
      new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) }),
  );
}

describe('a store in the default schema', () => {
  it(
    "migrates though another schema holds tables named as Kysely's bookkeeping tables",
    async () => {
      const pglite = await PGlite.create();
      await pglite.exec(
        `create schema other;
        create table other.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null);
        create table other.kysely_migration_lock (id varchar(255) primary key, is_locked integer not null default 0);`,
      );
      const store = await createStore({
        kind: 'postgres',
        dialect: introspectingSchema(new PGliteDialect({ pglite }), undefined),
      });
      try {
        const { rows } = await sql<{ schema: string }>`
          select table_schema as schema from information_schema.tables where table_name = 'users'`.execute(
          store.db,
        );
        expect(rows).toEqual([{ schema: 'public' }]);
        const other = await sql<{ n: number }>`select count(*)::int as n from other.kysely_migration`.execute(
          store.db,
        );
        expect(other.rows).toEqual([{ n: 0 }]);
      } finally {
        await store.close();
      }
    },
    OPEN_TIMEOUT,
  );
});
