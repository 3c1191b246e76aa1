import type { PrincipalType } from '../../store/schema.js';
import type { Db } from '../common/entity-lookup.js';
import type { Tag } from '../common/tags.js';
import { policyNameOf } from '../policies/resolve.js';

/** Inline policies, attachments and tags of every identity of an account, grouped by owner id. */
export interface AccountLinks {
  readonly inline: Map<string, { PolicyName: string; PolicyDocument: string }[]>;
  readonly attached: Map<string, { PolicyName: string; PolicyArn: string }[]>;
  readonly tags: Map<string, Tag[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  let list = map.get(key);
  if (list === undefined) map.set(key, (list = []));
  list.push(value);
}

/** Loads, in a few queries, what GetAccountAuthorizationDetails reports about every identity. */
export async function loadAccountLinks(
  db: Db,
  accountId: string,
  kinds: readonly PrincipalType[],
): Promise<AccountLinks> {
  const links: AccountLinks = { inline: new Map(), attached: new Map(), tags: new Map() };
  if (kinds.length === 0) return links;
  const inline = await db
    .selectFrom('inline_policies')
    .select(['principal_id', 'name', 'document'])
    .where('account_id', '=', accountId)
    .where('principal_type', 'in', [...kinds])
    .orderBy('name_key')
    .execute();
  for (const p of inline) {
    push(links.inline, p.principal_id, {
      PolicyName: p.name,
      PolicyDocument: p.document,
    });
  }
  const attached = await db
    .selectFrom('attachments')
    .select(['principal_id', 'policy_arn'])
    .where('account_id', '=', accountId)
    .where('principal_type', 'in', [...kinds])
    .execute();
  const named = attached
    .map((a) => ({
      owner: a.principal_id,
      PolicyName: policyNameOf(a.policy_arn).name,
      PolicyArn: a.policy_arn,
    }))
    .sort((a, b) => a.PolicyName.toLowerCase().localeCompare(b.PolicyName.toLowerCase()));
  for (const a of named) push(links.attached, a.owner, { PolicyName: a.PolicyName, PolicyArn: a.PolicyArn });
  const tagged = kinds.filter((k) => k !== 'group');
  if (tagged.length > 0) {
    const tags = await db
      .selectFrom('tags')
      .select(['resource_id', 'key', 'value'])
      .where('account_id', '=', accountId)
      .where('resource_type', 'in', tagged)
      .orderBy('key_key')
      .execute();
    for (const t of tags) push(links.tags, t.resource_id, { Key: t.key, Value: t.value });
  }
  return links;
}
