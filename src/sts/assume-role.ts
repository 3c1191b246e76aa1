import { AwsError } from '../errors/aws-error.js';
import type { AssumeRoleInput, AssumeRoleOutput } from '../protocol/models/sts-types.js';
import { parseArn, type ContextInput } from '../policy/index.js';
import type { StsContext } from './context.js';
import { checkMfaCode, mfaRequestContext, spendMfaCode } from './mfa-code.js';
import { issueCredentials, type SessionPrincipal } from './session.js';
import { sessionPoliciesOf } from './session-policies.js';

const MIN_DURATION = 900;
const DEFAULT_DURATION = 3600;
/** Role chaining caps a session at one hour (IAM User Guide, "Role chaining"). */
const CHAINED_MAX_DURATION = 3600;

/** Validates the RoleArn parameter as AWS does: an ARN naming an IAM role. */
function roleArnParts(roleArn: string): { account: string; name: string } {
  const arn = parseArn(roleArn);
  const resource = arn?.resource ?? '';
  if (
    arn === undefined ||
    arn.service !== 'iam' ||
    !/^\d{12}$/.test(arn.account) ||
    !resource.startsWith('role/')
  ) {
    throw new AwsError('ValidationError', `${roleArn} is invalid`);
  }
  return { account: arn.account, name: resource.slice(resource.lastIndexOf('/') + 1) };
}

/**
 * AssumeRole: the trust policy must allow the caller (and, where it names only the account, the caller's
 * identity policies too); the session lasts DurationSeconds within the role's MaxSessionDuration, at most one
 * hour when a role session assumes a role; session policies and tags limit and describe it.
 */
export async function assumeRole(ctx: StsContext, input: AssumeRoleInput): Promise<AssumeRoleOutput> {
  // The root user cannot assume roles (STS API reference, AssumeRole: "You cannot use AWS account root user
  // credentials to call AssumeRole").
  if (ctx.caller.kind === 'root')
    throw new AwsError('AccessDenied', 'Roles may not be assumed by root accounts.');
  const target = roleArnParts(input.RoleArn);
  // A SerialNumber and TokenCode are checked against the caller's own device. The trust policy is evaluated with
  // the request context, in which a valid code makes aws:MultiFactorAuthPresent true (IAM User Guide,
  // "Configuring MFA-protected API access"); the code is spent only once the request is authorized.
  const checked = await checkMfaCode(ctx, input.SerialNumber, input.TokenCode);
  const role = await ctx.store.db
    .selectFrom('roles')
    .selectAll()
    .where('account_id', '=', target.account)
    .where('name_key', '=', target.name.toLowerCase())
    .executeTakeFirst();

  const tags = input.Tags ?? [];
  const requestTags: Record<string, ContextInput> = {};
  for (const tag of tags) requestTags[`aws:RequestTag/${tag.Key}`] = tag.Value;
  const keys: Record<string, ContextInput> = {
    'sts:RoleSessionName': input.RoleSessionName,
    ...(input.ExternalId !== undefined ? { 'sts:ExternalId': input.ExternalId } : {}),
    ...(input.SourceIdentity !== undefined ? { 'sts:SourceIdentity': input.SourceIdentity } : {}),
    ...(tags.length > 0 ? { 'aws:TagKeys': tags.map((t) => t.Key), ...requestTags } : {}),
    ...(input.TransitiveTagKeys !== undefined ? { 'sts:TransitiveTagKeys': input.TransitiveTagKeys } : {}),
    ...mfaRequestContext(checked),
  };
  const trust = {
    resourcePolicy: role?.assume_role_policy ?? '{"Version":"2012-10-17","Statement":[]}',
    resourceAccount: target.account,
  };
  // A role that does not exist is reported as an AccessDenied on it, as AWS does: its trust policy allows no one.
  await ctx.authorize('sts:AssumeRole', input.RoleArn, keys, trust);
  if (role === undefined)
    throw new AwsError(
      'AccessDenied',
      `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`,
    );
  if (tags.length > 0) await ctx.authorize('sts:TagSession', input.RoleArn, keys, trust);
  if (input.SourceIdentity !== undefined)
    await ctx.authorize('sts:SetSourceIdentity', input.RoleArn, keys, trust);

  const duration = input.DurationSeconds ?? DEFAULT_DURATION;
  const chained = ctx.caller.kind === 'assumedRole';
  if (chained && duration > CHAINED_MAX_DURATION) {
    throw new AwsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (duration > role.max_session_duration) {
    throw new AwsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  if (duration < MIN_DURATION) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${MIN_DURATION}`,
    );
  }

  const sessionTags = sessionTagsOf(ctx, tags, input.TransitiveTagKeys ?? []);
  if (checked !== undefined) await spendMfaCode(ctx, checked);
  // Without a code, the new session keeps the caller's MFA state and time (role chaining, sessions from
  // GetSessionToken with MFA).
  const mfaAt = checked !== undefined ? ctx.now.toISOString() : ctx.caller.mfaAuthenticatedAt?.toISOString();
  const policies = await sessionPoliciesOf(ctx, input.Policy, input.PolicyArns, tags.length);
  const principal: SessionPrincipal = {
    kind: 'assumedRole',
    roleId: role.id,
    roleArn: role.arn,
    roleName: role.name,
    sessionName: input.RoleSessionName,
    sourceIdentity:
      input.SourceIdentity ?? (ctx.caller.context?.['aws:SourceIdentity'] as string | undefined),
    tags: sessionTags.tags,
    transitiveTagKeys: sessionTags.transitive,
    mfa: checked !== undefined || ctx.caller.context?.['aws:MultiFactorAuthPresent'] === 'true',
    ...(mfaAt !== undefined ? { mfaAuthenticatedAt: mfaAt } : {}),
  };
  const credentials = await ctx.store.transaction(async (tx) => {
    const issued = await issueCredentials(ctx, tx, principal, duration, policies.documents, role.account_id);
    await tx
      .updateTable('roles')
      .set({ last_used_at: ctx.now.toISOString(), last_used_region: ctx.region })
      .where('id', '=', role.id)
      .execute();
    return issued;
  });
  return {
    Credentials: credentials,
    AssumedRoleUser: {
      AssumedRoleId: `${role.id}:${input.RoleSessionName}`,
      Arn: `arn:${ctx.partition}:sts::${role.account_id}:assumed-role/${role.name}/${input.RoleSessionName}`,
    },
    ...(policies.packedPercent !== undefined ? { PackedPolicySize: policies.packedPercent } : {}),
    ...(principal.sourceIdentity !== undefined ? { SourceIdentity: principal.sourceIdentity } : {}),
  };
}

/**
 * The new session's tags: the caller's transitive session tags, then the requested ones. A requested tag may not
 * override a transitive one, and every transitive key must be one of the requested tags (AWS's messages).
 */
function sessionTagsOf(
  ctx: StsContext,
  tags: readonly { Key: string; Value: string }[],
  transitiveKeys: readonly string[],
): { tags: Record<string, string>; transitive: string[] } {
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = tag.Key.toLowerCase();
    if (seen.has(key))
      throw new AwsError(
        'InvalidParameterValue',
        'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      );
    seen.add(key);
  }
  for (const key of transitiveKeys) {
    if (!seen.has(key.toLowerCase())) {
      throw new AwsError(
        'InvalidParameterValue',
        'The specified transitive tag key must be included in the requested tags.',
      );
    }
  }
  const inherited = ctx.caller.transitiveTagKeys ?? [];
  const result: Record<string, string> = {};
  const transitive = new Set<string>();
  for (const key of inherited) {
    const value = ctx.caller.sessionTags?.[key];
    if (value === undefined) continue;
    if (seen.has(key.toLowerCase())) {
      throw new AwsError(
        'InvalidParameterValue',
        "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
      );
    }
    result[key] = value;
    transitive.add(key);
  }
  for (const tag of tags) result[tag.Key] = tag.Value;
  for (const key of transitiveKeys) transitive.add(key);
  return { tags: result, transitive: [...transitive] };
}
