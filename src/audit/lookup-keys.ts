import { hash } from 'node:crypto';
import type { AuditEventKeysTable } from '../store/schema-audit.js';
import type { LookupValue } from './lookup-values.js';

/** An appended event as its lookup keys see it. */
export interface KeyedEvent {
  readonly seq: number;
  /** `event_time`: ISO 8601 with milliseconds. */
  readonly time: string;
  readonly accountId: string;
  readonly values: readonly LookupValue[];
}

/**
 * The lookup keys of a batch of events: one row per account, attribute and value that occur in the batch, with the
 * seqs and times of the first and last event holding it. A lookup walks the keys of its value newest first and reads
 * only the events inside their ranges (keyed-events.ts). Batches are appended whole, so the ranges of
 * one value in different batches never overlap. A batch of reads from one caller has six or seven keys, where an
 * index entry per event and attribute cost more than the event's row itself (docs/audit.md).
 */
export function lookupKeysOf(events: readonly KeyedEvent[]): AuditEventKeysTable[] {
  // Nested maps keyed by the strings themselves: a batch's events share their account, name and caller strings, whose
  // hashes V8 keeps, where a joined key would be a new string to hash for every value of every event.
  const byAccount = new Map<string, Map<string, Map<string, AuditEventKeysTable>>>();
  const keys: AuditEventKeysTable[] = [];
  for (const event of events) {
    let byAttribute = byAccount.get(event.accountId);
    if (byAttribute === undefined) byAccount.set(event.accountId, (byAttribute = new Map()));
    for (const [attribute, value] of event.values) {
      let byValue = byAttribute.get(attribute);
      if (byValue === undefined) byAttribute.set(attribute, (byValue = new Map()));
      const key = byValue.get(value);
      if (key === undefined) {
        const fresh = {
          account_id: event.accountId,
          attribute,
          value: storedKeyValue(value),
          first_seq: event.seq,
          last_seq: event.seq,
          min_time: event.time,
          max_time: event.time,
        };
        byValue.set(value, fresh);
        keys.push(fresh);
        continue;
      }
      key.last_seq = event.seq;
      if (event.time < key.min_time) key.min_time = event.time;
      if (event.time > key.max_time) key.max_time = event.time;
    }
  }
  return keys;
}

/** Values longer than this (in UTF-16 units) are stored as their digest. */
export const LONGEST_STORED = 256;

/**
 * A value as the keys store it: itself, or for a long one (an unknown Action is recorded as sent, a resource name may
 * be a long ARN) `sha256:` and its hex digest. PostgreSQL's B-tree entries are limited to about 2.7 KB, and a batch
 * whose key did not fit would fail whole. Writers, lookups and verify all store and look up through this.
 */
export function storedKeyValue(value: string): string {
  return value.length <= LONGEST_STORED ? value : `sha256:${hash('sha256', value, 'hex')}`;
}
