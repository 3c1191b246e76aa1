import { AuditedCall } from '../audit/audited-call.js';
import { callStart } from '../audit/call-start.js';
import { AwsError } from '../errors/aws-error.js';
import { CLOUDTRAIL_OPERATIONS } from '../cloudtrail/operations.js';
import type { OperationContext } from '../operation/context.js';
import { decodeJsonInput } from '../protocol/json-decode.js';
import { encodeJsonOutput } from '../protocol/json-encode.js';
import { encodeJsonError } from '../protocol/json-error.js';
import { JSON_SERVICES, jsonTarget, type JsonService } from '../protocol/json-model.js';
import type { AppDeps } from './app.js';
import { asAwsError } from './error-response.js';
import type { HttpRequest, HttpResponse } from './http.js';
import { operationContext } from './operation-context.js';
import { httpRequestSecrets } from './redact.js';

type Handler = (ctx: OperationContext, input: unknown) => Promise<unknown>;

const OPERATIONS: Readonly<Record<JsonService, Readonly<Record<string, unknown>>>> = {
  cloudtrail: CLOUDTRAIL_OPERATIONS,
};

/** Whether a request speaks AWS's JSON protocol: it names its operation in `X-Amz-Target`, or sends a JSON body. */
export function isJsonRequest(request: HttpRequest): boolean {
  return (
    request.headers['x-amz-target'] !== undefined ||
    (request.headers['content-type']?.[0] ?? '').startsWith('application/x-amz-json-')
  );
}

/**
 * AWS's JSON 1.1 protocol (CloudTrail's LookupEvents): `POST /` with the operation in `X-Amz-Target` and the input
 * as a JSON body. Authentication (SigV4) and authorization are the ones IAM and STS use; errors are
 * `{"__type", "message"}` bodies (src/protocol/json-error.ts).
 */
export async function handleJsonRequest(deps: AppDeps, request: HttpRequest): Promise<HttpResponse> {
  const requestId = deps.ids.requestId();
  const target = jsonTarget(request.headers['x-amz-target']?.[0] ?? '');
  const contentType = target?.service.contentType ?? JSON_SERVICES.cloudtrail.contentType;
  const params = new URLSearchParams(request.query);
  const now = deps.clock();
  // Recorded like IAM and STS calls: a read, appended with the next batch (src/audit/audited-call.ts).
  const call = new AuditedCall(
    deps.audit,
    deps.store,
    () => callStart(request, params, 'cloudtrail', requestId, deps.accountId),
    now,
  );
  try {
    if (request.method !== 'POST') {
      throw new AwsError('UnknownOperationException', `The HTTP method ${request.method} is not supported.`);
    }
    const { caller, region } = await deps.authenticate(request, params);
    call.authenticated(caller, region);
    const operation = target?.service.model.operation(target.operation);
    const handler = target === undefined ? undefined : OPERATIONS[target.service.service][target.operation];
    if (target === undefined || operation === undefined || typeof handler !== 'function') {
      throw new AwsError('UnknownOperationException', '');
    }
    call.decoded(target.operation, undefined);
    const input = decodeJsonInput(target.service.model, operation.input, request.body.toString('utf8'));
    call.decoded(target.operation, input);
    // INVARIANT: `input` was decoded with this operation's input shape, so the erased types line up.
    const output = await call.run((store) =>
      (handler as Handler)(operationContext(deps, { request, caller, region, now, requestId, store }), input),
    );
    return {
      status: 200,
      headers: { 'content-type': contentType, 'x-amzn-requestid': requestId },
      body: encodeJsonOutput(target.service.model, operation.output, output),
    };
  } catch (error) {
    call.failed(error);
    const aws = asAwsError(error, requestId, () => httpRequestSecrets(request));
    return encodeJsonError(aws, requestId, contentType);
  }
}
