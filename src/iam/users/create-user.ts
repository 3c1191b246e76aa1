import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import type { CreateUserInput, CreateUserOutput } from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { iamArn, nameKey } from '../common/arn.js';
import type { UserRow } from '../common/entity-lookup.js';
import { checkName, checkPath } from '../common/member-constraints.js';
import { QUOTAS } from '../common/quotas.js';
import { checkTags, requestTagContext } from '../common/tag-input.js';
import { putTags } from '../common/tags.js';
import { checkBoundaryArn, resolveBoundary } from '../policies/boundary.js';
import { USER_NAME_MAX } from './user-fields.js';
import { userShape } from './user-shape.js';

/**
 * CreateUser: a new IAM user with an AIDA id, at `Path` (default `/`), with optional tags and permissions
 * boundary. Names are unique in the account without regard to case.
 */
export const createUser: Operation<CreateUserInput, CreateUserOutput> = async (ctx, input) => {
  const constraints = checkName('userName', input.UserName, USER_NAME_MAX);
  checkPath(constraints, input.Path);
  constraints.length('permissionsBoundary', input.PermissionsBoundary, 20, 2048).throwIfAny();
  checkTags(input.Tags);
  if (input.PermissionsBoundary !== undefined) checkBoundaryArn(input.PermissionsBoundary);

  const path = input.Path ?? '/';
  const arn = iamArn(ctx, 'user', path, input.UserName);
  const context: Record<string, ContextInput> = requestTagContext(input.Tags);
  if (input.PermissionsBoundary !== undefined) context['iam:PermissionsBoundary'] = input.PermissionsBoundary;
  await ctx.authorize('iam:CreateUser', arn, context);
  if (input.PermissionsBoundary !== undefined)
    await resolveBoundary(ctx, ctx.store.db, input.PermissionsBoundary);

  const row: UserRow = {
    account_id: ctx.accountId,
    id: ctx.ids.uniqueId('AIDA'),
    name: input.UserName,
    name_key: nameKey(input.UserName),
    path,
    arn,
    created_at: ctx.now.toISOString(),
    permissions_boundary: input.PermissionsBoundary ?? null,
    password_last_used: null,
  };
  const tags = input.Tags ?? [];
  try {
    await ctx.store.transaction(async (tx) => {
      const { count } = await tx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('account_id', '=', ctx.accountId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= QUOTAS.UsersQuota) {
        throw new AwsError('LimitExceeded', `Cannot exceed quota for UsersPerAccount: ${QUOTAS.UsersQuota}`);
      }
      await tx.insertInto('users').values(row).execute();
      if (tags.length > 0) await putTags(tx, ctx, 'user', row.id, tags);
    });
  } catch (err) {
    // INVARIANT: the unique index on (account_id, name_key) decides duplicates, so concurrent creates of one
    // name cannot both succeed.
    if (isUniqueViolation(err)) {
      throw new AwsError('EntityAlreadyExists', `User with name ${input.UserName} already exists.`);
    }
    throw err;
  }
  ctx.policiesChanged();
  return { User: userShape(row, tags) };
};
