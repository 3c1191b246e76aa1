import { AwsError } from '../errors/aws-error.js';

/**
 * Every error SigV4 verification returns, with AWS's code and message. The messages are those of AWS's common
 * request authentication (the same text for IAM, STS and the other Query and JSON services); for the Query
 * protocol AWS names the codes IncompleteSignature, SignatureDoesNotMatch, InvalidClientTokenId and
 * MissingAuthenticationToken.
 */
export const sigv4Errors = {
  missingAuthenticationToken: () =>
    new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token'),

  bothAuthForms: () =>
    new AwsError(
      'SignatureDoesNotMatch',
      "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
    ),

  notKeyValuePair: (pair: string, authorization: string) =>
    new AwsError(
      'IncompleteSignature',
      `'${pair}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`,
    ),

  /** `missing` are sentences such as "Authorization header requires 'Credential' parameter." */
  incompleteHeader: (missing: readonly string[], authorization: string) =>
    new AwsError('IncompleteSignature', `${missing.join(' ')} Authorization=${authorization}`),

  /** `missing` are the names of the query parameters that are absent or empty. */
  incompleteQuery: (missing: readonly string[]) =>
    new AwsError(
      'IncompleteSignature',
      missing.map((name) => `AWS query-string parameters must include '${name}'. `).join('') +
        'Re-examine the query-string parameters.',
    ),

  badDate: (value: string) =>
    new AwsError(
      'IncompleteSignature',
      `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    ),

  /** An `X-Amz-Expires` that is not a whole number of seconds from 0 to a week (S3's wording; AWS's elsewhere is unrecorded). */
  badExpires: (problem: 'number' | 'negative' | 'week') =>
    new AwsError(
      'IncompleteSignature',
      problem === 'number'
        ? 'X-Amz-Expires should be a number'
        : problem === 'negative'
          ? 'X-Amz-Expires must be non-negative'
          : 'X-Amz-Expires must be less than a week (in seconds) that is 604800',
    ),

  /** Signed longer ago than the window allows: `(now - window)`, as AWS prints it. */
  signatureExpired: (signed: string, earliest: string, now: string, window: string) =>
    new AwsError(
      'SignatureDoesNotMatch',
      `Signature expired: ${signed} is now earlier than ${earliest} (${now} - ${window})`,
    ),

  signatureNotYetCurrent: (signed: string, latest: string, now: string, window: string) =>
    new AwsError(
      'SignatureDoesNotMatch',
      `Signature not yet current: ${signed} is still later than ${latest} (${now} + ${window})`,
    ),

  hostNotSigned: () =>
    new AwsError(
      'SignatureDoesNotMatch',
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    ),

  unsupportedAlgorithm: (algorithm: string) =>
    new AwsError(
      'IncompleteSignature',
      `Unsupported AWS 'algorithm': '${algorithm}' (only AWS4-HMAC-SHA256 for now). `,
    ),

  credentialParts: (credential: string) =>
    new AwsError(
      'IncompleteSignature',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    ),

  /** `problems` are the scope sentences below, in AWS's order, concatenated as AWS does. */
  badScope: (problems: readonly string[]) => new AwsError('SignatureDoesNotMatch', problems.join('')),

  invalidClientTokenId: () =>
    new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.'),

  signatureDoesNotMatch: () =>
    new AwsError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret ' +
        'Access Key and signing method. Consult the service documentation for details.',
    ),
};

/** The sentences of a bad credential scope; AWS ends each with ". " and runs them together. */
export const scopeProblems = {
  region: (region: string) => `Credential should be scoped to a valid region, not '${region}'. `,
  service: (expected: string) => `Credential should be scoped to correct service: '${expected}'. `,
  terminator: (terminator: string) =>
    `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `,
  date: (scopeDate: string, amzDate: string) =>
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ` +
    `'${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
};
