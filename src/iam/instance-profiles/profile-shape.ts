import type { GetInstanceProfileOutput } from '../../protocol/models/iam-types.js';
import type { Db, InstanceProfileRow } from '../common/entity-lookup.js';
import type { Tag } from '../common/tags.js';
import { roleCore } from '../roles/role-shape.js';

/** An instance profile as IAM's responses shape it. */
export type InstanceProfileShape = GetInstanceProfileOutput['InstanceProfile'];

/** The roles of each of the given instance profiles, as instance profiles embed them (recorded: core fields). */
export async function profileRoles(
  db: Db,
  profileIds: readonly string[],
): Promise<Map<string, InstanceProfileShape['Roles']>> {
  const byProfile = new Map<string, InstanceProfileShape['Roles']>(profileIds.map((id) => [id, []]));
  if (profileIds.length === 0) return byProfile;
  const rows = await db
    .selectFrom('instance_profile_roles')
    .innerJoin('roles', 'roles.id', 'instance_profile_roles.role_id')
    .selectAll('roles')
    .select('instance_profile_roles.instance_profile_id')
    .where('instance_profile_roles.instance_profile_id', 'in', [...profileIds])
    .orderBy('roles.name_key')
    .execute();
  for (const row of rows) byProfile.get(row.instance_profile_id)?.push(roleCore(row));
  return byProfile;
}

/**
 * An instance profile with its roles. GetInstanceProfile always has `Tags` (empty or not); Create only when
 * tags were given; the list operations never (recorded: test_iam_instance_profiles).
 */
export function profileShape(
  row: InstanceProfileRow,
  roles: InstanceProfileShape['Roles'],
  tags?: readonly Tag[],
): InstanceProfileShape {
  return {
    Path: row.path,
    InstanceProfileName: row.name,
    InstanceProfileId: row.id,
    Arn: row.arn,
    CreateDate: new Date(row.created_at),
    Roles: roles,
    ...(tags !== undefined ? { Tags: [...tags] } : {}),
  };
}
