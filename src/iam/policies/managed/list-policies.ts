import type { Operation } from '../../../operation/context.js';
import { paginate } from '../../../operation/pagination.js';
import type { ListPoliciesInput, ListPoliciesOutput } from '../../../protocol/models/iam-types.js';
import { iamArn } from '../../common/arn.js';
import { pageFields } from '../../common/list-page.js';
import { checkPathPrefix, MemberConstraints } from '../../common/member-constraints.js';
import { awsManagedArn } from '../resolve.js';
import { awsPolicyShape, localPolicyShape, type PolicyShape } from './policy-shape.js';
import { usageByArn, type PolicyUsage } from './policy-usage.js';

const SCOPES = ['All', 'AWS', 'Local'] as const;
const USAGE_FILTERS = ['PermissionsPolicy', 'PermissionsBoundary'] as const;
const UNUSED: PolicyUsage = { attachments: 0, boundaries: 0 };

/** Checks ListPolicies' enumerations and path prefix. */
function checkListInput(input: ListPoliciesInput): void {
  new MemberConstraints()
    .oneOf('scope', input.Scope, SCOPES)
    .oneOf('policyUsageFilter', input.PolicyUsageFilter, USAGE_FILTERS)
    .throwIfAny();
  checkPathPrefix(input.PathPrefix);
}

/** True when a policy passes OnlyAttached and PolicyUsageFilter. */
function inUse(usage: PolicyUsage, input: ListPoliciesInput): boolean {
  if (input.OnlyAttached && usage.attachments === 0) return false;
  if (input.PolicyUsageFilter === 'PermissionsPolicy') return usage.attachments > 0;
  if (input.PolicyUsageFilter === 'PermissionsBoundary') return usage.boundaries > 0;
  return true;
}

/**
 * ListPolicies: managed policies by scope (`AWS` from the catalog, in the catalog's order; `Local` the
 * account's own, by name; `All` both, AWS's first), filtered by attachment, usage and path prefix.
 */
export const listPolicies: Operation<ListPoliciesInput, ListPoliciesOutput> = async (ctx, input) => {
  checkListInput(input);
  const scope = input.Scope ?? 'All';
  const prefix = input.PathPrefix ?? '/';
  await ctx.authorize('iam:ListPolicies', iamArn(ctx, 'policy', prefix, ''));
  const usage = await usageByArn(ctx.store.db, ctx.accountId);
  const shapes: PolicyShape[] = [];
  if (scope !== 'Local') {
    for (const policy of ctx.managedPolicies.list()) {
      const used = usage.get(awsManagedArn(ctx, policy)) ?? UNUSED;
      if (policy.path.startsWith(prefix) && inUse(used, input))
        shapes.push(awsPolicyShape(ctx, policy, used));
    }
  }
  if (scope !== 'AWS') {
    const rows = await ctx.store.db
      .selectFrom('policies')
      .selectAll()
      .where('account_id', '=', ctx.accountId)
      .orderBy('name_key')
      .execute();
    for (const row of rows) {
      const used = usage.get(row.arn) ?? UNUSED;
      if (row.path.startsWith(prefix) && inUse(used, input)) shapes.push(localPolicyShape(row, used));
    }
  }
  const page = paginate(shapes, input);
  return { Policies: page.items, ...pageFields(page) };
};
