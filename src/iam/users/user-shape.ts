import type { GetUserOutput } from '../../protocol/models/iam-types.js';
import type { UserRow } from '../common/entity-lookup.js';
import type { Tag } from '../common/tags.js';

/** A user as IAM's API returns it. */
export type UserShape = GetUserOutput['User'];

/**
 * A user as list operations return it (ListUsers, GetGroup): IAM's listings return a subset of the attributes,
 * without the permissions boundary and tags (API reference, ListUsers).
 */
export function userListShape(row: UserRow): UserShape {
  return {
    Path: row.path,
    UserName: row.name,
    UserId: row.id,
    Arn: row.arn,
    CreateDate: new Date(row.created_at),
    ...(row.password_last_used === null ? {} : { PasswordLastUsed: new Date(row.password_last_used) }),
  };
}

/** A user as CreateUser and GetUser return it: with its permissions boundary and tags, when it has them. */
export function userShape(row: UserRow, tags: readonly Tag[]): UserShape {
  return {
    ...userListShape(row),
    ...(row.permissions_boundary === null
      ? {}
      : {
          PermissionsBoundary: {
            PermissionsBoundaryType: 'Policy',
            PermissionsBoundaryArn: row.permissions_boundary,
          },
        }),
    ...(tags.length === 0 ? {} : { Tags: tags.map((t) => ({ Key: t.Key, Value: t.Value })) }),
  };
}
