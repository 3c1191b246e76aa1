/**
 * The tables of migration `0006-audit`: the audit trail. Every request iamd serves becomes one row of
 * `audit_events`, holding its CloudTrail record (see src/audit/record.ts) plus the columns LookupEvents filters on.
 * The conventions of schema.ts hold: ISO 8601 text timestamps (with milliseconds, so that they sort), JSON as text.
 */

/** One recorded request. */
export interface AuditEventsTable {
  /** The position in the hash chain: 1, 2, 3… with no gaps while the trail is untouched. Primary key. */
  seq: number;
  /** CloudTrail's eventID (a UUID). Unique. */
  event_id: string;
  /** CloudTrail's eventTime, ISO 8601 with milliseconds (`2026-11-27T21:00:00.123Z`). */
  event_time: string;
  /** recipientAccountId: the account the event belongs to. */
  account_id: string;
  /** eventSource: `iam.amazonaws.com`, `sts.amazonaws.com`, `signin.amazonaws.com`. */
  event_source: string;
  event_name: string;
  /** 1 for a read-only call, 0 otherwise. */
  read_only: number;
  /** LookupEvents' Username: the user name, role session name or `root`; null when unknown (failed auth). */
  username: string | null;
  access_key_id: string | null;
  /** The error code of a failed call; null on success. */
  error_code: string | null;
  /** The CloudTrail record as canonical JSON text: exactly the bytes that `hash` covers. */
  record: string;
  /** The previous event's `hash` (64 zero digits for the first event). */
  prev_hash: string;
  /** SHA-256, hex, of `prev_hash` and `record` (see src/audit for the exact construction). */
  hash: string;
}

/** The resources an event names (LookupEvents' ResourceType and ResourceName attributes). */
export interface AuditEventResourcesTable {
  seq: number;
  /** For example `AWS::IAM::User`. */
  resource_type: string;
  /** For example the user's name or the role's ARN, as CloudTrail reports it. */
  resource_name: string;
}

/** The head of the hash chain: one row (id 1), locked while an event is appended so that appends serialize. */
export interface AuditChainTable {
  id: number;
  /** The newest event's seq (0 when the trail is empty). */
  seq: number;
  /** The newest event's hash. */
  hash: string;
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
  audit_event_resources: AuditEventResourcesTable;
  audit_chain: AuditChainTable;
  audit_digests: AuditDigestsTable;
}
