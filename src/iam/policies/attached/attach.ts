import { AwsError } from '../../../errors/aws-error.js';
import type { OperationContext } from '../../../operation/context.js';
import type { PrincipalType } from '../../../store/schema.js';
import { assertModifiable, authorizedIdentity, checkIdentityName, IDENTITY_KINDS } from '../identity.js';
import { isArn, resolvePolicy } from '../resolve.js';

/** An identity may have at most ten managed policies attached ("IAM and AWS STS quotas"). */
export const MAX_ATTACHED_POLICIES = 10;

/** AWS's first check on a PolicyArn: it must be shaped as an ARN (recorded: "ARN x is not valid."). */
function checkAttachArn(arn: string, kind: PrincipalType, name: string): void {
  const constraints = checkIdentityName(kind, name).length('policyArn', arn, 20, 2048);
  if (!isArn(arn)) throw new AwsError('ValidationError', `ARN ${arn} is not valid.`);
  constraints.throwIfAny();
}

/**
 * AttachUserPolicy, AttachGroupPolicy, AttachRolePolicy: attaches a managed policy (AWS managed or the
 * account's own). Attaching one that is already attached changes nothing, as on AWS.
 */
export async function attachPolicy(
  ctx: OperationContext,
  kind: PrincipalType,
  name: string,
  policyArn: string,
): Promise<void> {
  checkAttachArn(policyArn, kind, name);
  const noun = IDENTITY_KINDS[kind].noun;
  const identity = await authorizedIdentity(ctx, `iam:Attach${noun}Policy`, kind, name, {
    'iam:PolicyARN': policyArn,
  });
  assertModifiable(identity);
  if ((await resolvePolicy(ctx, ctx.store.db, policyArn)) === undefined) {
    throw new AwsError('NoSuchEntity', `Policy ${policyArn} does not exist or is not attachable.`);
  }
  await ctx.store.transaction(async (tx) => {
    const attached = await tx
      .selectFrom('attachments')
      .select('policy_arn')
      .where('principal_type', '=', kind)
      .where('principal_id', '=', identity.id)
      .execute();
    if (attached.some((a) => a.policy_arn === policyArn)) return;
    if (attached.length >= MAX_ATTACHED_POLICIES) {
      throw new AwsError(
        'LimitExceeded',
        `Cannot exceed quota for PolicyAttachmentsPer${noun}: ${MAX_ATTACHED_POLICIES}`,
      );
    }
    await tx
      .insertInto('attachments')
      .values({
        account_id: ctx.accountId,
        principal_type: kind,
        principal_id: identity.id,
        policy_arn: policyArn,
      })
      .execute();
  });
  ctx.policiesChanged();
}

/** DetachUserPolicy, DetachGroupPolicy, DetachRolePolicy: detaches a policy that is attached. */
export async function detachPolicy(
  ctx: OperationContext,
  kind: PrincipalType,
  name: string,
  policyArn: string,
): Promise<void> {
  checkAttachArn(policyArn, kind, name);
  const noun = IDENTITY_KINDS[kind].noun;
  const identity = await authorizedIdentity(ctx, `iam:Detach${noun}Policy`, kind, name, {
    'iam:PolicyARN': policyArn,
  });
  assertModifiable(identity);
  const removed = await ctx.store.db
    .deleteFrom('attachments')
    .where('principal_type', '=', kind)
    .where('principal_id', '=', identity.id)
    .where('policy_arn', '=', policyArn)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) {
    throw new AwsError('NoSuchEntity', `Policy ${policyArn} was not found.`);
  }
  ctx.policiesChanged();
}
