import type { CreateRoleInput } from '../../protocol/models/iam-types.js';
import {
  checkName,
  checkPath,
  DESCRIPTION_PATTERN,
  MemberConstraints,
} from '../common/member-constraints.js';
import { checkTags } from '../common/tag-input.js';

/** Role names are 1–64 characters (IAM API reference, `CreateRole`). */
export const ROLE_NAME_MAX = 64;
/** A role's MaxSessionDuration lies between one and twelve hours; one hour by default. */
export const MIN_SESSION_DURATION = 3600;
export const MAX_SESSION_DURATION = 43200;

/** Checks a role description (up to 1000 characters of AWS's description alphabet). */
export function checkDescription(
  constraints: MemberConstraints,
  value: string | undefined,
): MemberConstraints {
  return constraints.length('description', value, 0, 1000).pattern('description', value, DESCRIPTION_PATTERN);
}

/** Checks a MaxSessionDuration. */
export function checkSessionDuration(
  constraints: MemberConstraints,
  value: number | undefined,
): MemberConstraints {
  return constraints.range('maxSessionDuration', value, MIN_SESSION_DURATION, MAX_SESSION_DURATION);
}

/** Checks CreateRole's members against the API's constraints. */
export function checkCreateRoleInput(input: CreateRoleInput): void {
  const constraints = checkName('roleName', input.RoleName, ROLE_NAME_MAX);
  checkPath(constraints, input.Path);
  checkDescription(constraints, input.Description);
  checkSessionDuration(constraints, input.MaxSessionDuration);
  constraints.length('permissionsBoundary', input.PermissionsBoundary, 20, 2048);
  constraints.length('assumeRolePolicyDocument', input.AssumeRolePolicyDocument, 1, 131072);
  constraints.throwIfAny();
  checkTags(input.Tags);
}
