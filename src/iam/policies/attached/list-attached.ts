import type { OperationContext } from '../../../operation/context.js';
import { paginate } from '../../../operation/pagination.js';
import type { ListAttachedRolePoliciesOutput } from '../../../protocol/models/iam-types.js';
import type { PrincipalType } from '../../../store/schema.js';
import { pageFields } from '../../common/list-page.js';
import { checkPathPrefix } from '../../common/member-constraints.js';
import { authorizedIdentity, checkIdentityName, IDENTITY_KINDS } from '../identity.js';
import { policyNameOf } from '../resolve.js';

/** The request members the three ListAttached…Policies operations share. */
export interface ListAttachedInput {
  readonly PathPrefix?: string | undefined;
  readonly Marker?: string | undefined;
  readonly MaxItems?: number | undefined;
}

/**
 * ListAttachedUserPolicies, ListAttachedGroupPolicies, ListAttachedRolePolicies: the managed policies attached
 * to an identity, by policy name, under a policy path prefix, paginated.
 */
export async function listAttached(
  ctx: OperationContext,
  kind: PrincipalType,
  name: string,
  input: ListAttachedInput,
): Promise<ListAttachedRolePoliciesOutput> {
  checkIdentityName(kind, name).throwIfAny();
  checkPathPrefix(input.PathPrefix);
  const identity = await authorizedIdentity(
    ctx,
    `iam:ListAttached${IDENTITY_KINDS[kind].noun}Policies`,
    kind,
    name,
  );
  const rows = await ctx.store.db
    .selectFrom('attachments')
    .select('policy_arn')
    .where('principal_type', '=', kind)
    .where('principal_id', '=', identity.id)
    .execute();
  const prefix = input.PathPrefix ?? '/';
  const attached = rows
    .map((r) => ({ arn: r.policy_arn, ...policyNameOf(r.policy_arn) }))
    .filter((p) => p.path.startsWith(prefix))
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.arn.localeCompare(b.arn));
  const page = paginate(attached, input);
  return {
    AttachedPolicies: page.items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })),
    ...pageFields(page),
  };
}
