import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../common/test-support/identities.js';
import { createAccountAlias } from './create-account-alias.js';
import { deleteAccountAlias } from './delete-account-alias.js';
import { listAccountAliases } from './list-account-aliases.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

describe('account alias', () => {
  it('creates, lists and deletes (recorded: test_account_alias_lifecycle)', async () => {
    expect(await listAccountAliases(h.ctx, {})).toEqual({ AccountAliases: [], IsTruncated: false });
    expect(await createAccountAlias(h.ctx, { AccountAlias: 'my-company' })).toEqual({});
    expect(await listAccountAliases(h.ctx, {})).toEqual({
      AccountAliases: ['my-company'],
      IsTruncated: false,
    });
    expect(await deleteAccountAlias(h.ctx, { AccountAlias: 'my-company' })).toEqual({});
    expect((await listAccountAliases(h.ctx, {})).AccountAliases).toEqual([]);
  });

  it('a new alias replaces the old one: an account has at most one', async () => {
    await createAccountAlias(h.ctx, { AccountAlias: 'first' });
    await createAccountAlias(h.ctx, { AccountAlias: 'second' });
    expect((await listAccountAliases(h.ctx, {})).AccountAliases).toEqual(['second']);
  });

  it('refuses an alias another account has', async () => {
    await h.ctx.store.db
      .insertInto('accounts')
      .values({
        id: '210987654321',
        alias: 'taken',
        password_policy: null,
        created_at: h.ctx.now.toISOString(),
      })
      .execute();
    await expect(createAccountAlias(h.ctx, { AccountAlias: 'taken' })).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
    });
  });

  it('refuses to delete an alias the account does not have', async () => {
    await createAccountAlias(h.ctx, { AccountAlias: 'mine' });
    await expect(deleteAccountAlias(h.ctx, { AccountAlias: 'other' })).rejects.toMatchObject({
      code: 'NoSuchEntity',
    });
    expect((await listAccountAliases(h.ctx, {})).AccountAliases).toEqual(['mine']);
  });

  it('validates the alias as the model says', async () => {
    for (const bad of ['UPPER', 'double--hyphen', '-leading', 'trailing-', 'ab']) {
      await expect(createAccountAlias(h.ctx, { AccountAlias: bad })).rejects.toMatchObject({
        code: 'ValidationError',
      });
    }
  });

  it('authorizes on *', async () => {
    await createAccountAlias(h.ctx, { AccountAlias: 'mine' });
    await listAccountAliases(h.ctx, {});
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([
      ['iam:CreateAccountAlias', '*'],
      ['iam:ListAccountAliases', '*'],
    ]);
  });
});
