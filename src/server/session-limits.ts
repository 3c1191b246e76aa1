import { AwsError } from '../errors/aws-error.js';
import type { Caller } from '../operation/context.js';
import type { Service } from './error-response.js';

const INVALID_TOKEN = 'The security token included in the request is invalid.';

/**
 * What temporary credentials from GetSessionToken and GetFederationToken may call (IAM User Guide, "Compare AWS
 * STS credentials"): GetSessionToken's reach IAM only with MFA, and of STS only AssumeRole and GetCallerIdentity;
 * GetFederationToken's reach no IAM operation, and of STS only GetCallerIdentity. IAM refuses such a token as it
 * refuses any token it does not accept, with InvalidClientTokenId.
 */
export function checkSessionLimits(caller: Caller, service: Service, operation: string): void {
  if (caller.expiresAt === undefined) return;
  const fromSessionToken = caller.kind === 'user' || caller.kind === 'root';
  const fromFederation = caller.kind === 'federatedUser';
  if (!fromSessionToken && !fromFederation) return;
  if (service === 'iam') {
    const mfa = caller.context?.['aws:MultiFactorAuthPresent'] === 'true';
    if (fromFederation || !mfa) throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
    return;
  }
  const allowed = fromFederation
    ? operation === 'GetCallerIdentity'
    : operation === 'GetCallerIdentity' || operation === 'AssumeRole';
  if (!allowed) throw new AwsError('AccessDenied', `Cannot call ${operation} with session credentials`);
}
