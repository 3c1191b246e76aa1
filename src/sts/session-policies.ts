import { AwsError } from '../errors/aws-error.js';
import type { OperationContext } from '../operation/context.js';
import { awsMessageFor, validatePolicy } from '../policy/index.js';

/** AWS's limit on an inline session policy, in characters (STS API reference, AssumeRole `Policy`). */
const MAX_INLINE_POLICY = 2048;
/** At most 10 managed session policies (STS API reference, AssumeRole `PolicyArns`). */
const MAX_POLICY_ARNS = 10;

/** The session policies of an AssumeRole or GetFederationToken request, as documents, with their packed size. */
export interface SessionPolicies {
  /** The documents, or undefined when the request passed none (the session is then not limited by them). */
  readonly documents: string[] | undefined;
  /** PackedPolicySize: the percentage of the packed limit the policies and tags use. */
  readonly packedPercent: number | undefined;
}

/**
 * Reads `Policy` and `PolicyArns`: validates the inline document (MalformedPolicyDocument with AWS's message) and
 * resolves each ARN to its default version (customer managed in any account of this iamd, or AWS managed).
 */
export async function sessionPoliciesOf(
  ctx: OperationContext,
  policy: string | undefined,
  policyArns: readonly { arn?: string | undefined }[] | undefined,
  tagCount: number,
): Promise<SessionPolicies> {
  const documents: string[] = [];
  if (policy !== undefined) {
    if (policy.length > MAX_INLINE_POLICY) {
      throw new AwsError(
        'PackedPolicyTooLarge',
        'Packed size of the session policy and tags exceeds the limit.',
      );
    }
    const faults = validatePolicy(policy, 'identity');
    if (faults.length > 0) throw new AwsError('MalformedPolicyDocument', awsMessageFor(faults[0]!));
    documents.push(policy);
  }
  if (policyArns !== undefined && policyArns.length > MAX_POLICY_ARNS) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to ${MAX_POLICY_ARNS}`,
    );
  }
  for (const { arn } of policyArns ?? []) {
    if (arn === undefined) continue;
    documents.push(await defaultDocument(ctx, arn));
  }
  const passed = policy !== undefined || (policyArns?.length ?? 0) > 0;
  if (!passed && tagCount === 0) return { documents: undefined, packedPercent: undefined };
  const packed = documents.reduce((n, d) => n + d.replace(/\s+/g, '').length, 0) + tagCount * 40;
  const percent = Math.max(1, Math.ceil((packed / MAX_INLINE_POLICY) * 100 * 0.35));
  if (percent > 100)
    throw new AwsError(
      'PackedPolicyTooLarge',
      'Packed size of the session policy and tags exceeds the limit.',
    );
  return { documents: passed ? documents : undefined, packedPercent: percent };
}

async function defaultDocument(ctx: OperationContext, arn: string): Promise<string> {
  const managed = ctx.managedPolicies.get(arn);
  if (managed !== undefined) {
    const version = managed.versions.find((v) => v.versionId === managed.defaultVersionId);
    if (version !== undefined) return version.document;
  }
  const row = await ctx.store.db
    .selectFrom('policies')
    .innerJoin('policy_versions', (j) =>
      j
        .onRef('policy_versions.policy_id', '=', 'policies.id')
        .onRef('policy_versions.version_id', '=', 'policies.default_version_id'),
    )
    .select('policy_versions.document')
    .where('policies.arn', '=', arn)
    .executeTakeFirst();
  if (row === undefined)
    throw new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
  return row.document;
}
