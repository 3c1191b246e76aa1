import type { Operation } from '../../../operation/context.js';
import { paginate } from '../../../operation/pagination.js';
import type {
  ListEntitiesForPolicyInput,
  ListEntitiesForPolicyOutput,
} from '../../../protocol/models/iam-types.js';
import type { PrincipalType } from '../../../store/schema.js';
import { AwsError } from '../../../errors/aws-error.js';
import { pageFields } from '../../common/list-page.js';
import { checkPathPrefix, MemberConstraints } from '../../common/member-constraints.js';
import { authorizedPolicy } from '../managed/policy-access.js';

const ENTITY_FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;
const USAGE_FILTERS = ['PermissionsPolicy', 'PermissionsBoundary'] as const;

interface Entity {
  readonly kind: PrincipalType;
  readonly id: string;
  readonly name: string;
  readonly path: string;
}

const TABLES = { user: 'users', group: 'groups', role: 'roles' } as const;

/**
 * ListEntitiesForPolicy: the users, groups and roles a managed policy is attached to (PermissionsPolicy) or
 * bounds (PermissionsBoundary), filtered by entity kind and path prefix, paginated over groups, users and
 * roles in that order.
 */
export const listEntitiesForPolicy: Operation<
  ListEntitiesForPolicyInput,
  ListEntitiesForPolicyOutput
> = async (ctx, input) => {
  new MemberConstraints()
    .length('policyArn', input.PolicyArn, 20, 2048)
    .oneOf('entityFilter', input.EntityFilter, ENTITY_FILTERS)
    .oneOf('policyUsageFilter', input.PolicyUsageFilter, USAGE_FILTERS)
    .throwIfAny();
  checkPathPrefix(input.PathPrefix);
  const arn = input.PolicyArn;
  await authorizedPolicy(
    ctx,
    'iam:ListEntitiesForPolicy',
    arn,
    () => new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`),
  );
  const kinds: PrincipalType[] =
    input.EntityFilter === undefined
      ? ['group', 'user', 'role']
      : input.EntityFilter === 'User'
        ? ['user']
        : input.EntityFilter === 'Group'
          ? ['group']
          : input.EntityFilter === 'Role'
            ? ['role']
            : [];
  const prefix = input.PathPrefix ?? '/';
  const entities: Entity[] = [];
  for (const kind of kinds) {
    const ids = new Set<string>();
    if (input.PolicyUsageFilter !== 'PermissionsBoundary') {
      const attached = await ctx.store.db
        .selectFrom('attachments')
        .select('principal_id')
        .where('account_id', '=', ctx.accountId)
        .where('principal_type', '=', kind)
        .where('policy_arn', '=', arn)
        .execute();
      for (const a of attached) ids.add(a.principal_id);
    }
    if (input.PolicyUsageFilter !== 'PermissionsPolicy' && kind !== 'group') {
      const bounded = await ctx.store.db
        .selectFrom(TABLES[kind])
        .select('id')
        .where('account_id', '=', ctx.accountId)
        .where('permissions_boundary', '=', arn)
        .execute();
      for (const b of bounded) ids.add(b.id);
    }
    if (ids.size === 0) continue;
    const rows = await ctx.store.db
      .selectFrom(TABLES[kind])
      .select(['id', 'name', 'path', 'name_key'])
      .where('id', 'in', [...ids])
      .orderBy('name_key')
      .execute();
    for (const row of rows) if (row.path.startsWith(prefix)) entities.push({ kind, ...row });
  }
  const page = paginate(entities, input);
  const of = (kind: PrincipalType) => page.items.filter((e) => e.kind === kind);
  return {
    PolicyGroups: of('group').map((e) => ({ GroupName: e.name, GroupId: e.id })),
    PolicyUsers: of('user').map((e) => ({ UserName: e.name, UserId: e.id })),
    PolicyRoles: of('role').map((e) => ({ RoleName: e.name, RoleId: e.id })),
    ...pageFields(page),
  };
};
