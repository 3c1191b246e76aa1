import { AwsError } from '../errors/aws-error.js';
import type { Decision, PolicyType } from '../policy/index.js';

const POLICY_PHRASE: Record<PolicyType, string> = {
  scp: 'service control policy',
  rcp: 'resource control policy',
  resource: 'resource-based policy',
  identity: 'identity-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
};

/** The kind of caller as AWS names it at the start of an AccessDenied message. */
export type CallerNoun = 'User' | 'Root' | 'AssumedRole' | 'FederatedUser';

/**
 * AWS's AccessDenied message for a denial, e.g. "User: arn:aws:iam::123456789012:user/bob is not authorized to
 * perform: iam:CreateUser on resource: arn:aws:iam::123456789012:user/alice because no identity-based policy allows
 * the iam:CreateUser action" (IAM User Guide, "Troubleshooting access denied error messages").
 */
export function accessDenied(
  callerArn: string,
  action: string,
  resource: string,
  decision: Decision,
): AwsError {
  const head = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`;
  const type = decision.blockedBy ?? 'identity';
  const reason =
    decision.decision === 'explicitDeny'
      ? ` with an explicit deny in a${type === 'identity' ? 'n' : ''} ${POLICY_PHRASE[type]}`
      : ` because no ${POLICY_PHRASE[type]} allows the ${action} action`;
  return new AwsError('AccessDenied', head + reason);
}
