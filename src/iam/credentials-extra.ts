import type { OperationTable } from '../operation/context.js';
import type { IAMOperations } from '../protocol/models/iam-types.js';
import { CONTEXT_KEY_OPERATIONS } from './context-keys/index.js';
import { CREDENTIAL_REPORT_OPERATIONS } from './credential-report/index.js';
import { OIDC_PROVIDER_OPERATIONS } from './oidc-providers/index.js';
import { SAML_PROVIDER_OPERATIONS } from './saml-providers/index.js';
import { SERVER_CERTIFICATE_OPERATIONS } from './server-certificates/index.js';
import { SIGNING_CERTIFICATE_OPERATIONS } from './signing-certificates/index.js';
import { SSH_PUBLIC_KEY_OPERATIONS } from './ssh-public-keys/index.js';

/**
 * The remaining IAM operation families: OIDC and SAML identity providers, server and signing certificates, SSH
 * public keys, the context keys of policies, and the credential report.
 */
export const EXTRA_OPERATIONS: OperationTable<IAMOperations> = {
  ...OIDC_PROVIDER_OPERATIONS,
  ...SAML_PROVIDER_OPERATIONS,
  ...SERVER_CERTIFICATE_OPERATIONS,
  ...SIGNING_CERTIFICATE_OPERATIONS,
  ...SSH_PUBLIC_KEY_OPERATIONS,
  ...CONTEXT_KEY_OPERATIONS,
  ...CREDENTIAL_REPORT_OPERATIONS,
};
