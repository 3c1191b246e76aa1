import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import type { PrincipalType } from '../../store/schema.js';
import { iamArn } from '../common/arn.js';
import {
  findGroup,
  findRole,
  findUser,
  noSuchGroup,
  noSuchRole,
  noSuchUser,
  type Db,
} from '../common/entity-lookup.js';
import { checkName } from '../common/member-constraints.js';
import { resourceTagContext } from '../common/tag-input.js';
import { listTags } from '../common/tags.js';
import { isServiceLinked, protectedRole } from '../roles/role-access.js';

/**
 * The identities that policies attach to (users, groups, roles), seen through what the policy operations
 * need of them. One module, so that Attach/Detach/Put/Get/Delete/List for the three kinds share their code.
 */
export interface Identity {
  readonly kind: PrincipalType;
  readonly id: string;
  readonly name: string;
  readonly arn: string;
  /** The permissions boundary's ARN (users and roles), or null. */
  readonly boundary: string | null;
  /** Service-linked roles cannot be changed by the account. */
  readonly protected: boolean;
}

/** Per kind: the member name AWS reports, the name's length limit, and the capitalised word AWS uses. */
export const IDENTITY_KINDS: Readonly<
  Record<PrincipalType, { member: string; maxName: number; noun: string }>
> = {
  user: { member: 'userName', maxName: 64, noun: 'User' },
  group: { member: 'groupName', maxName: 128, noun: 'Group' },
  role: { member: 'roleName', maxName: 64, noun: 'Role' },
};

/** Finds a user, group or role by name. */
export async function findIdentity(
  db: Db,
  accountId: string,
  kind: PrincipalType,
  name: string,
): Promise<Identity | undefined> {
  switch (kind) {
    case 'user': {
      const row = await findUser(db, accountId, name);
      return (
        row && {
          kind,
          id: row.id,
          name: row.name,
          arn: row.arn,
          boundary: row.permissions_boundary,
          protected: false,
        }
      );
    }
    case 'group': {
      const row = await findGroup(db, accountId, name);
      return row && { kind, id: row.id, name: row.name, arn: row.arn, boundary: null, protected: false };
    }
    case 'role': {
      const row = await findRole(db, accountId, name);
      return (
        row && {
          kind,
          id: row.id,
          name: row.name,
          arn: row.arn,
          boundary: row.permissions_boundary,
          protected: isServiceLinked(row),
        }
      );
    }
  }
}

/** AWS's NoSuchEntity for a missing identity. */
export function noSuchIdentity(kind: PrincipalType, name: string): AwsError {
  return kind === 'user' ? noSuchUser(name) : kind === 'group' ? noSuchGroup(name) : noSuchRole(name);
}

/** Checks the identity name member of a request. */
export function checkIdentityName(kind: PrincipalType, name: string): ReturnType<typeof checkName> {
  const { member, maxName } = IDENTITY_KINDS[kind];
  return checkName(member, name, maxName);
}

/**
 * Finds the identity, authorizes the action on it (its tags as resource tags; its boundary as
 * `iam:PermissionsBoundary`, which AWS sets for the policy operations on users and roles), then reports a
 * missing identity.
 */
export async function authorizedIdentity(
  ctx: OperationContext,
  action: string,
  kind: PrincipalType,
  name: string,
  extra: Readonly<Record<string, ContextInput>> = {},
): Promise<Identity> {
  const identity = await findIdentity(ctx.store.db, ctx.accountId, kind, name);
  const tags = identity && kind !== 'group' ? await listTags(ctx.store.db, kind, identity.id) : [];
  await ctx.authorize(action, identity?.arn ?? iamArn(ctx, kind, '/', name), {
    ...resourceTagContext(tags, true),
    ...(identity?.boundary ? { 'iam:PermissionsBoundary': identity.boundary } : {}),
    ...extra,
  });
  if (identity === undefined) throw noSuchIdentity(kind, name);
  return identity;
}

/** Throws UnmodifiableEntity for a service-linked role. */
export function assertModifiable(identity: Identity): void {
  if (identity.protected) throw protectedRole(identity.name);
}
