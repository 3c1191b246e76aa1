import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { TaggedType } from '../../store/schema.js';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import { reusableQuery } from '../../store/reusable-query.js';

/** A tag as IAM's API shapes it. */
export interface Tag {
  Key: string;
  Value: string;
}

/** IAM allows at most 50 tags per resource (IAM User Guide, "IAM and AWS STS quotas"). */
export const MAX_TAGS = 50;

const tagsOf = reusableQuery((db, type: TaggedType, resourceId: string) =>
  (db as Kysely<Database>)
    .selectFrom('tags')
    .select(['key', 'value'])
    .where('resource_type', '=', type)
    .where('resource_id', '=', resourceId)
    .orderBy('key_key'),
);

/** The tags of a resource, in key order. (Read on most operations, for authorization: compiled once.) */
export async function listTags(
  db: OperationContext['store']['db'] | Transaction<Database>,
  type: TaggedType,
  resourceId: string,
): Promise<Tag[]> {
  const rows = await tagsOf(db, type, resourceId);
  return rows.map((r) => ({ Key: r.key, Value: r.value }));
}

/**
 * Adds or overwrites tags. Tag keys are matched without regard to case: a key that differs only in case replaces
 * the existing one. Throws InvalidInput for duplicate keys in one request and LimitExceeded past 50 tags.
 */
export async function putTags(
  tx: Transaction<Database>,
  ctx: Pick<OperationContext, 'accountId'>,
  type: TaggedType,
  resourceId: string,
  tags: readonly Tag[],
): Promise<void> {
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = tag.Key.toLowerCase();
    if (seen.has(key))
      throw new AwsError(
        'InvalidInput',
        'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      );
    seen.add(key);
  }
  const existing = await listTags(tx, type, resourceId);
  const keys = new Set(existing.map((t) => t.Key.toLowerCase()));
  for (const key of seen) keys.add(key);
  if (keys.size > MAX_TAGS) {
    // The message AWS returns (recorded in shared/aws-reference, test_iam_oidc tags limit).
    throw new AwsError('LimitExceeded', 'The number of tags has reached the maximum limit.');
  }
  for (const tag of tags) {
    const keyKey = tag.Key.toLowerCase();
    await tx
      .deleteFrom('tags')
      .where('resource_type', '=', type)
      .where('resource_id', '=', resourceId)
      .where('key_key', '=', keyKey)
      .execute();
    await tx
      .insertInto('tags')
      .values({
        account_id: ctx.accountId,
        resource_type: type,
        resource_id: resourceId,
        key: tag.Key,
        key_key: keyKey,
        value: tag.Value,
      })
      .execute();
  }
}

/** Removes tags by key (without regard to case); keys that are not present are ignored, as AWS does. */
export async function removeTags(
  tx: Transaction<Database>,
  type: TaggedType,
  resourceId: string,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  await tx
    .deleteFrom('tags')
    .where('resource_type', '=', type)
    .where('resource_id', '=', resourceId)
    .where(
      'key_key',
      'in',
      keys.map((k) => k.toLowerCase()),
    )
    .execute();
}

/** Removes every tag of a resource (when the resource is deleted). */
export async function dropTags(
  tx: Transaction<Database>,
  type: TaggedType,
  resourceId: string,
): Promise<void> {
  await tx
    .deleteFrom('tags')
    .where('resource_type', '=', type)
    .where('resource_id', '=', resourceId)
    .execute();
}
