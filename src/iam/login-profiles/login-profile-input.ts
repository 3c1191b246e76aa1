import { AwsError } from '../../errors/aws-error.js';
import type { Kysely, Selectable } from 'kysely';
import type { GetLoginProfileOutput } from '../../protocol/models/iam-types.js';
import type { Database, LoginProfilesTable } from '../../store/schema.js';
import type { UserRow } from '../common/entity-lookup.js';
import { checkName } from '../common/member-constraints.js';
import { USER_NAME_MAX } from '../users/user-fields.js';

/** A login profile as stored: the user's id and an argon2id hash, never the password. */
export type LoginProfileRow = Selectable<LoginProfilesTable>;

/** passwordType: 1–128 characters, printable Latin-1 plus tab and line breaks (API reference). */
export const PASSWORD_PATTERN = String.raw`[\u0009\u000A\u000D\u0020-\u00FF]+`;

/** Checks a login-profile request's `UserName` and, when given, its `Password` (whose value is never quoted). */
export function checkProfileInput(input: { UserName: string; Password?: string | undefined }): void {
  checkName('userName', input.UserName, USER_NAME_MAX)
    .length('password', input.Password, 1, 128)
    .pattern('password', input.Password, PASSWORD_PATTERN)
    .throwIfAny();
}

/** AWS's NoSuchEntity for a user without a login profile (recorded: test_login_profile_lifecycle). */
export function noSuchLoginProfile(userName: string): AwsError {
  return new AwsError('NoSuchEntity', `Login Profile for User ${userName} cannot be found.`);
}

/** The user's login profile, if it has one. */
export function findLoginProfile(db: Kysely<Database>, userId: string): Promise<LoginProfileRow | undefined> {
  return db.selectFrom('login_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** A login profile as the API returns it, under the user's current name. */
export function loginProfileShape(
  user: UserRow,
  profile: Pick<LoginProfileRow, 'created_at' | 'password_reset_required'>,
): GetLoginProfileOutput['LoginProfile'] {
  return {
    UserName: user.name,
    CreateDate: new Date(profile.created_at),
    PasswordResetRequired: profile.password_reset_required === 1,
  };
}
