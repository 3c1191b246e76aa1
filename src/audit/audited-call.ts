import { AwsError } from '../errors/aws-error.js';
import type { Caller } from '../operation/context.js';
import type { Store } from '../store/store.js';
import { apiCallRecord, type ApiCall } from './api-call-event.js';
import type { PendingEvent } from './append.js';
import type { AuditTrail } from './audit-trail.js';
import { changesState, type AuditedService } from './operation-kind.js';
import { transactionStore } from './transaction-store.js';

/** CloudTrail's placeholder for a value it will not show. */
const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** What the HTTP layer knows of a request before it is authenticated. */
export interface CallStart {
  readonly service: AuditedService;
  /** The `Action` parameter. */
  readonly action: string | null;
  readonly accountId: string;
  readonly requestId: string;
  readonly sourceIp: string;
  readonly userAgent: string | undefined;
  readonly host: string | undefined;
  readonly claimedAccessKeyId: string | undefined;
  readonly claimedRegion: string | undefined;
  readonly tls?: { readonly version: string; readonly cipher: string } | undefined;
  /**
   * The raw values of the request's secret parameters (SECRET_MEMBERS). An error message may echo a parameter (STS's
   * validation errors do); these are hidden in it, as CloudTrail writes `HIDDEN_DUE_TO_SECURITY_REASONS`.
   */
  readonly secretValues?: readonly string[] | undefined;
}

/**
 * One request's way through the audit trail. The app tells it what it learns (who called, which operation with
 * which input), runs the operation through `run`, and reports a failure with `failed`; exactly one event results.
 *
 * - An operation that may change state runs in one transaction with its success event (see transaction-store.ts).
 * - A read, and any failure (whose transaction, if any, rolled back), is buffered and appended in a batch.
 */
export class AuditedCall {
  readonly #trail: AuditTrail | undefined;
  readonly #store: Store;
  readonly #startOf: () => CallStart;
  #start: CallStart | undefined;
  readonly #time: Date;
  #caller: Caller | undefined;
  #region: string | undefined;
  #operation: string | undefined;
  #input: unknown;

  /** `start` describes the request; it is called only when an event is recorded (not with the trail off). */
  constructor(trail: AuditTrail | undefined, store: Store, start: () => CallStart, time: Date) {
    this.#trail = trail;
    this.#store = store;
    this.#startOf = start;
    this.#time = time;
  }

  get #request(): CallStart {
    return (this.#start ??= this.#startOf());
  }

  authenticated(caller: Caller, region: string): void {
    this.#caller = caller;
    this.#region = region;
  }

  decoded(operation: string, input: unknown): void {
    this.#operation = operation;
    this.#input = input;
  }

  /** Runs the operation with the store it must use; commits its event with it when it changes state. */
  async run<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    const trail = this.#trail;
    const operation = this.#operation ?? '';
    if (trail === undefined) return fn(this.#store);
    if (!changesState(this.#request.service, operation)) {
      const output = await fn(this.#store);
      // A call that changes nothing has no responseElements (api-call-event.ts), so its event does not hold on to
      // the output while it waits for its batch.
      trail.enqueue(this.#event({}));
      return output;
    }
    let announce: () => void = () => undefined;
    const output = await this.#store.transaction(async (tx) => {
      const result = await fn(transactionStore(this.#store, tx));
      announce = await trail.appendInTransaction(tx, this.#event({ output: result }));
      return result;
    });
    announce();
    return output;
  }

  /** Records the failure of the call (whatever it changed has rolled back). */
  failed(error: unknown): void {
    if (this.#trail === undefined) return;
    const aws =
      error instanceof AwsError
        ? error
        : new AwsError('ServiceFailure', 'The request processing has failed because of an unknown error.');
    let message = aws.message;
    for (const secret of this.#request.secretValues ?? []) message = message.split(secret).join(HIDDEN);
    this.#trail.enqueue(this.#event({ error: { code: aws.code, message } }));
  }

  /** The call's event: what is known of the call now, made into a record when the event is appended. */
  #event(outcome: Pick<ApiCall, 'output' | 'error'>): PendingEvent {
    const s = this.#request;
    const call: ApiCall = {
      time: this.#time,
      accountId: s.accountId,
      service: s.service,
      operation: this.#operation ?? s.action ?? 'Unknown',
      region: this.#region ?? s.claimedRegion,
      sourceIp: s.sourceIp,
      userAgent: s.userAgent,
      requestId: s.requestId,
      host: s.host,
      tls: s.tls,
      caller: this.#caller,
      claimedAccessKeyId: this.#caller === undefined ? s.claimedAccessKeyId : undefined,
      input: this.#input,
      output: outcome.output,
      error: outcome.error,
    };
    return { time: this.#time, record: () => apiCallRecord(call) };
  }
}
