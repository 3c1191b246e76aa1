import { AwsError } from '../../../errors/aws-error.js';
import type { Operation } from '../../../operation/context.js';
import type { CreatePolicyInput, CreatePolicyOutput } from '../../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../../store/store.js';
import { iamArn, nameKey } from '../../common/arn.js';
import { checkPolicyDocument, checkPolicySize } from '../../common/policy-document.js';
import { checkTags, requestTagContext } from '../../common/tag-input.js';
import type { PolicyRow } from '../resolve.js';
import { checkPolicyMembers, MANAGED_POLICY_QUOTA } from './policy-input.js';
import { localPolicyShape } from './policy-shape.js';
import { putPolicyTags } from './policy-tag-store.js';

function policyExists(name: string): AwsError {
  return new AwsError(
    'EntityAlreadyExists',
    `A policy called ${name} already exists. Duplicate names are not allowed.`,
  );
}

/** Validates a managed policy document: the identity-policy grammar, Version 2012-10-17, and the size quota. */
export function checkManagedDocument(document: string): void {
  checkPolicyDocument(document, { kind: 'identity', requireCurrentVersion: true });
  checkPolicySize(
    document,
    MANAGED_POLICY_QUOTA,
    `Cannot exceed quota for PolicySize: ${MANAGED_POLICY_QUOTA}`,
  );
}

/** CreatePolicy: a customer managed policy with its first version, v1, as the default. */
export const createPolicy: Operation<CreatePolicyInput, CreatePolicyOutput> = async (ctx, input) => {
  checkPolicyMembers(input).throwIfAny();
  checkTags(input.Tags);
  const path = input.Path ?? '/';
  const arn = iamArn(ctx, 'policy', path, input.PolicyName);
  await ctx.authorize('iam:CreatePolicy', arn, requestTagContext(input.Tags));
  checkManagedDocument(input.PolicyDocument);
  const taken = await ctx.store.db
    .selectFrom('policies')
    .select('id')
    .where('account_id', '=', ctx.accountId)
    .where('name_key', '=', nameKey(input.PolicyName))
    .executeTakeFirst();
  if (taken) throw policyExists(input.PolicyName);
  const now = ctx.now.toISOString();
  const row: PolicyRow = {
    account_id: ctx.accountId,
    id: ctx.ids.uniqueId('ANPA'),
    name: input.PolicyName,
    name_key: nameKey(input.PolicyName),
    path,
    arn,
    created_at: now,
    description: input.Description ?? null,
    updated_at: now,
    default_version_id: 'v1',
    next_version: 2,
  };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.insertInto('policies').values(row).execute();
      await tx
        .insertInto('policy_versions')
        .values({ policy_id: row.id, version_id: 'v1', document: input.PolicyDocument, created_at: now })
        .execute();
      if (input.Tags && input.Tags.length > 0) await putPolicyTags(tx, ctx.accountId, row.id, input.Tags);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw policyExists(input.PolicyName);
    throw error;
  }
  const tags = input.Tags && input.Tags.length > 0 ? { Tags: [...input.Tags] } : {};
  return { Policy: { ...localPolicyShape(row, { attachments: 0, boundaries: 0 }), ...tags } };
};
