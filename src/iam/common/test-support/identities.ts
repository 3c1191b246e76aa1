import { AwsError } from '../../../errors/aws-error.js';
import type { Caller, OperationContext } from '../../../operation/context.js';
import {
  testContext,
  TEST_ACCOUNT,
  type TestContextOptions,
} from '../../../operation/test-support/context.js';
import type { ContextInput } from '../../../policy/index.js';
import type { PrincipalType } from '../../../store/schema.js';

/** One call to `ctx.authorize`, as recorded by `harness`. */
export interface AuthCall {
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, ContextInput>>;
}

/** A test context that records its authorizations and counts `policiesChanged` calls. */
export interface Harness {
  readonly ctx: OperationContext & { close(): Promise<void> };
  readonly calls: AuthCall[];
  /** How many times `policiesChanged` was called. */
  changes(): number;
  /** The same store and recorders, with another caller. */
  as(caller: Caller): OperationContext;
}

/** A fresh test context (root caller, everything allowed) that records what operations ask of it. */
export async function harness(options: TestContextOptions = {}): Promise<Harness> {
  const calls: AuthCall[] = [];
  let changes = 0;
  const base = await testContext({
    ...options,
    authorize:
      options.authorize ??
      (async (action, resource, context) => {
        calls.push({ action, resource, context: { ...context } });
      }),
  });
  const ctx = {
    ...base,
    policiesChanged: () => {
      changes++;
    },
  };
  return { ctx, calls, changes: () => changes, as: (caller) => ({ ...ctx, caller }) };
}

/** An authorizer that denies everything, as the server's would for a caller without policies. */
export const denyAll: OperationContext['authorize'] = async (action, resource) => {
  throw new AwsError(
    'AccessDenied',
    `User: test is not authorized to perform: ${action} on resource: ${resource}`,
  );
};

/** The credentials of an IAM user of the test account. */
export function userCaller(user: { UserId: string; UserName: string; Arn: string }): Caller {
  return {
    arn: user.Arn,
    accountId: TEST_ACCOUNT,
    userId: user.UserId,
    kind: 'user',
    accessKeyId: 'AKIATESTTESTTESTTEST',
    userName: user.UserName,
    policyHolder: { type: 'user', id: user.UserId },
  };
}

/** The credentials of an assumed-role session in the test account. */
export const ROLE_SESSION_CALLER: Caller = {
  arn: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/admin/session`,
  accountId: TEST_ACCOUNT,
  userId: 'AROAEXAMPLEEXAMPLEEX:session',
  kind: 'assumedRole',
  accessKeyId: 'ASIATESTTESTTESTTEST',
  roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/admin`,
  roleId: 'AROAEXAMPLEEXAMPLEEX',
};

/** Stores a customer managed policy directly (the policy operations are another module's). Returns its ARN. */
export async function storeCustomerPolicy(ctx: OperationContext, name: string): Promise<string> {
  const arn = `arn:aws:iam::${ctx.accountId}:policy/${name}`;
  const now = ctx.now.toISOString();
  await ctx.store.db
    .insertInto('policies')
    .values({
      account_id: ctx.accountId,
      id: ctx.ids.uniqueId('ANPA'),
      name,
      name_key: name.toLowerCase(),
      path: '/',
      arn,
      created_at: now,
      description: null,
      updated_at: now,
      default_version_id: 'v1',
      next_version: 2,
    })
    .execute();
  return arn;
}

/** Attaches a managed policy to a principal directly. */
export async function storeAttachment(
  ctx: OperationContext,
  type: PrincipalType,
  principalId: string,
  policyArn: string,
): Promise<void> {
  await ctx.store.db
    .insertInto('attachments')
    .values({
      account_id: ctx.accountId,
      principal_type: type,
      principal_id: principalId,
      policy_arn: policyArn,
    })
    .execute();
}

/** Puts an inline policy on a principal directly. */
export async function storeInlinePolicy(
  ctx: OperationContext,
  type: PrincipalType,
  principalId: string,
  name: string,
): Promise<void> {
  await ctx.store.db
    .insertInto('inline_policies')
    .values({
      account_id: ctx.accountId,
      principal_type: type,
      principal_id: principalId,
      name,
      name_key: name.toLowerCase(),
      document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    })
    .execute();
}
