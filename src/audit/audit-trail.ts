import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { appendEvents, digestHead, prepareEvent, type PendingEvent, type PreparedEvent } from './append.js';
import type { DigestSigner } from './digest-signer.js';
import { pruneEvents } from './retention.js';

/** How the trail batches, signs and prunes. */
export interface AuditTrailOptions {
  readonly store: Store;
  readonly signer: DigestSigner;
  readonly clock: () => Date;
  /** Buffered events are appended after this long at most (the loss window of a crash). Default 100 ms. */
  readonly flushIntervalMs?: number;
  /**
   * …or as soon as this many are buffered. Default 100: a batch blocks the event loop while it is built and appended
   * (1.5 ms for 100 events in isolation, more in a busy server), and 100 kept the p99 of reads under 5 ms where 200
   * did not, at the same throughput.
   */
  readonly maxBuffered?: number;
  /** A digest is signed after this many events (default 1000)… */
  readonly digestEveryEvents?: number;
  /** …or this often while events arrive (default 5 minutes), and on close. */
  readonly digestIntervalMs?: number;
  /** Events older than this many days are deleted (see retention.ts); undefined keeps them. */
  readonly retentionDays?: number | undefined;
  /** Called with the record texts of every committed append (tests collect them; exports may stream them). */
  readonly onAppended?: ((records: readonly string[]) => void) | undefined;
}

/**
 * The audit trail of a running server. Events of calls that change state are appended by the caller inside the
 * call's own transaction (`appendInTransaction`); the others are buffered and appended in batches, off the
 * request path, every `flushIntervalMs` or `maxBuffered` events, and on `close`. A buffered event waits unbuilt:
 * its record is built with the rest of its batch (see PendingEvent). A change's event is appended without its lookup
 * keys: the next batch keys it, and a flush is due within `flushIntervalMs` of it even when nothing is buffered.
 */
export class AuditTrail {
  readonly #options: AuditTrailOptions;
  #buffer: PendingEvent[] = [];
  #flushing: Promise<void> = Promise.resolve();
  // Whether events may have been appended without their keys since the last flush began: by this trail's changes,
  // or, until the first flush, by a server that stopped before keying them (a crash).
  #unkeyed = true;
  #timer: NodeJS.Timeout | undefined;
  readonly #periodic: NodeJS.Timeout[] = [];
  #closed = false;

  constructor(options: AuditTrailOptions) {
    this.#options = options;
    const digestEvery = options.digestIntervalMs ?? 5 * 60_000;
    this.#periodic.push(setInterval(() => void this.#guard(this.digest()), digestEvery).unref());
    if (options.retentionDays !== undefined) {
      this.#periodic.push(setInterval(() => void this.#guard(this.prune()), 3600_000).unref());
    }
  }

  /** Appends an event inside the transaction of the call it records; it commits or rolls back with the call. */
  async appendInTransaction(tx: Transaction<Database>, event: PendingEvent): Promise<() => void> {
    const o = this.#options;
    const texts = await appendEvents(
      tx,
      [prepareEvent(event)],
      o.signer,
      this.#digestPolicy(),
      o.clock(),
      'change',
    );
    // The caller runs this after the commit, so that nothing reports an event that rolled back.
    return () => {
      o.onAppended?.(texts);
      this.#unkeyed = true;
      this.#schedule();
    };
  }

  /** Buffers an event of a call that changed nothing. */
  enqueue(event: PendingEvent): void {
    this.#buffer.push(event);
    if (this.#buffer.length >= (this.#options.maxBuffered ?? 100)) void this.#guard(this.flush());
    else this.#schedule();
  }

  #schedule(): void {
    if (this.#closed) return;
    this.#timer ??= setTimeout(() => void this.#guard(this.flush()), this.#options.flushIntervalMs ?? 100);
  }

  /** Appends every buffered event now. */
  flush(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#buffer;
    this.#buffer = [];
    const unkeyed = this.#unkeyed;
    this.#unkeyed = false;
    // Batches append one after another, in the order they were taken.
    this.#flushing = this.#flushing.catch(() => undefined).then(() => this.#append(batch, unkeyed));
    return this.#flushing;
  }

  /**
   * Appends a batch taken by `flush`. This is a method, not a closure made anew by each flush: V8 compiled such a
   * closure's optimized code (the building of every record inlined, 22-24 ms on its compiler thread) again and again
   * for new closures, 21 times in 36 seconds of load in one profile, where this method is compiled once
   * (docs/benchmarks.md).
   */
  async #append(batch: readonly PendingEvent[], unkeyed: boolean): Promise<void> {
    if (batch.length === 0 && !unkeyed) return;
    const o = this.#options;
    // Built before the transaction, so that the chain head's lock is held only for the append itself. A record that
    // cannot be built is a bug, reported like a failed append; it does not take the rest of its batch along.
    const prepared: PreparedEvent[] = [];
    for (const event of batch) {
      try {
        prepared.push(prepareEvent(event));
      } catch (error) {
        report(error);
      }
    }
    const texts = await o.store.transaction((tx) =>
      appendEvents(tx, prepared, o.signer, this.#digestPolicy(), o.clock()),
    );
    o.onAppended?.(texts);
  }

  /** Signs a digest of the chain's head if events came since the last one. */
  async digest(): Promise<void> {
    const o = this.#options;
    await o.store.transaction((tx) => digestHead(tx, o.signer, o.clock()));
  }

  /** Deletes events past the retention period (see retention.ts). */
  async prune(): Promise<number> {
    const days = this.#options.retentionDays;
    if (days === undefined) return 0;
    return pruneEvents(this.#options.store, new Date(this.#options.clock().getTime() - days * 86_400_000));
  }

  /** Flushes, signs a final digest and stops the timers. Call before closing the store. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#periodic) clearInterval(timer);
    await this.flush();
    await this.digest();
  }

  #digestPolicy() {
    return { everyEvents: this.#options.digestEveryEvents ?? 1000 };
  }

  async #guard(work: Promise<unknown>): Promise<void> {
    try {
      await work;
    } catch (error) {
      report(error);
    }
  }
}

/** A failed background append must not crash the server; the operator sees it. */
function report(error: unknown): void {
  process.stderr.write(
    `iamd: audit trail: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
}
