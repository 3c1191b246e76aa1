import type { Transaction } from 'kysely';
import { AwsError } from '../../../errors/aws-error.js';
import type { Database } from '../../../store/schema.js';
import type { Db } from '../../common/entity-lookup.js';
import { MAX_TAGS, type Tag } from '../../common/tags.js';

/**
 * Tags of customer managed policies. Unlike the tags of users and roles, AWS keeps policy tag keys case
 * sensitive: `a` and `A` are two tags, and untagging `a` leaves `A` (recorded in shared/aws-reference,
 * test_iam_policies `create-with-case-sensitive-tags`, `list-after-untag-lowercase`). So the stored key is
 * its own uniqueness key.
 */

/** The policy's tags, in the order AWS lists them: shorter keys first, then by code point (recorded order). */
export async function policyTags(db: Db, policyId: string): Promise<Tag[]> {
  const rows = await db
    .selectFrom('tags')
    .select(['key', 'value'])
    .where('resource_type', '=', 'policy')
    .where('resource_id', '=', policyId)
    .execute();
  return rows
    .map((r) => ({ Key: r.key, Value: r.value }))
    .sort((a, b) => a.Key.length - b.Key.length || (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
}

/** Adds or overwrites tags; duplicate keys in one request are InvalidInput, more than 50 in all LimitExceeded. */
export async function putPolicyTags(
  tx: Transaction<Database>,
  accountId: string,
  policyId: string,
  tags: readonly Tag[],
): Promise<void> {
  const keys = new Set(tags.map((t) => t.Key));
  if (keys.size !== tags.length) throw new AwsError('InvalidInput', 'Duplicate tag keys found.');
  for (const tag of await policyTags(tx, policyId)) keys.add(tag.Key);
  if (keys.size > MAX_TAGS) {
    throw new AwsError('LimitExceeded', 'The number of tags has reached the maximum limit.');
  }
  for (const tag of tags) {
    await tx
      .deleteFrom('tags')
      .where('resource_type', '=', 'policy')
      .where('resource_id', '=', policyId)
      .where('key_key', '=', tag.Key)
      .execute();
    await tx
      .insertInto('tags')
      .values({
        account_id: accountId,
        resource_type: 'policy',
        resource_id: policyId,
        key: tag.Key,
        key_key: tag.Key,
        value: tag.Value,
      })
      .execute();
  }
}

/** Removes tags by exact key. */
export async function removePolicyTags(
  tx: Transaction<Database>,
  policyId: string,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  await tx
    .deleteFrom('tags')
    .where('resource_type', '=', 'policy')
    .where('resource_id', '=', policyId)
    .where('key_key', 'in', [...keys])
    .execute();
}
