import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseConnection, Dialect, DialectAdapter, Driver } from 'kysely';

/**
 * Catches queries that bypass the transaction they run in. Inside `store.transaction(fn)`, every query must go
 * through `fn`'s `tx`: a query on `store.db` (or a nested `store.transaction`) needs a second connection. On SQLite
 * and PGlite, which have one connection, that waits for the transaction to end while the transaction waits for
 * it: a silent hang. On PostgreSQL it runs outside the transaction, unlocked and blind to its uncommitted rows.
 * The scope turns all three into the same immediate error.
 */
export class TransactionScope {
  // One flag per transaction, cleared when it ends, so that a timer started inside a transaction and firing after
  // it is not mistaken for a query inside it.
  readonly #current = new AsyncLocalStorage<{ open: boolean }>();

  /** Runs `fn` as the body of a transaction. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const state = { open: true };
    try {
      return await this.#current.run(state, fn);
    } finally {
      state.open = false;
    }
  }

  /** Throws when called from inside a transaction body. */
  assertOutside(): void {
    if (this.#current.getStore()?.open) {
      throw new Error(
        'A query inside store.transaction() used store.db (or started a nested transaction): ' +
          "use the transaction's `tx` for every query inside it.",
      );
    }
  }

  /** Wraps a dialect so that acquiring a connection inside a transaction body throws (see the class comment). */
  guard(dialect: Dialect): Dialect {
    // Kysely serializes single-connection drivers (SQLite, PGlite) with a mutex taken before the driver is asked for
    // the connection, so a check inside the driver would come after the hang. The guarded dialect therefore claims
    // to support many connections and takes the same kind of lock itself, after the check.
    const serialized = dialect.createAdapter().supportsMultipleConnections === false;
    return {
      createAdapter: () => {
        const adapter = dialect.createAdapter();
        return serialized
          ? (Object.create(adapter, { supportsMultipleConnections: { value: true } }) as DialectAdapter)
          : adapter;
      },
      createDriver: () => this.#guardDriver(dialect.createDriver(), serialized ? new Mutex() : undefined),
      createQueryCompiler: () => dialect.createQueryCompiler(),
      createIntrospector: (db) => dialect.createIntrospector(db),
    };
  }

  #guardDriver(driver: Driver, mutex: Mutex | undefined): Driver {
    // INVARIANT: a Kysely transaction acquires its connection before its body runs and reuses it for every query of
    // `tx`, so within a body only a query that bypasses `tx` acquires a connection.
    const guarded: Driver = {
      init: (options) => driver.init(options),
      acquireConnection: async (options): Promise<DatabaseConnection> => {
        this.assertOutside();
        await mutex?.lock();
        try {
          return await driver.acquireConnection(options);
        } catch (error) {
          mutex?.unlock();
          throw error;
        }
      },
      beginTransaction: (connection, settings) => driver.beginTransaction(connection, settings),
      commitTransaction: (connection) => driver.commitTransaction(connection),
      rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
      releaseConnection: async (connection, options) => {
        try {
          await driver.releaseConnection(connection, options);
        } finally {
          mutex?.unlock();
        }
      },
      destroy: (options) => driver.destroy(options),
    };
    if (driver.savepoint) guarded.savepoint = driver.savepoint.bind(driver);
    if (driver.rollbackToSavepoint) guarded.rollbackToSavepoint = driver.rollbackToSavepoint.bind(driver);
    if (driver.releaseSavepoint) guarded.releaseSavepoint = driver.releaseSavepoint.bind(driver);
    return guarded;
  }
}

/** Hands a single connection to one user at a time, in the order they asked. */
class Mutex {
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => (this.#release = resolve));
  }

  unlock(): void {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }
}
