import type { RequestHeaders } from './sigv4-canonical.js';
import { decodeQueryComponent, splitQuery } from './sigv4-encoding.js';
import { sigv4Errors } from './sigv4-errors.js';

/**
 * A request as SigV4 sees it: plain data, so verification needs no HTTP server. `path` and `query` are exactly
 * as sent on the request line (still percent-encoded; `query` without the `?`). Header names are lower-case; a
 * header sent on several lines is an array with one entry per line (Node's `req.headersDistinct`).
 */
export interface SigV4Request {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: RequestHeaders;
  readonly body: string | Uint8Array;
}

/** The credential scope of a signature: `Credential=AKID/20260101/us-east-1/iam/aws4_request`. */
export interface CredentialScope {
  readonly accessKeyId: string;
  /** YYYYMMDD. */
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

/** The authentication a request carries, read but not yet checked. */
export interface AuthParams {
  readonly form: 'header' | 'query';
  readonly algorithm: string;
  readonly credential: string;
  /** Lower-cased, in the order the client listed them. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  /** The request time as sent (`X-Amz-Date`, or the `Date` header). */
  readonly amzDate: string;
  /** The presigned form's `X-Amz-Expires`, in seconds. */
  readonly expiresSeconds: number | undefined;
  readonly sessionToken: string | undefined;
}

/** The first line of a header, or undefined when it is absent. */
function header(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : value?.[0];
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/**
 * Reads the authentication of a request, in the order AWS checks it: both forms at once, then neither, then the
 * parameters each form requires. Throws the AwsError AWS returns for the first fault.
 */
export function readAuthParams(request: SigV4Request): AuthParams {
  const query = new Map<string, string>();
  for (const { key, value } of splitQuery(request.query)) {
    const name = decodeQueryComponent(key);
    // The first occurrence of a parameter is the one that counts.
    if (!query.has(name)) query.set(name, decodeQueryComponent(value));
  }
  const authorization = header(request.headers, 'authorization');
  const presigned = query.has('X-Amz-Algorithm');
  if (nonEmpty(authorization) && presigned) throw sigv4Errors.bothAuthForms();
  if (presigned) return fromQuery(query);
  if (!nonEmpty(authorization) || !authorization.trim().startsWith('AWS4-')) {
    throw sigv4Errors.missingAuthenticationToken();
  }
  return fromHeader(authorization.trim(), request.headers);
}

function fromHeader(authorization: string, headers: RequestHeaders): AuthParams {
  const [algorithm = '', ...tokens] = authorization.split(/[\s,]+/).filter((t) => t !== '');
  const fields = new Map<string, string>();
  for (const token of tokens) {
    const eq = token.indexOf('=');
    if (eq < 0) throw sigv4Errors.notKeyValuePair(token, authorization);
    fields.set(token.slice(0, eq), token.slice(eq + 1));
  }
  const credential = fields.get('Credential');
  const signature = fields.get('Signature');
  const signedHeaders = fields.get('SignedHeaders');
  const amzDate = header(headers, 'x-amz-date') ?? header(headers, 'date');
  const missing: string[] = [];
  if (!nonEmpty(credential)) missing.push("Authorization header requires 'Credential' parameter.");
  if (!nonEmpty(signature)) missing.push("Authorization header requires 'Signature' parameter.");
  if (!nonEmpty(signedHeaders)) missing.push("Authorization header requires 'SignedHeaders' parameter.");
  if (!nonEmpty(amzDate)) {
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  if (!nonEmpty(credential) || !nonEmpty(signature) || !nonEmpty(signedHeaders) || !nonEmpty(amzDate)) {
    throw sigv4Errors.incompleteHeader(missing, authorization);
  }
  return {
    form: 'header',
    algorithm,
    credential,
    signedHeaders: signedHeaders.toLowerCase().split(';'),
    signature,
    amzDate,
    expiresSeconds: undefined,
    sessionToken: header(headers, 'x-amz-security-token'),
  };
}

const REQUIRED_QUERY_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-SignedHeaders',
  'X-Amz-Date',
] as const;

function fromQuery(query: ReadonlyMap<string, string>): AuthParams {
  const missing = REQUIRED_QUERY_PARAMS.filter((name) => !nonEmpty(query.get(name)));
  if (missing.length > 0) throw sigv4Errors.incompleteQuery(missing);
  const expires = query.get('X-Amz-Expires');
  return {
    form: 'query',
    algorithm: query.get('X-Amz-Algorithm')!,
    credential: query.get('X-Amz-Credential')!,
    signedHeaders: query.get('X-Amz-SignedHeaders')!.toLowerCase().split(';'),
    signature: query.get('X-Amz-Signature')!,
    amzDate: query.get('X-Amz-Date')!,
    expiresSeconds: expires === undefined ? undefined : parseExpires(expires),
    sessionToken: query.get('X-Amz-Security-Token'),
  };
}

/** Longest lifetime of a presigned request: a week, as long as a signing key is valid. */
const MAX_EXPIRES_SECONDS = 604800;

function parseExpires(value: string): number {
  if (value.startsWith('-')) throw sigv4Errors.badExpires('negative');
  if (!/^\d{1,10}$/.test(value)) throw sigv4Errors.badExpires('number');
  const seconds = Number(value);
  if (seconds > MAX_EXPIRES_SECONDS) throw sigv4Errors.badExpires('week');
  return seconds;
}

/**
 * Splits a credential into its scope. AWS ignores trailing slashes; anything but five elements is
 * IncompleteSignature. The terminator is returned separately, to be checked with the rest of the scope.
 */
export function splitCredential(credential: string): { scope: CredentialScope; terminator: string } {
  const parts = credential.replace(/\/+$/, '').split('/');
  if (parts.length !== 5) throw sigv4Errors.credentialParts(credential);
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  return { scope: { accessKeyId, date, region, service }, terminator };
}

/**
 * The credential scope a request claims, without verifying anything: the server routes by the scope's service
 * before it can look up the key. Throws the AwsError AWS returns when the request carries no SigV4
 * authentication, or an incomplete one, or a credential that is not five elements.
 */
export function parseCredentialScope(request: SigV4Request): CredentialScope {
  return splitCredential(readAuthParams(request).credential).scope;
}
