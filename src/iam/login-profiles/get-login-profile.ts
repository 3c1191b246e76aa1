import type { Operation } from '../../operation/context.js';
import type { GetLoginProfileInput, GetLoginProfileOutput } from '../../protocol/models/iam-types.js';
import { authorizedUser } from '../users/user-access.js';
import {
  checkProfileInput,
  findLoginProfile,
  loginProfileShape,
  noSuchLoginProfile,
} from './login-profile-input.js';

/** GetLoginProfile: when the user's password was created and whether it must be reset; never the password. */
export const getLoginProfile: Operation<GetLoginProfileInput, GetLoginProfileOutput> = async (ctx, input) => {
  checkProfileInput(input);
  const user = await authorizedUser(ctx, 'iam:GetLoginProfile', input.UserName);
  const profile = await findLoginProfile(ctx.store.db, user.id);
  if (profile === undefined) throw noSuchLoginProfile(input.UserName);
  return { LoginProfile: loginProfileShape(user, profile) };
};
