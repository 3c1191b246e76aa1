import type { OperationTable } from '../operation/context.js';
import type { IAMOperations } from '../protocol/models/iam-types.js';
import { ACCESS_OPERATIONS } from './access.js';
import { EXTRA_OPERATIONS } from './credentials-extra.js';
import { IDENTITY_OPERATIONS } from './identities.js';
import { MFA_OPERATIONS } from './mfa-devices/index.js';

/** Every IAM operation iamd implements, by name. */
export const IAM_OPERATIONS: OperationTable<IAMOperations> = {
  ...IDENTITY_OPERATIONS,
  ...ACCESS_OPERATIONS,
  ...EXTRA_OPERATIONS,
  ...MFA_OPERATIONS,
};
