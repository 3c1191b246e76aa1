import { AwsError } from '../errors/aws-error.js';

/** A page of a list, as IAM's list operations return it. */
export interface Page<T> {
  readonly items: T[];
  readonly IsTruncated: boolean;
  readonly Marker?: string;
}

const DEFAULT_MAX_ITEMS = 100;

/**
 * Cuts one page from a fully ordered list, with IAM's `Marker` / `MaxItems` / `IsTruncated` contract. The marker
 * is opaque to callers: it encodes the position to resume from.
 */
export function paginate<T>(
  all: readonly T[],
  input: { Marker?: string | undefined; MaxItems?: number | undefined },
): Page<T> {
  const max = input.MaxItems ?? DEFAULT_MAX_ITEMS;
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${max}' at 'maxItems' failed to satisfy constraint: Member must have value ${
        max < 1 ? 'greater than or equal to 1' : 'less than or equal to 1000'
      }`,
    );
  }
  const start = input.Marker === undefined ? 0 : decodeMarker(input.Marker);
  const items = all.slice(start, start + max);
  const next = start + items.length;
  return next < all.length
    ? { items, IsTruncated: true, Marker: encodeMarker(next) }
    : { items, IsTruncated: false };
}

function encodeMarker(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeMarker(marker: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8'));
    const offset = (parsed as { o?: unknown }).o;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  // The code and message AWS returns (recorded in shared/aws-reference).
  throw new AwsError('ValidationError', 'Invalid Marker.');
}
