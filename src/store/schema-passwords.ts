/**
 * The tables and columns of migration `0004-passwords`: password history (for the password policy's
 * PasswordReusePrevention), when each password was set (for MaxPasswordAge), the root user's console password,
 * and console sign-in sessions. The conventions of schema.ts hold: ISO 8601 text timestamps, integers for booleans.
 */

/** One password a user had, newest kept: only as many as the password policy's PasswordReusePrevention (≤ 24). */
export interface PasswordHistoryTable {
  account_id: string;
  user_id: string;
  /** An argon2id hash; never the password. */
  password_hash: string;
  /** When the password was set; the history is read newest first. */
  created_at: string;
}

/** A console session. The cookie holds a random id; only its SHA-256 is stored. */
export interface ConsoleSessionsTable {
  /** SHA-256 (hex) of the session id in the cookie. Primary key. */
  id_hash: string;
  account_id: string;
  /** `user` or `root`. */
  principal_kind: string;
  /** The IAM user's id; null for the root user. */
  user_id: string | null;
  /** `active`, or `password_change` while only a forced password change is allowed. */
  state: string;
  /** SHA-256 (hex) of the session's CSRF token. */
  csrf_hash: string;
  /** When the principal signed in with an MFA code; null when it signed in without one. */
  mfa_authenticated_at: string | null;
  created_at: string;
  last_seen_at: string;
}

/** The columns this migration adds to `accounts`. */
export interface AccountPasswordColumns {
  /** The root user's console password, as an argon2id hash; null when it has none. */
  root_password_hash: string | null;
  root_password_changed_at: string | null;
  /** When the root user last signed in with its password (the credential report's password_last_used). */
  root_password_last_used: string | null;
}

/** The column this migration adds to `login_profiles`. */
export interface LoginProfilePasswordColumns {
  /** When the current password was set (CreateLoginProfile, UpdateLoginProfile with a password, ChangePassword). */
  password_changed_at: string | null;
}

/** The tables the passwords migration adds to the `Database` interface. */
export interface PasswordTables {
  password_history: PasswordHistoryTable;
  console_sessions: ConsoleSessionsTable;
}
