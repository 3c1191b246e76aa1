import { createHmac, hash } from 'node:crypto';
import { canonicalQueryComponent, splitQuery, uriEncode } from './sigv4-encoding.js';

/**
 * The steps of AWS Signature Version 4 as the verifier computes them, one function each
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html). A protocol, not cryptography of
 * our own: the hashing and HMAC are node:crypto's.
 */

/** The signing algorithm iamd accepts, as named in the Authorization header and `X-Amz-Algorithm`. */
export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/** The last element of every SigV4 credential scope. */
export const SCOPE_TERMINATOR = 'aws4_request';

/** Header values as the server received them, names lower-cased; a repeated header has one entry per line. */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * The canonical URI of a raw (as sent, percent-encoded) path. For every service but S3, AWS normalizes the path
 * (empty and `.` segments dropped, `..` resolved) and URI-encodes the result once more: the SDKs and botocore sign
 * the encoded path encoded again, so a server must do the same to agree.
 */
export function canonicalUri(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const leading = rawPath.startsWith('/') ? '/' : '';
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  const path = leading + segments.map(uriEncode).join('/') + trailing;
  return path === '' ? '/' : path;
}

/**
 * The canonical query string of a raw query string: each key and value decoded and encoded again, the pairs
 * sorted by key and then by value. `X-Amz-Signature` is left out when `excludeSignature` is set (the presigned
 * form), because a signature cannot sign itself.
 */
export function canonicalQueryString(rawQuery: string, excludeSignature: boolean): string {
  const pairs: Array<[string, string]> = [];
  for (const { key, value } of splitQuery(rawQuery)) {
    const canonicalKey = canonicalQueryComponent(key);
    if (excludeSignature && canonicalKey === 'X-Amz-Signature') continue;
    pairs.push([canonicalKey, canonicalQueryComponent(value)]);
  }
  // Canonical components are ASCII, so comparing UTF-16 code units is comparing bytes, as SigV4 sorts.
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** A header's canonical value: its lines joined with commas, runs of whitespace made one space, ends trimmed. */
export function canonicalHeaderValue(value: string | readonly string[] | undefined): string {
  const lines = value === undefined ? [] : typeof value === 'string' ? [value] : value;
  return lines.map((line) => line.replace(/[ \t\r\n]+/g, ' ').trim()).join(',');
}

/** The canonical headers block: one `name:value` line per signed header, in the order the client listed them. */
export function canonicalHeaders(headers: RequestHeaders, signedHeaders: readonly string[]): string {
  return signedHeaders.map((name) => `${name}:${canonicalHeaderValue(headers[name])}\n`).join('');
}

/** Hex SHA-256, as SigV4 hashes payloads and canonical requests. */
export function sha256Hex(data: string | Uint8Array): string {
  // The one-shot hash: twice a signed request, and half the cost of a Hash object's create, update and digest.
  return hash('sha256', data, 'hex');
}

/** What the canonical request is computed from. */
export interface CanonicalRequestInput {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: RequestHeaders;
  readonly body: string | Uint8Array;
  readonly signedHeaders: readonly string[];
  /** The presigned form leaves `X-Amz-Signature` out of the canonical query string. */
  readonly presigned: boolean;
}

/**
 * The canonical request. The payload hash is always the hash of the body received: a client-supplied
 * `x-amz-content-sha256` (such as `UNSIGNED-PAYLOAD`) is an S3 feature, and honouring it elsewhere would let a
 * signature leave the body unprotected.
 */
export function canonicalRequest(input: CanonicalRequestInput): string {
  return [
    input.method,
    canonicalUri(input.path),
    canonicalQueryString(input.query, input.presigned),
    canonicalHeaders(input.headers, input.signedHeaders),
    input.signedHeaders.join(';'),
    sha256Hex(input.body),
  ].join('\n');
}

/** The credential scope string: `date/region/service/aws4_request`. */
export function scopeString(date: string, region: string, service: string): string {
  return `${date}/${region}/${service}/${SCOPE_TERMINATOR}`;
}

/** The string to sign: algorithm, request time, credential scope and the hash of the canonical request. */
export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [SIGV4_ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

function hmac(key: string | Uint8Array, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The signing key: HMAC-SHA256 chained over `AWS4` + secret, date, region, service and `aws4_request`. */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const dateKey = hmac('AWS4' + secretAccessKey, date);
  return hmac(hmac(hmac(dateKey, region), service), SCOPE_TERMINATOR);
}

/** The hex signature of a string to sign under a signing key. */
export function signatureOf(key: Uint8Array, toSign: string): string {
  return createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}
