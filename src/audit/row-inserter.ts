import { CompiledQuery, type Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

/**
 * A multi-row insert whose SQL is compiled once per dialect and row count, then run with new parameters (as
 * src/store/reusable-query.ts does for single queries): Kysely otherwise builds and compiles a tree of every
 * value of every row on each call, which costs more than the insert itself. Rows must carry exactly `columns`,
 * in that order; the first compile checks that the parameters come out row by row in that order, and an insert
 * that does not is simply compiled every time.
 */
export function rowInserter<T extends keyof Database>(
  table: T,
  columns: readonly (keyof Database[T] & string)[],
): (tx: Transaction<Database>, rows: readonly Database[T][]) => Promise<void> {
  const sqlByAdapter = new WeakMap<object, Map<number, string | false>>();
  return async (tx, rows) => {
    if (rows.length === 0) return;
    const params: unknown[] = [];
    for (const row of rows) for (const column of columns) params.push(row[column]);
    const adapter = tx.getExecutor().adapter;
    let bySize = sqlByAdapter.get(adapter);
    if (bySize === undefined) sqlByAdapter.set(adapter, (bySize = new Map()));
    let text = bySize.get(rows.length);
    if (text === undefined) {
      // INVARIANT: the rows' types are the table's, so the erased cast only hides Kysely's insert typing.
      const compiled = tx
        .insertInto(table)
        .values(rows as never)
        .compile();
      const same =
        compiled.parameters.length === params.length && compiled.parameters.every((p, i) => p === params[i]);
      text = same ? compiled.sql : false;
      // Batches have a handful of sizes in practice (full batches and the remainders), so this stays small.
      if (bySize.size < 256) bySize.set(rows.length, text);
      if (!same) {
        await tx.executeQuery(compiled);
        return;
      }
    }
    await tx.executeQuery(
      text === false
        ? tx
            .insertInto(table)
            .values(rows as never)
            .compile()
        : CompiledQuery.raw(text, params),
    );
  };
}
