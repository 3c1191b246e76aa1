import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A Kysely handle: the store's database or a transaction on it. */
type Handle = Pick<Kysely<Database>, 'executeQuery' | 'getExecutor'>;

/**
 * A hot query whose SQL is built and compiled once per database dialect, then run with new parameters: Kysely
 * otherwise builds, transforms and compiles the query tree on every call, which costs more than running it.
 * `build` must use exactly `params`, in order, as the query's parameters; the first compile checks that, and a
 * query that does not keep to it is simply compiled every time.
 */
export function reusableQuery<P extends unknown[], Row>(
  build: (db: Handle, ...params: P) => Compilable<Row>,
): (db: Handle, ...params: P) => Promise<Row[]> {
  // One SQL text per dialect adapter (SQLite writes `?`, PostgreSQL `$1`); `false` when the query does not qualify.
  const sqlByAdapter = new WeakMap<object, string | false>();
  return async (db, ...params) => {
    const adapter = db.getExecutor().adapter;
    let sql = sqlByAdapter.get(adapter);
    if (sql === undefined) {
      const compiled = build(db, ...params).compile();
      const sameParams =
        compiled.parameters.length === params.length && compiled.parameters.every((p, i) => p === params[i]);
      sql = sameParams ? compiled.sql : false;
      sqlByAdapter.set(adapter, sql);
    }
    const query = sql === false ? build(db, ...params).compile() : CompiledQuery.raw(sql, params);
    return (await db.executeQuery<Row>(query)).rows;
  };
}
