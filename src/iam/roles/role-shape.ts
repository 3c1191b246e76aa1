import type { GetRoleOutput } from '../../protocol/models/iam-types.js';
import type { RoleRow } from '../common/entity-lookup.js';
import type { Tag } from '../common/tags.js';

/** A role as IAM's responses shape it. */
export type RoleShape = GetRoleOutput['Role'];

/**
 * The fields every response that carries a role has. IAM returns different subsets per operation (recorded in
 * shared/aws-reference, test_iam_roles): CreateRole adds tags and the boundary it was given but not the
 * description or the session duration; ListRoles adds the description and the session duration but never
 * tags, boundary or last use; GetRole returns everything.
 */
export function roleCore(row: RoleRow): RoleShape {
  return {
    Path: row.path,
    RoleName: row.name,
    RoleId: row.id,
    Arn: row.arn,
    CreateDate: new Date(row.created_at),
    AssumeRolePolicyDocument: row.assume_role_policy,
  };
}

/** The permissions boundary element, when the role has one. */
export function boundaryShape(arn: string | null): Pick<RoleShape, 'PermissionsBoundary'> {
  return arn === null
    ? {}
    : { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn } };
}

/** The role as CreateRole (and CreateServiceLinkedRole) return it. */
export function createdRoleShape(row: RoleRow, tags: readonly Tag[]): RoleShape {
  return {
    ...roleCore(row),
    ...boundaryShape(row.permissions_boundary),
    ...(tags.length > 0 ? { Tags: [...tags] } : {}),
  };
}

/** The role as ListRoles returns it. */
export function listedRoleShape(row: RoleRow): RoleShape {
  return {
    ...roleCore(row),
    ...(row.description !== null ? { Description: row.description } : {}),
    MaxSessionDuration: row.max_session_duration,
  };
}

/** The `RoleLastUsed` element: empty when the role was never used. */
export function lastUsedShape(row: RoleRow): NonNullable<RoleShape['RoleLastUsed']> {
  return {
    ...(row.last_used_at !== null ? { LastUsedDate: new Date(row.last_used_at) } : {}),
    ...(row.last_used_region !== null ? { Region: row.last_used_region } : {}),
  };
}

/** The role as GetRole returns it: every field, tags only when it has some. */
export function fullRoleShape(row: RoleRow, tags: readonly Tag[]): RoleShape {
  return {
    ...listedRoleShape(row),
    ...boundaryShape(row.permissions_boundary),
    ...(tags.length > 0 ? { Tags: [...tags] } : {}),
    RoleLastUsed: lastUsedShape(row),
  };
}
