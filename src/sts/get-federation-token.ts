import { AwsError } from '../errors/aws-error.js';
import type { GetFederationTokenInput, GetFederationTokenOutput } from '../protocol/models/sts-types.js';
import type { StsContext } from './context.js';
import { issueCredentials, type SessionPrincipal } from './session.js';
import { sessionPoliciesOf } from './session-policies.js';

const DEFAULT_DURATION = 43_200;
const ROOT_MAX_DURATION = 3600;

/**
 * GetFederationToken: temporary credentials for a federated user, whose permissions are the intersection of the
 * calling IAM user's policies and the session policies passed here (none passed: no permissions).
 */
export async function getFederationToken(
  ctx: StsContext,
  input: GetFederationTokenInput,
): Promise<GetFederationTokenOutput> {
  const caller = ctx.caller;
  if ((caller.kind !== 'user' && caller.kind !== 'root') || caller.expiresAt !== undefined) {
    throw new AwsError('AccessDenied', 'Cannot call GetFederationToken with session credentials');
  }
  const federatedArn = `arn:${ctx.partition}:sts::${ctx.accountId}:federated-user/${input.Name}`;
  await ctx.authorize('sts:GetFederationToken', federatedArn);
  const tags = input.Tags ?? [];
  if (tags.length > 0) await ctx.authorize('sts:TagSession', federatedArn);
  const duration = Math.min(
    input.DurationSeconds ?? DEFAULT_DURATION,
    caller.kind === 'root' ? ROOT_MAX_DURATION : Infinity,
  );
  const policies = await sessionPoliciesOf(ctx, input.Policy, input.PolicyArns, tags.length);
  const principal: SessionPrincipal = {
    kind: 'federatedUser',
    name: input.Name,
    parentUserId: caller.policyHolder?.id,
    parentArn: caller.arn,
  };
  const credentials = await ctx.store.transaction((tx) =>
    issueCredentials(ctx, tx, principal, duration, policies.documents ?? []),
  );
  return {
    Credentials: credentials,
    FederatedUser: { FederatedUserId: `${ctx.accountId}:${input.Name}`, Arn: federatedArn },
    ...(policies.packedPercent !== undefined ? { PackedPolicySize: policies.packedPercent } : {}),
  };
}
