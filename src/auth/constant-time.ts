import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two strings in time that does not depend on where they differ (crypto.timingSafeEqual), for
 * signatures and other secrets. timingSafeEqual needs buffers of one length; when the lengths differ the
 * expected value is compared with itself, so the same work is done, and the answer is false. Only the length
 * can leak, and the length of a signature is public.
 */
export function constantTimeEqual(expected: string, actual: string): boolean {
  const expectedBytes = Buffer.from(expected, 'utf8');
  const actualBytes = Buffer.from(actual, 'utf8');
  const sameLength = expectedBytes.length === actualBytes.length;
  const equal = timingSafeEqual(expectedBytes, sameLength ? actualBytes : expectedBytes);
  return equal && sameLength;
}
