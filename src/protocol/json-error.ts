import type { AwsError } from '../errors/aws-error.js';

/**
 * The JSON protocol's names for errors that iamd raises in Query terms (authentication and authorization are
 * shared with IAM and STS): AWS's JSON services say AccessDeniedException where IAM says AccessDenied, and report
 * an unknown or invalid key as UnrecognizedClientException, all with HTTP 400 as those services do.
 */
const JSON_NAMES: Readonly<Record<string, { readonly code: string; readonly status: number }>> = {
  AccessDenied: { code: 'AccessDeniedException', status: 400 },
  AccessDeniedException: { code: 'AccessDeniedException', status: 400 },
  InvalidClientTokenId: { code: 'UnrecognizedClientException', status: 400 },
  SignatureDoesNotMatch: { code: 'InvalidSignatureException', status: 400 },
  IncompleteSignature: { code: 'IncompleteSignatureException', status: 400 },
  MissingAuthenticationToken: { code: 'MissingAuthenticationTokenException', status: 400 },
  ExpiredToken: { code: 'ExpiredTokenException', status: 400 },
  RequestExpired: { code: 'InvalidSignatureException', status: 400 },
  ServiceFailure: { code: 'InternalFailure', status: 500 },
};

/** A JSON-protocol error response: `{"__type": code, "message": …}` with its status and `x-amzn-ErrorType`. */
export function encodeJsonError(
  error: AwsError,
  requestId: string,
  contentType: string,
): { status: number; headers: Record<string, string>; body: string } {
  const named = JSON_NAMES[error.code] ?? { code: error.code, status: error.status };
  return {
    status: named.status,
    headers: {
      'content-type': contentType,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': named.code,
    },
    body: JSON.stringify({ __type: named.code, message: error.message }),
  };
}
