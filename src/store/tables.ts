import type { Database } from './schema.js';

// Typed as a record over every table so that adding a table to the schema without listing it here fails to compile:
// `reset()` must empty every table.
const EVERY_TABLE: Record<keyof Database, true> = {
  accounts: true,
  users: true,
  groups: true,
  group_members: true,
  roles: true,
  policies: true,
  policy_versions: true,
  attachments: true,
  inline_policies: true,
  access_keys: true,
  sessions: true,
  login_profiles: true,
  instance_profiles: true,
  instance_profile_roles: true,
  tags: true,
  oidc_providers: true,
  saml_providers: true,
  server_certificates: true,
  signing_certificates: true,
  ssh_public_keys: true,
  audit_events: true,
  audit_event_keys: true,
  audit_chain: true,
  audit_digests: true,
  service_last_accessed_jobs: true,
  mfa_devices: true,
  password_history: true,
  console_sessions: true,
  credential_reports: true,
};

/** Every table of the schema. The schema has no foreign keys, so any order empties them. */
export const TABLES = Object.keys(EVERY_TABLE) as readonly (keyof Database)[];
