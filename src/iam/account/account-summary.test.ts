import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccessKey } from '../access-keys/create-access-key.js';
import {
  harness,
  storeAttachment,
  storeCustomerPolicy,
  type Harness,
} from '../common/test-support/identities.js';
import { createGroup } from '../groups/create-group.js';
import { createUser } from '../users/create-user.js';
import { getAccountSummary } from './get-account-summary.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

/** The quotas AWS reported (recorded: test_get_account_summary_format). */
const RECORDED_QUOTAS = {
  AccessKeysPerUserQuota: 2,
  AssumeRolePolicySizeQuota: 2048,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: 10,
  AttachedPoliciesPerUserQuota: 10,
  GlobalEndpointTokenVersion: 1,
  GroupPolicySizeQuota: 5120,
  GroupsPerUserQuota: 10,
  GroupsQuota: 300,
  InstanceProfilesQuota: 1000,
  PoliciesQuota: 1500,
  PolicySizeQuota: 6144,
  PolicyVersionsInUseQuota: 10000,
  RolePolicySizeQuota: 10240,
  RolesQuota: 1000,
  ServerCertificatesQuota: 20,
  SigningCertificatesPerUserQuota: 2,
  UserPolicySizeQuota: 2048,
  UsersQuota: 5000,
  VersionsPerPolicyQuota: 5,
};

describe('GetAccountSummary', () => {
  it('has the 34 keys AWS returns, with its quota values', async () => {
    const { SummaryMap } = await getAccountSummary(h.ctx, {});
    expect(Object.keys(SummaryMap!).sort()).toEqual(
      [
        ...Object.keys(RECORDED_QUOTAS),
        'AccountAccessKeysPresent',
        'AccountMFAEnabled',
        'AccountPasswordPresent',
        'AccountSigningCertificatesPresent',
        'Groups',
        'InstanceProfiles',
        'MFADevices',
        'MFADevicesInUse',
        'Policies',
        'PolicyVersionsInUse',
        'Providers',
        'Roles',
        'ServerCertificates',
        'Users',
      ].sort(),
    );
    expect(SummaryMap).toMatchObject(RECORDED_QUOTAS);
    expect(h.calls).toEqual([{ action: 'iam:GetAccountSummary', resource: '*', context: {} }]);
  });

  it('counts the account entities', async () => {
    const { User } = await createUser(h.ctx, { UserName: 'alice' });
    await createUser(h.ctx, { UserName: 'bob' });
    await createGroup(h.ctx, { GroupName: 'devs' });
    await storeAttachment(h.ctx, 'user', User!.UserId, await storeCustomerPolicy(h.ctx, 'P'));
    await createAccessKey(h.ctx, {});
    expect((await getAccountSummary(h.ctx, {})).SummaryMap).toMatchObject({
      Users: 2,
      Groups: 1,
      Roles: 0,
      Policies: 1,
      PolicyVersionsInUse: 1,
      AccountAccessKeysPresent: 1,
    });
  });

  it('counts only the caller account', async () => {
    await createUser(h.ctx, { UserName: 'alice' });
    await h.ctx.store.db
      .insertInto('accounts')
      .values({ id: '210987654321', alias: null, password_policy: null, created_at: h.ctx.now.toISOString() })
      .execute();
    const other = { ...h.ctx, accountId: '210987654321' };
    expect((await getAccountSummary(other, {})).SummaryMap).toMatchObject({ Users: 0 });
  });
});
