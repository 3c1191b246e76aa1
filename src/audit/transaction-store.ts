import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';

/**
 * The store as an operation sees it while its call runs in one outer transaction: `db` is the transaction, and
 * `transaction(fn)` runs `fn` in that same transaction (flattened), so every query of the operation, and the
 * event appended after it, commit or roll back together.
 *
 * INVARIANT: operations never catch an error thrown out of their own `transaction(fn)` and carry on writing: with
 * the flattening, the inner writes are not rolled back until the outer transaction is (store.ts asks this of
 * every operation anyway, since PostgreSQL aborts a transaction on its first error).
 */
export function transactionStore(base: Store, tx: Transaction<Database>): Store {
  return {
    kind: base.kind,
    db: tx,
    transaction: (fn) => fn(tx),
    reset: () => Promise.reject(new Error('reset() inside a transaction')),
    close: () => Promise.reject(new Error('close() inside a transaction')),
  };
}
