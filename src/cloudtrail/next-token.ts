import { createHash } from 'node:crypto';
import type { EventCursor } from '../audit/keyed-events.js';
import type { SecretBox } from '../auth/secret-box.js';
import { AwsError } from '../errors/aws-error.js';
import type { LookupQuery } from './lookup-input.js';

/** Where the next page starts: just after this event, in newest-first order. */
export type Cursor = EventCursor;

/**
 * LookupEvents' NextToken: the cursor, sealed (AES-GCM under the master key, src/auth/secret-box.ts) together with
 * a digest of the account and the query it was issued for. A token that was altered, forged, or issued for another
 * query or account is InvalidNextTokenException. The page size is not part of the query: it may change between pages.
 */
export function sealToken(secrets: SecretBox, accountId: string, query: LookupQuery, cursor: Cursor): string {
  return secrets.seal(
    JSON.stringify({ q: queryDigest(accountId, query), t: cursor.eventTime, s: cursor.seq }),
  );
}

/** Opens a NextToken for this account and query, or throws InvalidNextTokenException. */
export function openToken(secrets: SecretBox, accountId: string, query: LookupQuery, token: string): Cursor {
  let payload: unknown;
  try {
    payload = JSON.parse(secrets.open(token));
  } catch {
    throw invalid();
  }
  if (typeof payload !== 'object' || payload === null) throw invalid();
  const { q, t, s } = payload as Record<string, unknown>;
  if (q !== queryDigest(accountId, query) || typeof t !== 'string' || typeof s !== 'number') throw invalid();
  return { eventTime: t, seq: s };
}

function invalid(): AwsError {
  return new AwsError(
    'InvalidNextTokenException',
    'The NextToken is not valid, or was issued for a request with different parameters.',
  );
}

function queryDigest(accountId: string, query: LookupQuery): string {
  const canonical = JSON.stringify([
    accountId,
    query.attribute?.key ?? null,
    query.attribute?.value ?? null,
    query.start ?? null,
    query.end ?? null,
    query.insights,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}
