import type { Caller, OperationContext } from '../operation/context.js';
import type { Store } from '../store/store.js';
import type { StsContext } from '../sts/context.js';
import type { AppDeps } from './app.js';
import type { HttpRequest } from './http.js';

/** Who is calling, and where: what authentication established for one request. */
export interface CallFacts {
  readonly request: HttpRequest;
  readonly caller: Caller;
  readonly region: string;
  readonly now: Date;
  readonly requestId: string;
  /** The store the operation runs on: the request's transaction for calls that change state (audit/audited-call.ts). */
  readonly store: Store;
}

/**
 * The context an operation runs in, whatever protocol carried the request (Query, the console API, JSON): the
 * same store, authorizer and request facts, so that every path authorizes the same way.
 */
export function operationContext(deps: AppDeps, call: CallFacts): StsContext & OperationContext {
  const { request, caller, region, now, store } = call;
  const facts = {
    now,
    sourceIp: request.sourceIp,
    secureTransport: request.secure,
    region,
    userAgent: request.headers['user-agent']?.[0],
    // Inside the request's transaction, policies are loaded through it.
    store: store === deps.store ? undefined : store,
  };
  return {
    store,
    accountId: caller.accountId,
    partition: deps.partition,
    region,
    caller,
    now,
    requestId: call.requestId,
    secrets: deps.secrets,
    ids: deps.ids,
    managedPolicies: deps.managedPolicies,
    tokens: deps.tokens,
    authorize: (action, resource, extra, options) =>
      deps.authorizer.authorize(caller, action, resource, facts, extra, options),
    policiesChanged: () => deps.authorizer.invalidate(),
    // Made on first use: only ChangePassword counts password guesses. (A method, not a getter: an object literal
    // with a getter is built on V8's slow path, and this one is built for every request.)
    passwordAttempts: () => deps.passwordAttempts?.(request, caller.accountId, now),
  };
}
