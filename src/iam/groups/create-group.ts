import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { CreateGroupInput, CreateGroupOutput } from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { iamArn, nameKey } from '../common/arn.js';
import type { GroupRow } from '../common/entity-lookup.js';
import { checkName, checkPath } from '../common/member-constraints.js';
import { QUOTAS } from '../common/quotas.js';
import { GROUP_NAME_MAX } from '../users/user-fields.js';
import { groupShape } from './group-shape.js';

/** CreateGroup: a new group with an AGPA id at `Path` (default `/`); names are unique without regard to case. */
export const createGroup: Operation<CreateGroupInput, CreateGroupOutput> = async (ctx, input) => {
  checkPath(checkName('groupName', input.GroupName, GROUP_NAME_MAX), input.Path).throwIfAny();

  const path = input.Path ?? '/';
  const arn = iamArn(ctx, 'group', path, input.GroupName);
  await ctx.authorize('iam:CreateGroup', arn);

  const row: GroupRow = {
    account_id: ctx.accountId,
    id: ctx.ids.uniqueId('AGPA'),
    name: input.GroupName,
    name_key: nameKey(input.GroupName),
    path,
    arn,
    created_at: ctx.now.toISOString(),
  };
  try {
    await ctx.store.transaction(async (tx) => {
      const { count } = await tx
        .selectFrom('groups')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('account_id', '=', ctx.accountId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= QUOTAS.GroupsQuota) {
        throw new AwsError(
          'LimitExceeded',
          `Cannot exceed quota for GroupsPerAccount: ${QUOTAS.GroupsQuota}`,
        );
      }
      await tx.insertInto('groups').values(row).execute();
    });
  } catch (err) {
    // INVARIANT: the unique index on (account_id, name_key) decides duplicates.
    if (isUniqueViolation(err)) {
      throw new AwsError('EntityAlreadyExists', `Group with name ${input.GroupName} already exists.`);
    }
    throw err;
  }
  ctx.policiesChanged();
  return { Group: groupShape(row) };
};
