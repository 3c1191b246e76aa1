import type { Transaction } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { Operation, OperationContext } from '../../operation/context.js';
import type { CreateAccessKeyInput, CreateAccessKeyOutput } from '../../protocol/models/iam-types.js';
import type { Database } from '../../store/schema.js';
import { QUOTAS } from '../common/quotas.js';
import { checkKeyInput, keyOwner, ownerKeys, type KeyOwner } from './key-owner.js';

/**
 * CreateAccessKey: a new active AKIA key for a user (or, without `UserName`, for the caller, root included). The
 * secret is returned here once and stored only sealed under the master key. A user has at most two keys.
 */
export const createAccessKey: Operation<CreateAccessKeyInput, CreateAccessKeyOutput> = async (ctx, input) => {
  checkKeyInput(input);
  const owner = await keyOwner(ctx, 'iam:CreateAccessKey', input.UserName);

  const id = ctx.ids.accessKeyId('AKIA');
  const secret = ctx.ids.secretAccessKey();
  await ctx.store.transaction(async (tx) => {
    await lockOwner(ctx, tx, owner);
    const { count } = await ownerKeys(tx, ctx, owner)
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(count) >= QUOTAS.AccessKeysPerUserQuota) {
      throw new AwsError(
        'LimitExceeded',
        `Cannot exceed quota for AccessKeysPerUser: ${QUOTAS.AccessKeysPerUserQuota}`,
      );
    }
    await tx
      .insertInto('access_keys')
      .values({
        id,
        account_id: ctx.accountId,
        user_id: owner.kind === 'root' ? null : owner.user.id,
        secret_ciphertext: ctx.secrets.seal(secret),
        status: 'Active',
        created_at: ctx.now.toISOString(),
        last_used_at: null,
        last_used_service: null,
        last_used_region: null,
      })
      .execute();
  });
  return {
    AccessKey: {
      UserName: owner.name,
      AccessKeyId: id,
      Status: 'Active',
      SecretAccessKey: secret,
      CreateDate: ctx.now,
    },
  };
};

/**
 * Serializes key creation per owner on PostgreSQL, where two concurrent transactions could otherwise both count
 * one key and both insert a second. SQLite runs one write transaction at a time, and has no FOR UPDATE.
 */
async function lockOwner(ctx: OperationContext, tx: Transaction<Database>, owner: KeyOwner): Promise<void> {
  if (ctx.store.kind !== 'postgres') return;
  if (owner.kind === 'root') {
    await tx.selectFrom('accounts').select('id').where('id', '=', ctx.accountId).forUpdate().execute();
  } else {
    await tx.selectFrom('users').select('id').where('id', '=', owner.user.id).forUpdate().execute();
  }
}
