import { AwsError } from '../../../errors/aws-error.js';
import type { OperationContext } from '../../../operation/context.js';
import { paginate } from '../../../operation/pagination.js';
import type { PrincipalType } from '../../../store/schema.js';
import { nameKey } from '../../common/arn.js';
import { pageFields } from '../../common/list-page.js';
import { NAME_PATTERN } from '../../common/member-constraints.js';
import { checkPolicyDocument, policySize } from '../../common/policy-document.js';
import { assertModifiable, authorizedIdentity, checkIdentityName, IDENTITY_KINDS } from '../identity.js';
import { POLICY_NAME_MAX } from '../managed/policy-input.js';

/**
 * Inline policies of users, groups and roles. Each kind has its own quota on the total size of its inline
 * policies, white space not counted ("IAM and AWS STS quotas": user 2,048, group 5,120, role 10,240).
 */
export const INLINE_QUOTA: Readonly<Record<PrincipalType, number>> = { user: 2048, group: 5120, role: 10240 };

function noSuchInlinePolicy(kind: PrincipalType, name: string): AwsError {
  // "The role policy with name x cannot be found." (recorded: test_iam_roles, test_iam_groups)
  return new AwsError('NoSuchEntity', `The ${kind} policy with name ${name} cannot be found.`);
}

function checkMembers(kind: PrincipalType, identityName: string, policyName?: string): void {
  const constraints = checkIdentityName(kind, identityName);
  if (policyName !== undefined) {
    constraints
      .length('policyName', policyName, 1, POLICY_NAME_MAX)
      .pattern('policyName', policyName, NAME_PATTERN);
  }
  constraints.throwIfAny();
}

/** PutUserPolicy, PutGroupPolicy, PutRolePolicy: adds or replaces an inline policy. */
export async function putInlinePolicy(
  ctx: OperationContext,
  kind: PrincipalType,
  identityName: string,
  policyName: string,
  document: string,
): Promise<void> {
  checkMembers(kind, identityName, policyName);
  const identity = await authorizedIdentity(
    ctx,
    `iam:Put${IDENTITY_KINDS[kind].noun}Policy`,
    kind,
    identityName,
  );
  assertModifiable(identity);
  checkPolicyDocument(document, { kind: 'identity' });
  await ctx.store.transaction(async (tx) => {
    const others = await tx
      .selectFrom('inline_policies')
      .select(['document', 'name_key'])
      .where('principal_type', '=', kind)
      .where('principal_id', '=', identity.id)
      .where('name_key', '!=', nameKey(policyName))
      .execute();
    const total = others.reduce((n, p) => n + policySize(p.document), policySize(document));
    if (total > INLINE_QUOTA[kind]) {
      throw new AwsError(
        'LimitExceeded',
        `Maximum policy size of ${INLINE_QUOTA[kind]} bytes exceeded for ${kind} ${identity.name}`,
      );
    }
    await tx
      .deleteFrom('inline_policies')
      .where('principal_type', '=', kind)
      .where('principal_id', '=', identity.id)
      .where('name_key', '=', nameKey(policyName))
      .execute();
    await tx
      .insertInto('inline_policies')
      .values({
        account_id: ctx.accountId,
        principal_type: kind,
        principal_id: identity.id,
        name: policyName,
        name_key: nameKey(policyName),
        document,
      })
      .execute();
  });
  ctx.policiesChanged();
}

/** GetUserPolicy, GetGroupPolicy, GetRolePolicy: an inline policy with its URL-encoded document. */
export async function getInlinePolicy(
  ctx: OperationContext,
  kind: PrincipalType,
  identityName: string,
  policyName: string,
): Promise<{ identityName: string; PolicyName: string; PolicyDocument: string }> {
  checkMembers(kind, identityName, policyName);
  const identity = await authorizedIdentity(
    ctx,
    `iam:Get${IDENTITY_KINDS[kind].noun}Policy`,
    kind,
    identityName,
  );
  const row = await ctx.store.db
    .selectFrom('inline_policies')
    .select(['name', 'document'])
    .where('principal_type', '=', kind)
    .where('principal_id', '=', identity.id)
    .where('name_key', '=', nameKey(policyName))
    .executeTakeFirst();
  if (row === undefined) throw noSuchInlinePolicy(kind, policyName);
  return {
    identityName: identity.name,
    PolicyName: row.name,
    PolicyDocument: row.document,
  };
}

/** DeleteUserPolicy, DeleteGroupPolicy, DeleteRolePolicy: deletes an inline policy. */
export async function deleteInlinePolicy(
  ctx: OperationContext,
  kind: PrincipalType,
  identityName: string,
  policyName: string,
): Promise<void> {
  checkMembers(kind, identityName, policyName);
  const identity = await authorizedIdentity(
    ctx,
    `iam:Delete${IDENTITY_KINDS[kind].noun}Policy`,
    kind,
    identityName,
  );
  assertModifiable(identity);
  const deleted = await ctx.store.db
    .deleteFrom('inline_policies')
    .where('principal_type', '=', kind)
    .where('principal_id', '=', identity.id)
    .where('name_key', '=', nameKey(policyName))
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw noSuchInlinePolicy(kind, policyName);
  ctx.policiesChanged();
}

/** ListUserPolicies, ListGroupPolicies, ListRolePolicies: inline policy names, in name order, paginated. */
export async function listInlinePolicies(
  ctx: OperationContext,
  kind: PrincipalType,
  identityName: string,
  input: { Marker?: string | undefined; MaxItems?: number | undefined },
): Promise<{ PolicyNames: string[]; IsTruncated: boolean; Marker?: string }> {
  checkMembers(kind, identityName);
  const identity = await authorizedIdentity(
    ctx,
    `iam:List${IDENTITY_KINDS[kind].noun}Policies`,
    kind,
    identityName,
  );
  const rows = await ctx.store.db
    .selectFrom('inline_policies')
    .select('name')
    .where('principal_type', '=', kind)
    .where('principal_id', '=', identity.id)
    .orderBy('name_key')
    .execute();
  const page = paginate(
    rows.map((r) => r.name),
    input,
  );
  return { PolicyNames: page.items, ...pageFields(page) };
}
