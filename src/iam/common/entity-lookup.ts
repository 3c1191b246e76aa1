import type { Kysely, Selectable } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type {
  Database,
  GroupsTable,
  InstanceProfilesTable,
  RolesTable,
  UsersTable,
} from '../../store/schema.js';
import { nameKey } from './arn.js';
import { reusableQuery } from '../../store/reusable-query.js';

/** A database handle or an open transaction: both query the same way. */
export type Db = Kysely<Database>;

export type RoleRow = Selectable<RolesTable>;
export type UserRow = Selectable<UsersTable>;
export type GroupRow = Selectable<GroupsTable>;
export type InstanceProfileRow = Selectable<InstanceProfilesTable>;

/** The role of that name (names match without regard to case), or `undefined`. */
export function findRole(db: Db, accountId: string, name: string): Promise<RoleRow | undefined> {
  return db
    .selectFrom('roles')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('name_key', '=', nameKey(name))
    .executeTakeFirst();
}

const userByName = reusableQuery((db, accountId: string, key: string) =>
  (db as Db).selectFrom('users').selectAll().where('account_id', '=', accountId).where('name_key', '=', key),
);

/** The user of that name, or `undefined`. (Looked up on most user operations: compiled once.) */
export async function findUser(db: Db, accountId: string, name: string): Promise<UserRow | undefined> {
  return (await userByName(db, accountId, nameKey(name)))[0];
}

/** The group of that name, or `undefined`. */
export function findGroup(db: Db, accountId: string, name: string): Promise<GroupRow | undefined> {
  return db
    .selectFrom('groups')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('name_key', '=', nameKey(name))
    .executeTakeFirst();
}

/** The instance profile of that name, or `undefined`. */
export function findInstanceProfile(
  db: Db,
  accountId: string,
  name: string,
): Promise<InstanceProfileRow | undefined> {
  return db
    .selectFrom('instance_profiles')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('name_key', '=', nameKey(name))
    .executeTakeFirst();
}

/** AWS's NoSuchEntity for a role name (recorded: test_iam_roles). */
export function noSuchRole(name: string): AwsError {
  return new AwsError('NoSuchEntity', `The role with name ${name} cannot be found.`);
}

/** AWS's NoSuchEntity for a user name. */
export function noSuchUser(name: string): AwsError {
  return new AwsError('NoSuchEntity', `The user with name ${name} cannot be found.`);
}

/** AWS's NoSuchEntity for a group name. */
export function noSuchGroup(name: string): AwsError {
  return new AwsError('NoSuchEntity', `The group with name ${name} cannot be found.`);
}

/** AWS's NoSuchEntity for an instance profile name (recorded: test_iam_instance_profiles). */
export function noSuchInstanceProfile(name: string): AwsError {
  return new AwsError('NoSuchEntity', `Instance Profile ${name} cannot be found.`);
}

/** Returns the row, or throws the NoSuchEntity error when there is none. */
export function existing<T>(row: T | undefined, missing: () => AwsError): T {
  if (row === undefined) throw missing();
  return row;
}
