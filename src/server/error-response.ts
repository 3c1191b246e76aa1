import { AwsError } from '../errors/aws-error.js';
import type { ProtocolCodec } from './dispatch.js';
import type { HttpResponse } from './http.js';
import { describeFailure } from './redact.js';

/** The Query services iamd serves. */
export type Service = 'iam' | 'sts';

/**
 * Where errors become HTTP for the Query protocol (the JSON protocol's twin is protocol/json-error.ts; both take the
 * status from the error, whose code decides it in errors/aws-error.ts). Bugs become ServiceFailure (`asAwsError`).
 */
export function errorResponse(
  codec: ProtocolCodec,
  service: Service,
  error: unknown,
  requestId: string,
  secrets: () => readonly string[] = () => [],
): HttpResponse {
  const aws = asAwsError(error, requestId, secrets);
  return {
    status: aws.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: codec.encodeError(service, aws, requestId),
  };
}

/**
 * The AwsError a failure is answered with: an AwsError as it is; anything else is a bug, answered as AWS's
 * ServiceFailure without internals and logged to stderr for the operator, without the request's secrets (`secrets`
 * gives them, and is only called for such a bug).
 */
export function asAwsError(
  error: unknown,
  requestId: string,
  secrets: () => readonly string[] = () => [],
): AwsError {
  if (error instanceof AwsError) return error;
  process.stderr.write(
    `iamd: internal error in request ${requestId}: ${describeFailure(error, secrets())}\n`,
  );
  return new AwsError(
    'ServiceFailure',
    'The request processing has failed because of an unknown error, exception or failure.',
  );
}
