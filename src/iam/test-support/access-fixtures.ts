import { expect } from 'vitest';
import { isAwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { ManagedPolicy } from '../../operation/managed-policies.js';
import { iamArn, nameKey } from '../common/arn.js';

/** A trust policy that lets EC2 assume a role (the one AWS's recorded tests use). */
export const EC2_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** A small identity policy. */
export function allow(action: string, resource = '*'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: resource }],
  });
}

/** Asserts that a call fails with an AwsError of that code (and message, when given). */
export async function expectAwsError(
  call: Promise<unknown>,
  code: string,
  message?: string | RegExp,
): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAwsError(error), `expected AwsError ${code}, got ${String(error)}`).toBe(true);
  if (!isAwsError(error)) return;
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
}

/**
 * Stores a user directly (the user operations belong to another module; these tests need users only as
 * attachment targets).
 */
export async function insertUser(ctx: OperationContext, name: string, path = '/'): Promise<string> {
  const id = ctx.ids.uniqueId('AIDA');
  await ctx.store.db
    .insertInto('users')
    .values({
      account_id: ctx.accountId,
      id,
      name,
      name_key: nameKey(name),
      path,
      arn: iamArn(ctx, 'user', path, name),
      created_at: ctx.now.toISOString(),
      permissions_boundary: null,
      password_last_used: null,
    })
    .execute();
  return id;
}

/** Stores a group directly, optionally with members. */
export async function insertGroup(
  ctx: OperationContext,
  name: string,
  members: readonly string[] = [],
): Promise<string> {
  const id = ctx.ids.uniqueId('AGPA');
  await ctx.store.db
    .insertInto('groups')
    .values({
      account_id: ctx.accountId,
      id,
      name,
      name_key: nameKey(name),
      path: '/',
      arn: iamArn(ctx, 'group', '/', name),
      created_at: ctx.now.toISOString(),
    })
    .execute();
  for (const userId of members) {
    await ctx.store.db
      .insertInto('group_members')
      .values({ account_id: ctx.accountId, group_id: id, user_id: userId })
      .execute();
  }
  return id;
}

/** An AWS managed policy for a catalog built with `catalogOf`. */
export function awsPolicy(name: string, documents: readonly string[], path = '/'): ManagedPolicy {
  const versions = documents
    .map((document, i) => ({
      versionId: `v${i + 1}`,
      createDate: new Date(Date.UTC(2020, 0, i + 1)),
      document,
    }))
    .reverse();
  return {
    arn: `arn:aws:iam::aws:policy${path}${name}`,
    name,
    path,
    id: `ANPA${name
      .toUpperCase()
      .replace(/[^A-Z]/g, 'A')
      .padEnd(17, 'A')
      .slice(0, 17)}`,
    defaultVersionId: `v${documents.length}`,
    createDate: new Date(Date.UTC(2020, 0, 1)),
    updateDate: new Date(Date.UTC(2020, 0, documents.length)),
    versions,
  };
}

/** Records every authorize call of a context, for tests of the resource and condition keys. */
export function recordAuthorizations(): {
  calls: { action: string; resource: string; context: Record<string, unknown> }[];
  authorize: OperationContext['authorize'];
} {
  const calls: { action: string; resource: string; context: Record<string, unknown> }[] = [];
  return {
    calls,
    authorize: async (action, resource, context) => {
      calls.push({ action, resource, context: { ...context } });
    },
  };
}
