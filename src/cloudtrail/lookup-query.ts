import { keyedEvents, type FoundEvent } from '../audit/keyed-events.js';
import type { Store } from '../store/store.js';
import type { LookupQuery } from './lookup-input.js';
import type { Cursor } from './next-token.js';

/**
 * One page of an account's events, newest first (event time, then seq), starting after `after`: at most `limit`
 * events plus one, so the caller knows whether there is a next page. Every lookup walks the keys of one value
 * (src/audit/keyed-events.ts): the attribute's, or without one the account's own. A page reads a bounded stretch of
 * the trail, however long the trail is (docs/audit-queries.md).
 */
export function eventPage(
  store: Store,
  accountId: string,
  query: LookupQuery,
  after: Cursor | undefined,
  limit: number,
): Promise<FoundEvent[]> {
  const bounds = { start: query.start, end: query.end, after };
  const attribute = query.attribute ?? { key: 'Account', value: accountId };
  return keyedEvents(store.db, accountId, attribute.key, attribute.value, bounds, limit);
}
