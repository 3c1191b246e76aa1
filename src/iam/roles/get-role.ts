import type { Operation } from '../../operation/context.js';
import type { GetRoleInput, GetRoleOutput } from '../../protocol/models/iam-types.js';
import { listTags } from '../common/tags.js';
import { authorizedRole } from './role-access.js';
import { fullRoleShape } from './role-shape.js';

/** GetRole: the role with every attribute, its last use included. */
export const getRole: Operation<GetRoleInput, GetRoleOutput> = async (ctx, input) => {
  const row = await authorizedRole(ctx, 'iam:GetRole', input.RoleName);
  return { Role: fullRoleShape(row, await listTags(ctx.store.db, 'role', row.id)) };
};
