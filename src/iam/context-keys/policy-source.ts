import { AwsError } from '../../errors/aws-error.js';
import { parseArn } from '../../policy/index.js';
import type { PrincipalType } from '../../store/schema.js';

const KINDS: Readonly<Record<string, PrincipalType>> = { user: 'user', group: 'group', role: 'role' };

/**
 * The kind and name of the identity a `PolicySourceArn` names (`arn:…:iam::ACCOUNT:user/path/name`), for the
 * operations that work on a principal's policies. The same rules as SimulatePrincipalPolicy's.
 */
export function policySource(arn: string, accountId: string): { kind: PrincipalType; name: string } {
  const parsed = parseArn(arn);
  const slash = parsed?.resource.indexOf('/') ?? -1;
  const kind = parsed && slash > 0 ? KINDS[parsed.resource.slice(0, slash)] : undefined;
  if (parsed === undefined || parsed.service !== 'iam' || kind === undefined) {
    throw new AwsError('InvalidInput', `Invalid ARN: ${arn} is not a user, group or role.`);
  }
  if (parsed.account !== accountId) {
    throw new AwsError('InvalidInput', `Invalid ARN: ${arn} is not in this account.`);
  }
  return { kind, name: parsed.resource.slice(parsed.resource.lastIndexOf('/') + 1) };
}
