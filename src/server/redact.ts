/**
 * What iamd writes to its logs about a failure, with secrets taken out. Only internal errors are logged (AWS errors
 * are answers, not faults), and their messages may quote data: a driver's message, a parser's excerpt of its input.
 * So a logged message is redacted of every secret the request carried, and of anything shaped like a secret
 * access key or a token; stack frames are code positions and are kept.
 */

import { requestFields } from './console/request-body.js';
import type { HttpRequest } from './http.js';

const REDACTED = '[REDACTED]';
/**
 * Request parameters (and console fields) whose values are secrets: passwords, secret keys, tokens, MFA codes
 * (AuthenticationCode1, TokenCode, mfaCode) and seeds, private keys.
 */
const SECRET_PARAMETER = /password|secret|token|privatekey|code|seed/i;
/**
 * Headers that carry secrets: the session token, the console's session cookie and CSRF token (the signature in
 * `authorization` is derived, but nothing in it is worth logging).
 */
const SECRET_HEADERS = ['x-amz-security-token', 'authorization', 'cookie', 'x-csrf-token'] as const;
/**
 * Secret-shaped text: an AWS secret access key (40 base64 characters standing alone), or any base64 run of 64
 * characters or more (session tokens, sealed secrets, TOTP seeds in base32 are shorter but are request parameters).
 */
const SECRET_SHAPES = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])|[A-Za-z0-9/+_-]{64,}={0,2}/g;
/** Values shorter than this are not redacted by value (they would blank out ordinary words); shapes still apply. */
const MIN_SECRET_LENGTH = 4;

/** The secret values a request carried: its secret parameters (query and form) and secret headers. */
export function requestSecrets(
  params: URLSearchParams,
  headers: Readonly<Record<string, readonly string[]>>,
): string[] {
  const secrets: string[] = [];
  for (const [name, value] of params) if (SECRET_PARAMETER.test(name)) secrets.push(value);
  for (const name of SECRET_HEADERS) secrets.push(...(headers[name] ?? []));
  // Each cookie's value on its own too, as code that reads a cookie would quote it.
  for (const header of headers['cookie'] ?? []) {
    for (const pair of header.split(';')) {
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      if (pair.includes('=') && value !== '') secrets.push(value);
    }
  }
  return secrets;
}

/**
 * The secrets of a request read off the wire, for failures outside the Query handler (which has its parameters):
 * the query string's, and the body's read as the console reads it (JSON or a form).
 */
export function httpRequestSecrets(request: HttpRequest): string[] {
  const params = new URLSearchParams(request.query);
  for (const [name, value] of requestFields(request)) params.append(name, value);
  return requestSecrets(params, request.headers);
}

/** The text with every given secret, and everything secret-shaped, replaced by `[REDACTED]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so that a secret containing another is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  return out.replace(SECRET_SHAPES, REDACTED);
}

/** One error for the log: its name and redacted message, its stack frames, and its cause's, one level down. */
export function describeFailure(error: unknown, secrets: readonly string[]): string {
  if (!(error instanceof Error)) return redact(String(error), secrets);
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .join('\n');
  const head = `${error.name}: ${redact(error.message, secrets)}`;
  const cause =
    error.cause === undefined
      ? ''
      : `\nCaused by: ${error.cause instanceof Error ? `${error.cause.name}: ${redact(error.cause.message, secrets)}` : redact(String(error.cause), secrets)}`;
  return `${head}${frames === '' ? '' : `\n${frames}`}${cause}`;
}
