import { AwsError } from '../errors/aws-error.js';
import type { ProtocolCodec } from './dispatch.js';
import type { HttpResponse } from './http.js';
import { describeFailure } from './redact.js';

/** The Query services iamd serves. */
export type Service = 'iam' | 'sts';

/**
 * The one place where errors become HTTP: an AwsError keeps its code and status; anything else is a bug, reported
 * as AWS's ServiceFailure without internals (and logged to stderr for the operator, without the request's secrets:
 * `secrets` gives them, and is only called for such a bug).
 */
export function errorResponse(
  codec: ProtocolCodec,
  service: Service,
  error: unknown,
  requestId: string,
  secrets: () => readonly string[] = () => [],
): HttpResponse {
  const aws =
    error instanceof AwsError
      ? error
      : new AwsError(
          'ServiceFailure',
          'The request processing has failed because of an unknown error, exception or failure.',
        );
  if (!(error instanceof AwsError)) {
    process.stderr.write(
      `iamd: internal error in request ${requestId}: ${describeFailure(error, secrets())}\n`,
    );
  }
  return {
    status: aws.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: codec.encodeError(service, aws, requestId),
  };
}
