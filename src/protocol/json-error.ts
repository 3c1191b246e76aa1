import type { AwsError } from '../errors/aws-error.js';

/**
 * The JSON protocol's names for errors that iamd raises in Query terms (authentication and authorization are
 * shared with IAM and STS): AWS's JSON services say AccessDeniedException where IAM says AccessDenied, and
 * UnrecognizedClientException for an unknown key ("Common Errors", AWS Management Console documentation). Only the
 * name changes: the HTTP status stays the one errors/aws-error.ts gives the error (403 for both, as that page says).
 */
const JSON_NAMES: Readonly<Record<string, string>> = {
  AccessDenied: 'AccessDeniedException',
  InvalidClientTokenId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  IncompleteSignature: 'IncompleteSignatureException',
  MissingAuthenticationToken: 'MissingAuthenticationTokenException',
  ExpiredToken: 'ExpiredTokenException',
  RequestExpired: 'InvalidSignatureException',
  ServiceFailure: 'InternalFailure',
};

/** A JSON-protocol error response: `{"__type": code, "message": …}` with its status and `x-amzn-ErrorType`. */
export function encodeJsonError(
  error: AwsError,
  requestId: string,
  contentType: string,
): { status: number; headers: Record<string, string>; body: string } {
  const code = JSON_NAMES[error.code] ?? error.code;
  return {
    status: error.status,
    headers: {
      'content-type': contentType,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': code,
    },
    body: JSON.stringify({ __type: code, message: error.message }),
  };
}
