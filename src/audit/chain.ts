import { hash } from 'node:crypto';

/**
 * The hash chain. Event n's hash is `SHA-256(hex(prev_hash) || "\n" || record)` over UTF-8, written as lower-case
 * hex, where `prev_hash` is event n-1's hash (64 zeros for event 1) and `record` is the stored record text,
 * byte for byte. Changing, removing or inserting an event breaks every later link.
 */

/** The `prev_hash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash of an event, given the previous event's hash and this event's record text. */
export function chainHash(previous: string, record: string): string {
  // The one-shot hash: it runs once per event, and a Hash object's create, update and digest cost twice as much.
  return hash('sha256', `${previous}\n${record}`, 'hex');
}
