import { checkName, MemberConstraints, PATH_PATTERN } from '../common/member-constraints.js';

/** userNameType: users being created (and new credentials' owners) have names of at most 64 characters. */
export const USER_NAME_MAX = 64;
/** existingUserNameType: names that refer to an existing user may have up to 128 characters. */
export const EXISTING_USER_NAME_MAX = 128;
/** groupNameType: group names have at most 128 characters. */
export const GROUP_NAME_MAX = 128;

/** Checks an optional name (GetUser's and the access-key operations' `UserName`). */
export function checkOptionalName(member: string, value: string | undefined, max: number): MemberConstraints {
  return value === undefined ? new MemberConstraints() : checkName(member, value, max);
}

/** Checks a `NewPath` (UpdateUser, UpdateGroup), with the path constraints under its own member name. */
export function checkNewPath(constraints: MemberConstraints, value: string | undefined): MemberConstraints {
  return constraints.length('newPath', value, 1, 512).pattern('newPath', value, PATH_PATTERN);
}
