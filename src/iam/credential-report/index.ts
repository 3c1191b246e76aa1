import type { OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import { generateCredentialReport } from './generate-credential-report.js';
import { getCredentialReport } from './get-credential-report.js';

/** The credential report operations. */
export const CREDENTIAL_REPORT_OPERATIONS: OperationTable<IAMOperations> = {
  GenerateCredentialReport: generateCredentialReport,
  GetCredentialReport: getCredentialReport,
};
