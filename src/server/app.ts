import { AuditedCall } from '../audit/audited-call.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { callStart } from '../audit/call-start.js';
import { AwsError } from '../errors/aws-error.js';
import type { IdGenerator } from '../auth/ids.js';
import type { PasswordAttempts } from '../auth/password-attempts.js';
import type { SecretBox } from '../auth/secret-box.js';
import type { Caller } from '../operation/context.js';
import type { ManagedPolicyCatalog } from '../operation/managed-policies.js';
import type { Store } from '../store/store.js';
import type { SessionTokenMinter } from '../sts/context.js';
import type { Authorizer } from './authorizer.js';
import { errorResponse } from './error-response.js';
import { requestSecrets } from './redact.js';
import { checkSessionLimits } from './session-limits.js';
import { handleJsonRequest, isJsonRequest } from './json-protocol.js';
import type { HttpRequest, HttpResponse } from './http.js';
import { operationFor, type ProtocolCodec } from './dispatch.js';
import { operationContext } from './operation-context.js';
import type { ConsoleRoutes } from './console/routes.js';

/** Establishes who signed a request, or throws AWS's authentication error. */
export type Authenticate = (
  request: HttpRequest,
  params: URLSearchParams,
) => Promise<{ caller: Caller; region: string }>;

/** What the app is built from. Everything stateful is passed in (no module-level state). */
export interface AppDeps {
  readonly store: Store;
  readonly partition: string;
  readonly secrets: SecretBox;
  readonly ids: IdGenerator;
  readonly managedPolicies: ManagedPolicyCatalog;
  readonly tokens: SessionTokenMinter;
  readonly codec: ProtocolCodec;
  readonly authenticate: Authenticate;
  readonly authorizer: Authorizer;
  readonly clock: () => Date;
  /** Called after every operation that may change identities, keys or policies: cached views are stale. */
  readonly changed: () => void;
  /** Counts a request's password guesses (ChangePassword's OldPassword) with the console sign-in's lockout. */
  readonly passwordAttempts?:
    ((request: HttpRequest, accountId: string, now: Date) => PasswordAttempts) | undefined;
  /** The console's back end (sign-in, sessions, the console API); see src/server/console. */
  readonly console?: ConsoleRoutes | undefined;
  /** The account the server serves (the audit trail's recipient account for unauthenticated calls). */
  readonly accountId: string;
  /** The audit trail, or undefined with IAMD_AUDIT=off. */
  readonly audit: AuditTrail | undefined;
  /** In `--dev`: returns the server to a fresh account with the same root key. */
  readonly reset?: (() => Promise<void>) | undefined;
}

const XML = { 'content-type': 'text/xml' };
/**
 * Operations that change no identity, key or policy (Generate… only builds reports); every other successful call
 * clears the caches of keys and policies.
 */
const READ_ONLY = /^(Get|List|Simulate|Generate)/;
const JSON_TYPE = { 'content-type': 'application/json' };

/** The HTTP app: one function from request to response, with no sockets (see node-adapter.ts for those). */
export function createApp(deps: AppDeps): (request: HttpRequest) => Promise<HttpResponse> {
  return async (request) => {
    if (request.path === '/_iamd/health' && request.method === 'GET') {
      return { status: 200, headers: JSON_TYPE, body: '{"status":"ok"}' };
    }
    if (
      (request.path === '/_iamd/reset' || request.path === '/moto-api/reset') &&
      request.method === 'POST'
    ) {
      if (deps.reset === undefined)
        return { status: 404, headers: JSON_TYPE, body: '{"error":"reset is only available with --dev"}' };
      await deps.reset();
      return { status: 200, headers: JSON_TYPE, body: '{"status":"reset"}' };
    }
    if (deps.console !== undefined && request.path.startsWith('/_iamd/')) {
      const answered = await deps.console(request, (req, authenticate) =>
        handleQuery(deps, req, authenticate),
      );
      if (answered !== undefined) return answered;
    }
    if (isJsonRequest(request)) return handleJsonRequest(deps, request);
    return handleQuery(deps, request);
  };
}

/**
 * The AWS Query protocol: IAM and STS, told apart by the credential scope (or, unsigned, by the action). The
 * caller is established by `authenticate`: SigV4 by default, a console session for the console API.
 */
async function handleQuery(
  deps: AppDeps,
  request: HttpRequest,
  authenticate: Authenticate = deps.authenticate,
): Promise<HttpResponse> {
  const requestId = deps.ids.requestId();
  const params = new URLSearchParams(request.query);
  if (request.method === 'POST')
    for (const [k, v] of new URLSearchParams(request.body.toString('utf8'))) params.append(k, v);
  const service = deps.codec.serviceOf(request, params);
  const now = deps.clock();
  const call = new AuditedCall(
    deps.audit,
    deps.store,
    () => callStart(request, params, service, requestId, deps.accountId),
    now,
  );
  try {
    if (request.method !== 'POST' && request.method !== 'GET') {
      throw new AwsError('InvalidAction', `The HTTP method ${request.method} is not supported.`);
    }
    const { caller, region } = await authenticate(request, params);
    call.authenticated(caller, region);
    const { operation, input } = deps.codec.decode(service, params);
    call.decoded(operation, input);
    const handler = operationFor(service, operation);
    checkSessionLimits(caller, service, operation);
    // The store is the request's transaction for calls that change state (src/audit/audited-call.ts).
    const output = await call.run((store) =>
      handler(operationContext(deps, { request, caller, region, now, requestId, store }), input),
    );
    // STS only mints sessions, which no cache holds yet; IAM writes may change any identity, key or policy.
    if (service === 'iam' && !READ_ONLY.test(operation)) deps.changed();
    return {
      status: 200,
      headers: { ...XML, 'x-amzn-requestid': requestId },
      body: deps.codec.encodeResult(service, operation, output, requestId),
    };
  } catch (error) {
    call.failed(error);
    return errorResponse(deps.codec, service, error, requestId, () =>
      requestSecrets(params, request.headers),
    );
  }
}
