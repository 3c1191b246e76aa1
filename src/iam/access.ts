import type { OperationTable } from '../operation/context.js';
import type { IAMOperations } from '../protocol/models/iam-types.js';
import { getAccountAuthorizationDetails } from './authorization-details/get-account-authorization-details.js';
import { INSTANCE_PROFILE_OPERATIONS } from './instance-profiles/index.js';
import { POLICY_OPERATIONS } from './policies/index.js';
import { ROLE_OPERATIONS } from './roles/index.js';
import { SERVICE_LAST_ACCESSED_OPERATIONS } from './service-last-accessed/index.js';
import { SIMULATE_OPERATIONS } from './simulate/index.js';

/**
 * The IAM operations on access: roles, instance profiles, managed and inline policies, attachments, the
 * account authorization details and the policy simulator.
 */
export const ACCESS_OPERATIONS: OperationTable<IAMOperations> = {
  ...ROLE_OPERATIONS,
  ...INSTANCE_PROFILE_OPERATIONS,
  ...POLICY_OPERATIONS,
  ...SIMULATE_OPERATIONS,
  ...SERVICE_LAST_ACCESSED_OPERATIONS,
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
};
