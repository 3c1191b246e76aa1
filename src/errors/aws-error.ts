/**
 * Errors are typed values named by AWS error codes. Operations throw `AwsError`; the server turns it into an
 * HTTP status and an XML (or JSON) error body in one place (src/server/error-response.ts), using `httpStatusOf`.
 */

/** The AWS error codes iamd returns, with their HTTP status. Add a code here before throwing it. */
export const ERROR_STATUS = {
  // Client faults common to every AWS Query service.
  AccessDenied: 403,
  AccessDeniedException: 403,
  IncompleteSignature: 400,
  InvalidAction: 400,
  InvalidClientTokenId: 403,
  InvalidParameterCombination: 400,
  InvalidParameterValue: 400,
  InvalidQueryParameter: 400,
  MalformedQueryString: 404,
  MissingAction: 400,
  MissingAuthenticationToken: 403,
  MissingParameter: 400,
  NotImplemented: 501,
  OptInRequired: 403,
  RequestExpired: 400,
  SignatureDoesNotMatch: 403,
  Throttling: 400,
  ValidationError: 400,
  // IAM.
  ConcurrentModification: 409,
  DeleteConflict: 409,
  DuplicateCertificate: 409,
  DuplicateSSHPublicKey: 400,
  EntityAlreadyExists: 409,
  EntityTemporarilyUnmodifiable: 409,
  InvalidAuthenticationCode: 403,
  InvalidInput: 400,
  InvalidPublicKey: 400,
  InvalidUserType: 400,
  KeyPairMismatch: 400,
  LimitExceeded: 409,
  MalformedCertificate: 400,
  MalformedPolicyDocument: 400,
  NoSuchEntity: 404,
  PasswordPolicyViolation: 400,
  PolicyEvaluation: 500,
  PolicyNotAttachable: 400,
  ReportExpired: 410,
  ReportGenerationLimitExceeded: 409,
  ReportInProgress: 404,
  ReportNotPresent: 410,
  ServiceFailure: 500,
  UnmodifiableEntity: 400,
  UnrecognizedPublicKeyEncoding: 400,
  // STS.
  ExpiredToken: 400,
  ExpiredTokenException: 400,
  IDPCommunicationError: 400,
  IDPRejectedClaim: 403,
  InvalidAuthorizationMessageException: 400,
  InvalidIdentityToken: 400,
  PackedPolicyTooLarge: 400,
  RegionDisabledException: 403,
  // The JSON protocol (CloudTrail): every client fault is HTTP 400.
  SerializationException: 400,
  UnknownOperationException: 400,
  ValidationException: 400,
  InvalidEventCategoryException: 400,
  InvalidLookupAttributesException: 400,
  InvalidMaxResultsException: 400,
  InvalidNextTokenException: 400,
  InvalidTimeRangeException: 400,
} as const;

/** An AWS error code that iamd knows. */
export type AwsErrorCode = keyof typeof ERROR_STATUS;

/** Who is at fault, as AWS's error envelope says: the caller (`Sender`) or the service (`Receiver`). */
export type ErrorType = 'Sender' | 'Receiver';

/** An error as AWS returns it: a code, one sentence of message, and the HTTP status that goes with the code. */
export class AwsError extends Error {
  readonly code: AwsErrorCode;
  readonly status: number;
  readonly type: ErrorType;

  constructor(code: AwsErrorCode, message: string) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.type = this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

/** The HTTP status for an AWS error code. */
export function httpStatusOf(code: AwsErrorCode): number {
  return ERROR_STATUS[code];
}

/** True when a value is an `AwsError`. */
export function isAwsError(value: unknown): value is AwsError {
  return value instanceof AwsError;
}
