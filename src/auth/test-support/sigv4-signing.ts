import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest, QueryParameterBag } from '@smithy/types';
import type { SecretLookup, SigV4Request } from '../sigv4.js';

/** AWS's documented example key pair: a long-term key, and the same secret under a temporary key id. */
export const EXAMPLE_KEY = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;
export const EXAMPLE_TEMPORARY_KEY = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLE/token+with=chars',
} as const;
/** A second key, so tests can swap one valid key for another. */
export const OTHER_KEY = {
  accessKeyId: 'AKIAI44QH8DHBEXAMPLE',
  secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
} as const;

/** A secret lookup over fixed keys. */
export function lookupOf(
  ...keys: ReadonlyArray<{ accessKeyId: string; secretAccessKey: string }>
): SecretLookup {
  const byId = new Map(keys.map((k) => [k.accessKeyId, { secretAccessKey: k.secretAccessKey }]));
  return async (accessKeyId) => byId.get(accessKeyId);
}

/** The fixed time requests are signed at. */
export const SIGNED_AT = new Date('2026-01-01T00:00:00Z');

/** A request before signing: path as sent (already percent-encoded), query as decoded values. */
export interface UnsignedRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: QueryParameterBag;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** How the SDK signs: service, region, key, and for a presigned URL its lifetime. */
export interface SigningSpec {
  readonly service: string;
  readonly region: string;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  readonly signingDate?: Date;
  /** Presign (query form) with this `expiresIn`, instead of signing the Authorization header. */
  readonly presignExpiresIn?: number;
}

/**
 * Query encoding as the SDK puts it on the wire (RFC 3986: encodeURIComponent plus `!'()*`), written here
 * independently of the code under test.
 */
export function sdkEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/** The wire form of a query object, keys in the order given, repeated keys for arrays. */
export function wireQuery(query: QueryParameterBag): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === null) parts.push(sdkEncode(key));
    else
      for (const v of Array.isArray(value) ? value : [value]) parts.push(`${sdkEncode(key)}=${sdkEncode(v)}`);
  }
  return parts.join('&');
}

/** Signs a request with the AWS SDK v3's signer (@smithy/signature-v4 with @aws-crypto/sha256-js). */
export async function signWithSdk(unsigned: UnsignedRequest, spec: SigningSpec): Promise<SigV4Request> {
  const signer = new SignatureV4({
    service: spec.service,
    region: spec.region,
    credentials: spec.credentials ?? EXAMPLE_KEY,
    sha256: Sha256,
  });
  const request: HttpRequest = {
    method: unsigned.method,
    protocol: 'https:',
    hostname: 'iam.example.test',
    path: unsigned.path,
    query: { ...(unsigned.query ?? {}) },
    headers: { host: 'iam.example.test', ...(unsigned.headers ?? {}) },
    body: unsigned.body,
  };
  const signingDate = spec.signingDate ?? SIGNED_AT;
  const signed =
    spec.presignExpiresIn === undefined
      ? await signer.sign(request, { signingDate })
      : await signer.presign(request, { signingDate, expiresIn: spec.presignExpiresIn });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  return {
    method: signed.method,
    path: signed.path,
    query: wireQuery(signed.query ?? {}),
    headers,
    body: unsigned.body ?? '',
  };
}

/** The body of an IAM Query request, form-encoded as the SDK sends it. */
export function formBody(params: Record<string, string>): string {
  return wireQuery(params);
}

/** A Query-protocol POST: form body, content type, as the SDK and CLI send IAM and STS calls. */
export function queryPost(params: Record<string, string>): UnsignedRequest {
  return {
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: formBody(params),
  };
}
