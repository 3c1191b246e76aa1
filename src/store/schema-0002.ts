/**
 * The tables of migration `0002-providers-certificates`: identity providers (OIDC, SAML), server certificates,
 * and the per-user signing certificates and SSH public keys. The conventions of schema.ts hold: ISO 8601 text
 * timestamps, JSON as text, every row carries its account.
 */

/** An OpenID Connect identity provider. Its ARN is derived from its URL, so the ARN is its identity. */
export interface OidcProvidersTable {
  /** `arn:…:oidc-provider/HOST/PATH`: the URL without `https://`. Primary key. */
  arn: string;
  account_id: string;
  /** The URL as it was created, with its scheme (AWS quotes it so in "Provider with url … already exists."). */
  url: string;
  /** JSON array of the client ids (audiences), in the order they were added. */
  client_ids: string;
  /** JSON array of the server certificate thumbprints (40 hex digits each). */
  thumbprints: string;
  created_at: string;
}

/** A SAML 2.0 identity provider. */
export interface SamlProvidersTable {
  /** `arn:…:saml-provider/NAME`. Primary key. */
  arn: string;
  account_id: string;
  name: string;
  /** The SAML metadata document, as uploaded. */
  metadata: string;
  /** When the provider stops being trusted: the metadata's `validUntil`, or AWS's default. */
  valid_until: string;
  created_at: string;
}

/** A server certificate for HTTPS listeners (UploadServerCertificate). */
export interface ServerCertificatesTable {
  account_id: string;
  /** ASCA… */
  id: string;
  name: string;
  /** The lower-cased name: server certificate names are unique in the account without regard to case. */
  name_key: string;
  path: string;
  arn: string;
  /** The upload date. */
  created_at: string;
  /** The certificate's `notAfter`. */
  expires_at: string;
  /** PEM, as uploaded. */
  body: string;
  chain: string | null;
  /** The private key, sealed under the master key. AWS never returns it; it is never stored in clear. */
  private_key_ciphertext: string;
}

/** An X.509 signing certificate of an IAM user (or of the account's root user). */
export interface SigningCertificatesTable {
  account_id: string;
  /** Derived from the certificate itself, so that the same certificate cannot be uploaded twice in an account. */
  id: string;
  /** The owning user, or null for the account's root user. */
  user_id: string | null;
  /** PEM, as uploaded. */
  body: string;
  status: 'Active' | 'Inactive';
  created_at: string;
}

/** An SSH public key of an IAM user (for CodeCommit and the like). */
export interface SshPublicKeysTable {
  account_id: string;
  /** APKA… */
  id: string;
  user_id: string;
  /** The key as uploaded. */
  body: string;
  /** How the body is encoded: an OpenSSH `ssh-rsa …` line or a PEM public key. */
  encoding: 'SSH' | 'PEM';
  /** The MD5 fingerprint of the key in SSH wire format, as colon-separated hex. */
  fingerprint: string;
  status: 'Active' | 'Inactive';
  created_at: string;
}

/** The tables migration 0002 adds to the `Database` interface. */
export interface ProvidersCertificatesTables {
  oidc_providers: OidcProvidersTable;
  saml_providers: SamlProvidersTable;
  server_certificates: ServerCertificatesTable;
  signing_certificates: SigningCertificatesTable;
  ssh_public_keys: SshPublicKeysTable;
}
