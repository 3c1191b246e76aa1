import { AwsError } from '../../errors/aws-error.js';
import { isTrustPolicyAction } from '../../policy/resource-policy-required.js';
import { checkPolicyDocument, checkPolicySize } from '../common/policy-document.js';

// A trust policy may name only the AssumeRole family and the session actions (IAM User Guide, "Role trust
// policies"); AWS rejects anything else, wildcards included, with "AssumeRole policy may only specify STS
// AssumeRole actions.".

/** The default quota on a role trust policy's size ("IAM and AWS STS quotas": role trust policy length). */
export const TRUST_POLICY_QUOTA = 2048;

/**
 * Validates a role trust policy (CreateRole, UpdateAssumeRolePolicy): the grammar of a trust policy, STS
 * actions only, and the size quota. Throws AWS's MalformedPolicyDocument or LimitExceeded.
 */
export function checkTrustPolicy(document: string): void {
  // A Resource is the one trust-policy fault AWS names precisely (recorded: "Has prohibited field
  // Resource"); the engine reports it as a grammar fault, whose AWS message is the generic one.
  if (statementsOf(document).some((s) => s.Resource !== undefined || s.NotResource !== undefined)) {
    throw new AwsError('MalformedPolicyDocument', 'Has prohibited field Resource');
  }
  checkPolicyDocument(document, { kind: 'trust' });
  for (const statement of statementsOf(document)) {
    const listed = statement.Action ?? statement.NotAction;
    const actions = Array.isArray(listed) ? listed : [listed];
    if (actions.some((a) => typeof a !== 'string' || !isTrustPolicyAction(a))) {
      throw new AwsError(
        'MalformedPolicyDocument',
        'AssumeRole policy may only specify STS AssumeRole actions.',
      );
    }
  }
  checkPolicySize(
    document,
    TRUST_POLICY_QUOTA,
    `Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_QUOTA}`,
  );
}

/** The statement objects of a document, or none when it is not JSON with statements. */
function statementsOf(document: string): Record<string, unknown>[] {
  let raw: unknown;
  try {
    raw = JSON.parse(document);
  } catch {
    return [];
  }
  const statement = (raw as { Statement?: unknown } | null)?.Statement;
  const list: unknown[] = Array.isArray(statement) ? statement : [statement];
  return list.filter(
    (s): s is Record<string, unknown> => typeof s === 'object' && s !== null && !Array.isArray(s),
  );
}
