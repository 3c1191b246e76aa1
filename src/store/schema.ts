/**
 * The database schema, as Kysely types. One schema serves SQLite and PostgreSQL: timestamps are ISO 8601 text,
 * booleans are integers (0/1), and JSON is text. Every IAM entity carries its account, so one database can hold
 * several accounts. `name_key` columns hold the lower-cased name: IAM names are unique without regard to case.
 */

import type { ProvidersCertificatesTables } from './schema-0002.js';
import type { AuditTables } from './schema-audit.js';
import type {
  AccountPasswordColumns,
  LoginProfilePasswordColumns,
  PasswordTables,
} from './schema-passwords.js';
import type { LastAccessedTables } from './schema-last-accessed.js';
import type { MfaTables } from './schema-mfa.js';
import type { ReportTables } from './schema-reports.js';

export interface AccountsTable extends AccountPasswordColumns {
  id: string;
  alias: string | null;
  /** The account password policy, as JSON, or null when the account has none. */
  password_policy: string | null;
  created_at: string;
}

/** Columns that every named, pathed IAM entity has. */
interface EntityColumns {
  account_id: string;
  /** The unique id with AWS's prefix: AIDA (user), AGPA (group), AROA (role), ANPA (policy), AIPA (instance profile). */
  id: string;
  name: string;
  name_key: string;
  path: string;
  arn: string;
  created_at: string;
}

export interface UsersTable extends EntityColumns {
  permissions_boundary: string | null;
  password_last_used: string | null;
}

export type GroupsTable = EntityColumns;

export interface GroupMembersTable {
  account_id: string;
  group_id: string;
  user_id: string;
}

export interface RolesTable extends EntityColumns {
  assume_role_policy: string;
  description: string | null;
  max_session_duration: number;
  permissions_boundary: string | null;
  last_used_at: string | null;
  last_used_region: string | null;
}

export interface PoliciesTable extends EntityColumns {
  description: string | null;
  updated_at: string;
  default_version_id: string;
  /** The number the next version gets: AWS never reuses a deleted version's number. */
  next_version: number;
}

export interface PolicyVersionsTable {
  policy_id: string;
  version_id: string;
  document: string;
  created_at: string;
}

/** The kinds of identity that policies attach to. */
export type PrincipalType = 'user' | 'group' | 'role';

export interface AttachmentsTable {
  account_id: string;
  principal_type: PrincipalType;
  principal_id: string;
  policy_arn: string;
}

export interface InlinePoliciesTable {
  account_id: string;
  principal_type: PrincipalType;
  principal_id: string;
  name: string;
  name_key: string;
  document: string;
}

export interface AccessKeysTable {
  /** AKIA… for long-term keys. */
  id: string;
  account_id: string;
  /** The owning user, or null for the account's root user. */
  user_id: string | null;
  /** The secret access key, encrypted under the master key (never stored in clear). */
  secret_ciphertext: string;
  status: 'Active' | 'Inactive';
  created_at: string;
  last_used_at: string | null;
  last_used_service: string | null;
  last_used_region: string | null;
}

/** Temporary credentials issued by STS. */
export interface SessionsTable {
  /** ASIA… */
  access_key_id: string;
  account_id: string;
  secret_ciphertext: string;
  /** SHA-256 of the session token, hex: the token itself is never stored. */
  token_hash: string;
  expires_at: string;
  created_at: string;
  /** JSON: who the session acts as, its tags, source identity, MFA state and the like. */
  principal: string;
  /** JSON: the session policies (documents and ARNs), or null. */
  policies: string | null;
}

export interface LoginProfilesTable extends LoginProfilePasswordColumns {
  user_id: string;
  account_id: string;
  /** An argon2id hash; never the password. */
  password_hash: string;
  password_reset_required: number;
  created_at: string;
}

export type InstanceProfilesTable = EntityColumns;

export interface InstanceProfileRolesTable {
  account_id: string;
  instance_profile_id: string;
  role_id: string;
}

/** What a tag is attached to. */
export type TaggedType =
  | 'user'
  | 'role'
  | 'policy'
  | 'instance-profile'
  | 'mfa'
  | 'oidc-provider'
  | 'saml-provider'
  | 'server-certificate';

export interface TagsTable {
  account_id: string;
  resource_type: TaggedType;
  resource_id: string;
  key: string;
  key_key: string;
  value: string;
}

/** The whole database. */
export interface Database
  extends
    ProvidersCertificatesTables,
    AuditTables,
    MfaTables,
    PasswordTables,
    ReportTables,
    LastAccessedTables {
  accounts: AccountsTable;
  users: UsersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  roles: RolesTable;
  policies: PoliciesTable;
  policy_versions: PolicyVersionsTable;
  attachments: AttachmentsTable;
  inline_policies: InlinePoliciesTable;
  access_keys: AccessKeysTable;
  sessions: SessionsTable;
  login_profiles: LoginProfilesTable;
  instance_profiles: InstanceProfilesTable;
  instance_profile_roles: InstanceProfileRolesTable;
  tags: TagsTable;
}
