import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import { parseArn } from '../../policy/index.js';
import {
  findGroup,
  findRole,
  findUser,
  noSuchGroup,
  noSuchRole,
  noSuchUser,
} from '../common/entity-lookup.js';
import { resolvePolicy } from '../policies/resolve.js';
import { loadPrincipalPolicies } from '../principal-policies.js';
import type { ReportEntity } from './activity.js';

/** What a report is about: the policies whose services it lists, and the users and roles whose activity counts. */
export interface ReportTarget {
  readonly documents: readonly string[];
  readonly entities: readonly ReportEntity[];
}

interface EntityRow {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
}

const entityOf = (type: ReportEntity['type'], row: EntityRow): ReportEntity => ({
  type,
  id: row.id,
  name: row.name,
  path: row.path,
  arn: row.arn,
});

/**
 * Resolves GenerateServiceLastAccessedDetails' Arn: a user (its policies, including its groups'; its own activity),
 * a role (its policies; its sessions' activity), a group (its policies; its members' activity) or a managed policy
 * (its default version; the activity of the users and roles it is attached to, directly or through a group).
 * An ARN of anything else is InvalidInput; an entity that does not exist is NoSuchEntity.
 */
export async function reportTarget(ctx: OperationContext, arn: string): Promise<ReportTarget> {
  const parsed = parseArn(arn);
  const resource = parsed?.resource ?? '';
  const slash = resource.indexOf('/');
  const kind = slash === -1 ? '' : resource.slice(0, slash);
  const name = resource.slice(resource.lastIndexOf('/') + 1);
  if (
    parsed === undefined ||
    parsed.service !== 'iam' ||
    !['user', 'role', 'group', 'policy'].includes(kind)
  ) {
    throw new AwsError('InvalidInput', `ARN ${arn} is not valid.`);
  }
  const db = ctx.store.db;
  switch (kind) {
    case 'user': {
      const row = await findUser(db, ctx.accountId, name);
      if (row === undefined || row.arn !== arn) throw noSuchUser(name);
      const policies = await loadPrincipalPolicies(ctx.store, ctx.managedPolicies, ctx.accountId, {
        type: 'user',
        id: row.id,
      });
      return { documents: policies.identity.map((p) => p.document), entities: [entityOf('USER', row)] };
    }
    case 'role': {
      const row = await findRole(db, ctx.accountId, name);
      if (row === undefined || row.arn !== arn) throw noSuchRole(name);
      const policies = await loadPrincipalPolicies(ctx.store, ctx.managedPolicies, ctx.accountId, {
        type: 'role',
        id: row.id,
      });
      return { documents: policies.identity.map((p) => p.document), entities: [entityOf('ROLE', row)] };
    }
    case 'group': {
      const row = await findGroup(db, ctx.accountId, name);
      if (row === undefined || row.arn !== arn) throw noSuchGroup(name);
      const policies = await loadPrincipalPolicies(ctx.store, ctx.managedPolicies, ctx.accountId, {
        type: 'group',
        id: row.id,
      });
      return {
        documents: policies.identity.map((p) => p.document),
        entities: (await membersOf(ctx, [row.id])).map((m) => entityOf('USER', m)),
      };
    }
    default:
      return policyTarget(ctx, arn);
  }
}

async function policyTarget(ctx: OperationContext, arn: string): Promise<ReportTarget> {
  const db = ctx.store.db;
  const policy = await resolvePolicy(ctx, db, arn);
  if (policy === undefined)
    throw new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`);
  let document: string | undefined;
  if (policy.kind === 'aws') {
    document = policy.policy.versions.find((v) => v.versionId === policy.policy.defaultVersionId)?.document;
  } else {
    const version = await db
      .selectFrom('policy_versions')
      .select('document')
      .where('policy_id', '=', policy.row.id)
      .where('version_id', '=', policy.row.default_version_id)
      .executeTakeFirst();
    document = version?.document;
  }
  const attached = await db
    .selectFrom('attachments')
    .select(['principal_type', 'principal_id'])
    .where('account_id', '=', ctx.accountId)
    .where('policy_arn', '=', arn)
    .execute();
  const idsOf = (type: string) =>
    attached.filter((a) => a.principal_type === type).map((a) => a.principal_id);
  const users = idsOf('user');
  const roles = idsOf('role');
  const entities = new Map<string, ReportEntity>();
  if (users.length > 0) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'name', 'path', 'arn'])
      .where('id', 'in', users)
      .execute();
    for (const row of rows) entities.set(row.arn, entityOf('USER', row));
  }
  for (const row of await membersOf(ctx, idsOf('group'))) entities.set(row.arn, entityOf('USER', row));
  if (roles.length > 0) {
    const rows = await db
      .selectFrom('roles')
      .select(['id', 'name', 'path', 'arn'])
      .where('id', 'in', roles)
      .execute();
    for (const row of rows) entities.set(row.arn, entityOf('ROLE', row));
  }
  return { documents: document === undefined ? [] : [document], entities: [...entities.values()] };
}

async function membersOf(ctx: OperationContext, groupIds: readonly string[]): Promise<EntityRow[]> {
  if (groupIds.length === 0) return [];
  return ctx.store.db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select(['users.id', 'users.name', 'users.path', 'users.arn'])
    .where('group_members.group_id', 'in', groupIds)
    .orderBy('users.name_key')
    .execute();
}
