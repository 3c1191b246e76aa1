import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteStore } from '../store/pglite.js';
import { createAccessKey } from './access-keys/create-access-key.js';
import { listAccessKeys } from './access-keys/list-access-keys.js';
import { getAccountSummary } from './account/get-account-summary.js';
import { harness, type Harness } from './common/test-support/identities.js';
import { addUserToGroup } from './groups/add-user-to-group.js';
import { createGroup } from './groups/create-group.js';
import { listGroupsForUser } from './groups/list-groups-for-user.js';
import { createLoginProfile } from './login-profiles/create-login-profile.js';
import { createUser } from './users/create-user.js';
import { deleteUser } from './users/delete-user.js';
import { listUsers } from './users/list-users.js';
import { updateUser } from './users/update-user.js';

// The same operations on PostgreSQL (PGlite in process), where counts come back as strings, FOR UPDATE locks
// the key owner and unique violations carry SQLSTATE 23505.
let h: Harness;
beforeAll(async () => {
  h = await harness({ store: await openPgliteStore() });
}, 30_000);
afterAll(() => h.ctx.close());

describe('identity operations on PostgreSQL', () => {
  it('create, rename, duplicate names, memberships, keys, quotas and conflicts behave as on SQLite', async () => {
    await createUser(h.ctx, { UserName: 'alice', Tags: [{ Key: 'team', Value: 'red' }] });
    await expect(createUser(h.ctx, { UserName: 'ALICE' })).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
    });
    await createUser(h.ctx, { UserName: 'bob' });
    await expect(updateUser(h.ctx, { UserName: 'bob', NewUserName: 'Alice' })).rejects.toMatchObject({
      code: 'EntityAlreadyExists',
    });
    await createGroup(h.ctx, { GroupName: 'devs' });
    await addUserToGroup(h.ctx, { GroupName: 'devs', UserName: 'alice' });
    expect((await listGroupsForUser(h.ctx, { UserName: 'alice' })).Groups.map((g) => g.GroupName)).toEqual([
      'devs',
    ]);

    await createAccessKey(h.ctx, { UserName: 'bob' });
    await createAccessKey(h.ctx, { UserName: 'bob' });
    await expect(createAccessKey(h.ctx, { UserName: 'bob' })).rejects.toMatchObject({
      code: 'LimitExceeded',
    });
    expect((await listAccessKeys(h.ctx, { UserName: 'bob' })).AccessKeyMetadata).toHaveLength(2);
    await createAccessKey(h.ctx, {});

    await createLoginProfile(h.ctx, { UserName: 'alice', Password: 'Correct-Horse-42' });
    await expect(deleteUser(h.ctx, { UserName: 'alice' })).rejects.toMatchObject({
      message: 'Cannot delete entity, must delete login profile first.',
    });
    expect((await listUsers(h.ctx, {})).Users.map((u) => u.UserName)).toEqual(['alice', 'bob']);
    expect((await getAccountSummary(h.ctx, {})).SummaryMap).toMatchObject({
      Users: 2,
      Groups: 1,
      AccountAccessKeysPresent: 1,
    });
  });
});
