import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { simulateCustomPolicy } from './simulate-custom-policy.js';
import { simulatePrincipalPolicy } from './simulate-principal-policy.js';

/** The policy simulator operations. */
export const SIMULATE_OPERATIONS: OperationTable<IAMOperations> = {
  SimulateCustomPolicy: simulateCustomPolicy,
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
};
