import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reusableQuery } from './reusable-query.js';
import type { Database } from './schema.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

let store: Store;
beforeAll(async () => {
  store = await openSqliteStore(':memory:');
  for (const [id, name] of [
    ['A1', 'alice'],
    ['B1', 'bob'],
  ] as const) {
    await store.db
      .insertInto('accounts')
      .values({
        id: `00000000000${id[1]}`,
        alias: null,
        password_policy: null,
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await store.db
      .insertInto('users')
      .values({
        account_id: '000000000001',
        id,
        name,
        name_key: name,
        path: '/',
        arn: `arn:aws:iam::000000000001:user/${name}`,
        created_at: '2026-01-01T00:00:00.000Z',
        permissions_boundary: null,
        password_last_used: null,
      })
      .execute();
  }
});
afterAll(() => store.close());

describe('reusableQuery', () => {
  it('answers each call with its own parameters, from the SQL compiled on the first', async () => {
    const byName = reusableQuery((db, key: string) =>
      (db as Kysely<Database>).selectFrom('users').select('id').where('name_key', '=', key),
    );
    expect(await byName(store.db, 'alice')).toEqual([{ id: 'A1' }]);
    expect(await byName(store.db, 'bob')).toEqual([{ id: 'B1' }]);
    expect(await byName(store.db, 'carol')).toEqual([]);
  });

  it('compiles every time a query whose parameters are not exactly its arguments', async () => {
    // The builder adds a parameter of its own, so the first compile's SQL cannot be reused with the arguments.
    const withExtra = reusableQuery((db, key: string) =>
      (db as Kysely<Database>)
        .selectFrom('users')
        .select('id')
        .where('name_key', '=', key)
        .where('account_id', '=', '000000000001'),
    );
    expect(await withExtra(store.db, 'alice')).toEqual([{ id: 'A1' }]);
    expect(await withExtra(store.db, 'bob')).toEqual([{ id: 'B1' }]);
  });
});
