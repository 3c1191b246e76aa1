import { checkName, checkPath, type MemberConstraints } from '../../common/member-constraints.js';

/** Managed and inline policy names are 1–128 characters. */
export const POLICY_NAME_MAX = 128;
/** A managed policy document may hold 6,144 characters, white space not counted ("IAM and AWS STS quotas"). */
export const MANAGED_POLICY_QUOTA = 6144;
/** A managed policy keeps at most five versions. */
export const MAX_POLICY_VERSIONS = 5;

/** Checks the members CreatePolicy shares with the policy grammar's neighbours. */
export function checkPolicyMembers(input: {
  PolicyName: string;
  Path?: string | undefined;
  Description?: string | undefined;
  PolicyDocument: string;
}): MemberConstraints {
  const constraints = checkName('policyName', input.PolicyName, POLICY_NAME_MAX);
  checkPath(constraints, input.Path);
  constraints.length('description', input.Description, 0, 1000);
  return constraints.length('policyDocument', input.PolicyDocument, 1, 131072);
}
