/**
 * The tables of migrations `0006-audit` and `0008-audit-keys`: the audit trail. Every request iamd serves becomes one
 * row of `audit_events`, holding its CloudTrail record (see src/audit/record.ts); `audit_event_keys` says, per batch
 * of appended events, which LookupEvents attribute values occur where. The conventions of schema.ts hold: ISO 8601
 * text timestamps (with milliseconds, so that they sort), JSON as text.
 */

/** One recorded request. */
export interface AuditEventsTable {
  /** The position in the hash chain: 1, 2, 3… with no gaps while the trail is untouched. Primary key. */
  seq: number;
  /** The event's time, ISO 8601 with milliseconds (`2026-11-27T21:00:00.123Z`); eventTime is its second. */
  event_time: string;
  /** recipientAccountId: the account the event belongs to. */
  account_id: string;
  /** The CloudTrail record as canonical JSON text: exactly the bytes that `hash` covers. */
  record: string;
  /** The previous event's `hash` (64 zero digits for the first event). */
  prev_hash: string;
  /** SHA-256, hex, of `prev_hash` and `record` (see src/audit for the exact construction). */
  hash: string;
}

/**
 * Where an attribute value occurs in one appended batch (src/audit/lookup-keys.ts): the first and last seq, and the
 * earliest and latest time, of the batch's events of the account with that value.
 */
export interface AuditEventKeysTable {
  account_id: string;
  /** A LookupEvents AttributeKey (`EventName`, `Username`, …), `Account` or `SessionIssuer` (lookup-values.ts). */
  attribute: string;
  value: string;
  first_seq: number;
  last_seq: number;
  min_time: string;
  max_time: string;
}

/** The head of the hash chain: one row (id 1), locked while an event is appended so that appends serialize. */
export interface AuditChainTable {
  id: number;
  /** The newest event's seq (0 when the trail is empty). */
  seq: number;
  /** The newest event's hash. */
  hash: string;
  /**
   * Events up to this seq have their lookup keys. A change's event is appended in its own transaction without them
   * (six to ten key rows and their index pages would cost more than the event); the next batch append keys it, and
   * lookups read the events past this seq directly (src/audit/keyed-events.ts).
   */
  keyed_seq: number;
  /** The newest signed digest's seq (0 when none is signed yet): read here so appends need no second query. */
  digest_seq: number;
  /** The newest digest's signature (empty when none), which the next digest chains to. */
  digest_signature: string;
  /** When the newest digest was signed (ISO 8601), for digests every T minutes. */
  digest_at: string;
}

/** A signed digest: a statement, signed with the server's key, that the chain up to `seq` ended in `hash`. */
export interface AuditDigestsTable {
  seq: number;
  hash: string;
  created_at: string;
  /** The previous digest's signature (empty for the first), so that digests chain too. */
  previous_signature: string;
  /** Base64 signature over the digest's canonical text. */
  signature: string;
}

/** The tables the audit migration adds to the `Database` interface. */
export interface AuditTables {
  audit_events: AuditEventsTable;
  audit_event_keys: AuditEventKeysTable;
  audit_chain: AuditChainTable;
  audit_digests: AuditDigestsTable;
}
