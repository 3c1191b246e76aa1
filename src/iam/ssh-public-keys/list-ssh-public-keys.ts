import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { ListSSHPublicKeysInput, ListSSHPublicKeysOutput } from '../../protocol/models/iam-types.js';
import { keyOwner } from '../access-keys/key-owner.js';
import { pageFields } from '../common/list-page.js';
import { MemberConstraints, NAME_PATTERN } from '../common/member-constraints.js';
import { USER_NAME_MAX } from '../users/user-fields.js';

/**
 * ListSSHPublicKeys: a user's keys (or, without `UserName`, the caller's), oldest first, without their bodies.
 * The user's current name is reported, so keys follow a renamed user (recorded:
 * test_user_rename_updates_ssh_public_keys). The root user has no SSH keys.
 */
export const listSSHPublicKeys: Operation<ListSSHPublicKeysInput, ListSSHPublicKeysOutput> = async (
  ctx,
  input,
) => {
  new MemberConstraints()
    .length('userName', input.UserName, 1, USER_NAME_MAX)
    .pattern('userName', input.UserName, NAME_PATTERN)
    .throwIfAny();
  const owner = await keyOwner(ctx, 'iam:ListSSHPublicKeys', input.UserName);
  const rows =
    owner.kind === 'root'
      ? []
      : await ctx.store.db
          .selectFrom('ssh_public_keys')
          .select(['id', 'status', 'created_at'])
          .where('user_id', '=', owner.user.id)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
  const page = paginate(rows, input);
  return {
    SSHPublicKeys: page.items.map((k) => ({
      UserName: owner.name,
      SSHPublicKeyId: k.id,
      Status: k.status,
      UploadDate: new Date(k.created_at),
    })),
    ...pageFields(page),
  };
};
