import type { Transaction } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { Operation, OperationContext } from '../../operation/context.js';
import type { CreateRoleInput, CreateRoleOutput } from '../../protocol/models/iam-types.js';
import type { Database } from '../../store/schema.js';
import { isUniqueViolation } from '../../store/store.js';
import { iamArn, nameKey } from '../common/arn.js';
import { findRole, type RoleRow } from '../common/entity-lookup.js';
import { requestTagContext } from '../common/tag-input.js';
import { putTags } from '../common/tags.js';
import { resolveBoundary } from '../policies/boundary.js';
import { boundaryContext } from './role-access.js';
import { createdRoleShape } from './role-shape.js';
import { checkCreateRoleInput, MIN_SESSION_DURATION } from './role-input.js';
import { checkTrustPolicy } from './trust-policy.js';

/** AWS's message for a role name that is taken (names are unique without regard to case). */
export function roleExists(name: string): AwsError {
  return new AwsError('EntityAlreadyExists', `Role with name ${name} already exists.`);
}

/** The row a new role is stored as. */
export interface NewRole {
  readonly name: string;
  readonly path: string;
  readonly trustPolicy: string;
  readonly description?: string | undefined;
  readonly maxSessionDuration?: number | undefined;
  readonly boundary?: string | undefined;
  readonly tags?: readonly { Key: string; Value: string }[] | undefined;
}

/**
 * Inserts a role and its tags (and whatever `alsoInTransaction` adds) in one transaction. Shared by CreateRole
 * and CreateServiceLinkedRole; the unique index on the name key turns a concurrent duplicate into `exists`.
 */
export async function insertRole(
  ctx: OperationContext,
  role: NewRole,
  exists: (name: string) => AwsError = roleExists,
  alsoInTransaction: (tx: Transaction<Database>, row: RoleRow) => Promise<void> = async () => undefined,
): Promise<RoleRow> {
  if (await findRole(ctx.store.db, ctx.accountId, role.name)) throw exists(role.name);
  const row: RoleRow = {
    account_id: ctx.accountId,
    id: ctx.ids.uniqueId('AROA'),
    name: role.name,
    name_key: nameKey(role.name),
    path: role.path,
    arn: iamArn(ctx, 'role', role.path, role.name),
    created_at: ctx.now.toISOString(),
    assume_role_policy: role.trustPolicy,
    description: role.description ?? null,
    max_session_duration: role.maxSessionDuration ?? MIN_SESSION_DURATION,
    permissions_boundary: role.boundary ?? null,
    last_used_at: null,
    last_used_region: null,
  };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.insertInto('roles').values(row).execute();
      if (role.tags && role.tags.length > 0) await putTags(tx, ctx, 'role', row.id, role.tags);
      await alsoInTransaction(tx, row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw exists(role.name);
    throw error;
  }
  return row;
}

/** CreateRole: a role with its trust policy, optional description, session duration, boundary and tags. */
export const createRole: Operation<CreateRoleInput, CreateRoleOutput> = async (ctx, input) => {
  checkCreateRoleInput(input);
  const path = input.Path ?? '/';
  await ctx.authorize('iam:CreateRole', iamArn(ctx, 'role', path, input.RoleName), {
    ...requestTagContext(input.Tags),
    ...boundaryContext(input.PermissionsBoundary),
  });
  checkTrustPolicy(input.AssumeRolePolicyDocument);
  if (input.PermissionsBoundary !== undefined) {
    await resolveBoundary(ctx, ctx.store.db, input.PermissionsBoundary);
  }
  const row = await insertRole(ctx, {
    name: input.RoleName,
    path,
    trustPolicy: input.AssumeRolePolicyDocument,
    description: input.Description,
    maxSessionDuration: input.MaxSessionDuration,
    boundary: input.PermissionsBoundary,
    tags: input.Tags,
  });
  if (row.permissions_boundary !== null) ctx.policiesChanged();
  return { Role: createdRoleShape(row, input.Tags ?? []) };
};
