import { constantTimeEqual } from './constant-time.js';
import { readAuthParams, splitCredential } from './sigv4-auth-params.js';
import type { CredentialScope, SigV4Request } from './sigv4-auth-params.js';
import {
  canonicalRequest,
  scopeString,
  SCOPE_TERMINATOR,
  signatureOf,
  signingKey,
  SIGV4_ALGORITHM,
  stringToSign,
} from './sigv4-canonical.js';
import { checkSigningTime, parseAmzDate } from './sigv4-clock.js';
import { scopeProblems, sigv4Errors } from './sigv4-errors.js';

export { parseCredentialScope } from './sigv4-auth-params.js';
export type { CredentialScope, SigV4Request } from './sigv4-auth-params.js';
export type { RequestHeaders } from './sigv4-canonical.js';

/** Finds the secret of an access key; undefined when there is no such key (AWS's InvalidClientTokenId). */
export type SecretLookup = (accessKeyId: string) => Promise<{ readonly secretAccessKey: string } | undefined>;

/** What verification needs besides the request. */
export interface SigV4VerifyOptions {
  readonly secrets: SecretLookup;
  /** The server's clock. */
  readonly now: Date;
  /** When set, the scope must name this service ("Credential should be scoped to correct service"). */
  readonly service?: string | undefined;
  /** When set, the scope's region must pass it ("Credential should be scoped to a valid region"). */
  readonly isValidRegion?: ((region: string) => boolean) | undefined;
  /**
   * Keeps derived signing keys, which depend only on the key, the day, the region and the service: deriving one
   * takes four HMACs, and opening the sealed secret it comes from takes an AES-GCM decryption.
   */
  readonly signingKeys?: Map<string, Buffer> | undefined;
}

/** How many derived signing keys a cache keeps before it starts afresh. */
const MAX_SIGNING_KEYS = 10_000;

/** A request whose signature verified. */
export interface VerifiedSigV4 {
  readonly scope: CredentialScope;
  /** `X-Amz-Security-Token`, for temporary credentials; the caller checks it (session-token.ts). */
  readonly sessionToken: string | undefined;
  readonly signedAt: Date;
  /** `header`: the Authorization header; `query`: a presigned URL. */
  readonly form: 'header' | 'query';
}

function checkScope(
  scope: CredentialScope,
  terminator: string,
  amzDate: string,
  options: SigV4VerifyOptions,
): void {
  const problems: string[] = [];
  if (options.isValidRegion !== undefined && !options.isValidRegion(scope.region)) {
    problems.push(scopeProblems.region(scope.region));
  }
  if (options.service !== undefined && scope.service !== options.service) {
    problems.push(scopeProblems.service(options.service));
  }
  if (terminator !== SCOPE_TERMINATOR) problems.push(scopeProblems.terminator(terminator));
  if (scope.date !== amzDate.slice(0, 8)) problems.push(scopeProblems.date(scope.date, amzDate));
  if (problems.length > 0) throw sigv4Errors.badScope(problems);
}

/**
 * Verifies a request signed with AWS Signature Version 4, in the Authorization header or as a presigned URL,
 * and returns its credential scope. Throws AwsError with AWS's code and message, checking in AWS's order: the
 * form and its parameters, the date, the clock, the signed `host`, the algorithm, the credential scope, the
 * access key, and last the signature, which is compared in constant time.
 */
export async function verifySigV4(
  request: SigV4Request,
  options: SigV4VerifyOptions,
): Promise<VerifiedSigV4> {
  const auth = readAuthParams(request);
  const signedAt = parseAmzDate(auth.amzDate);
  checkSigningTime(signedAt, auth.amzDate, options.now, auth.expiresSeconds);
  if (!auth.signedHeaders.includes('host') && !auth.signedHeaders.includes(':authority')) {
    throw sigv4Errors.hostNotSigned();
  }
  if (auth.algorithm !== SIGV4_ALGORITHM) throw sigv4Errors.unsupportedAlgorithm(auth.algorithm);
  const { scope, terminator } = splitCredential(auth.credential);
  checkScope(scope, terminator, auth.amzDate, options);

  const key = await options.secrets(scope.accessKeyId);
  if (key === undefined) throw sigv4Errors.invalidClientTokenId();

  const canonical = canonicalRequest({
    ...request,
    signedHeaders: auth.signedHeaders,
    presigned: auth.form === 'query',
  });
  const toSign = stringToSign(auth.amzDate, scopeString(scope.date, scope.region, scope.service), canonical);
  const cacheKey = `${scope.accessKeyId}/${scope.date}/${scope.region}/${scope.service}`;
  let derived = options.signingKeys?.get(cacheKey);
  if (derived === undefined) {
    // INVARIANT: `secretAccessKey` is read only here, so a lookup may open the sealed secret lazily.
    derived = signingKey(key.secretAccessKey, scope.date, scope.region, scope.service);
    if (options.signingKeys !== undefined) {
      if (options.signingKeys.size >= MAX_SIGNING_KEYS) options.signingKeys.clear();
      options.signingKeys.set(cacheKey, derived);
    }
  }
  const expected = signatureOf(derived, toSign);
  if (!constantTimeEqual(expected, auth.signature)) throw sigv4Errors.signatureDoesNotMatch();

  return { scope, sessionToken: auth.sessionToken, signedAt, form: auth.form };
}
