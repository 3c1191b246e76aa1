import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { generateServiceLastAccessedDetails } from './generate-service-last-accessed-details.js';
import { getServiceLastAccessedDetailsWithEntities } from './get-service-last-accessed-details-with-entities.js';
import { getServiceLastAccessedDetails } from './get-service-last-accessed-details.js';

/** Service last accessed reports, derived from the audit trail (docs/audit-queries.md). */
export const SERVICE_LAST_ACCESSED_OPERATIONS: OperationTable<IAMOperations> = {
  GenerateServiceLastAccessedDetails: generateServiceLastAccessedDetails,
  GetServiceLastAccessedDetails: getServiceLastAccessedDetails,
  GetServiceLastAccessedDetailsWithEntities: getServiceLastAccessedDetailsWithEntities,
};
