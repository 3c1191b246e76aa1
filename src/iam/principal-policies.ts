import type { ManagedPolicyCatalog } from '../operation/managed-policies.js';
import type { PrincipalType } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Db } from './common/entity-lookup.js';
import { listTags } from './common/tags.js';

/** The identity whose policies are wanted: a user or role by unique id, or a group by id. */
export interface PrincipalRef {
  readonly type: PrincipalType;
  readonly id: string;
}

/** One policy document that applies to a principal, named for explanations. */
export interface PrincipalPolicy {
  /**
   * The policy's name: the inline policy's name, or the managed policy's name (as AWS names a matched
   * policy in SimulatePrincipalPolicy's `SourcePolicyId`).
   */
  readonly name: string;
  /** A stable, unique label: `user/alice/inline/p`, `group/devs/inline/p`, or the managed policy's ARN. */
  readonly label: string;
  /** The managed policy's ARN, for attached policies. */
  readonly arn?: string | undefined;
  readonly source: 'inline' | 'managed';
  /** The identity the policy comes from (a user's group policies come from the group). */
  readonly from: { readonly type: PrincipalType; readonly name: string };
  /** The document, as JSON text. */
  readonly document: string;
}

/** Everything a principal's permissions are made of. */
export interface PrincipalPolicies {
  /** Inline and attached managed policies: the principal's own, then (for users) each group's, by group name. */
  readonly identity: readonly PrincipalPolicy[];
  /** The permissions boundary's default version, when the principal has a boundary. */
  readonly boundary?: PrincipalPolicy | undefined;
  /** The principal's tags (users and roles), which become `aws:PrincipalTag/…`. */
  readonly tags: Readonly<Record<string, string>>;
}

const TABLES = { user: 'users', group: 'groups', role: 'roles' } as const;

/**
 * Loads the identity-based policies that apply to a user, role or group, with the permissions boundary and
 * the tags: what the server's authorizer and SimulatePrincipalPolicy evaluate. A principal that does not exist
 * (deleted since its credentials were issued) has no policies.
 */
export async function loadPrincipalPolicies(
  store: Pick<Store, 'db'>,
  catalog: ManagedPolicyCatalog,
  accountId: string,
  principal: PrincipalRef,
): Promise<PrincipalPolicies> {
  const db = store.db;
  const row = await db
    .selectFrom(TABLES[principal.type])
    .select(['id', 'name'])
    .where('account_id', '=', accountId)
    .where('id', '=', principal.id)
    .executeTakeFirst();
  if (row === undefined) return { identity: [], tags: {} };
  const identity = await policiesOf(db, catalog, accountId, principal.type, row);
  if (principal.type === 'user') {
    const groups = await db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['groups.id', 'groups.name'])
      .where('group_members.user_id', '=', row.id)
      .orderBy('groups.name_key')
      .execute();
    for (const group of groups) identity.push(...(await policiesOf(db, catalog, accountId, 'group', group)));
  }
  let boundary: PrincipalPolicy | undefined;
  let tags: Record<string, string> = {};
  if (principal.type !== 'group') {
    const entity = await db
      .selectFrom(TABLES[principal.type])
      .select('permissions_boundary')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    if (entity.permissions_boundary !== null) {
      boundary = await managedPolicy(db, catalog, accountId, entity.permissions_boundary, {
        type: principal.type,
        name: row.name,
      });
    }
    tags = Object.fromEntries((await listTags(db, principal.type, row.id)).map((t) => [t.Key, t.Value]));
  }
  return { identity, boundary, tags };
}

async function policiesOf(
  db: Db,
  catalog: ManagedPolicyCatalog,
  accountId: string,
  type: PrincipalType,
  entity: { id: string; name: string },
): Promise<PrincipalPolicy[]> {
  const from = { type, name: entity.name };
  const inline = await db
    .selectFrom('inline_policies')
    .select(['name', 'document'])
    .where('principal_type', '=', type)
    .where('principal_id', '=', entity.id)
    .orderBy('name_key')
    .execute();
  const policies: PrincipalPolicy[] = inline.map((p) => ({
    name: p.name,
    label: `${type}/${entity.name}/inline/${p.name}`,
    source: 'inline',
    from,
    document: p.document,
  }));
  const attached = await db
    .selectFrom('attachments')
    .select('policy_arn')
    .where('principal_type', '=', type)
    .where('principal_id', '=', entity.id)
    .orderBy('policy_arn')
    .execute();
  for (const a of attached) {
    const policy = await managedPolicy(db, catalog, accountId, a.policy_arn, from);
    if (policy !== undefined) policies.push(policy);
  }
  return policies;
}

/** The default version of a managed policy (AWS managed or the account's own), or undefined if it is gone. */
async function managedPolicy(
  db: Db,
  catalog: ManagedPolicyCatalog,
  accountId: string,
  arn: string,
  from: PrincipalPolicy['from'],
): Promise<PrincipalPolicy | undefined> {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const awsPrefix = /^arn:[^:]+:iam::aws:policy\//.exec(arn);
  if (awsPrefix) {
    const policy = catalog.get(`arn:aws:iam::aws:policy/${arn.slice(awsPrefix[0].length)}`);
    const version = policy?.versions.find((v) => v.versionId === policy.defaultVersionId);
    return version && { name, label: arn, arn, source: 'managed', from, document: version.document };
  }
  const version = await db
    .selectFrom('policies')
    .innerJoin('policy_versions', (join) =>
      join
        .onRef('policy_versions.policy_id', '=', 'policies.id')
        .onRef('policy_versions.version_id', '=', 'policies.default_version_id'),
    )
    .select('policy_versions.document')
    .where('policies.account_id', '=', accountId)
    .where('policies.arn', '=', arn)
    .executeTakeFirst();
  return version && { name, label: arn, arn, source: 'managed', from, document: version.document };
}
