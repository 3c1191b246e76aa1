import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccessKeyLastUsedCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListRolesCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { signIn } from '../support/console.js';
import { ACCOUNT, ROOT, startTestServer } from '../support/server.js';
import { policyDocument } from './support.js';

// Last-used data: GetAccessKeyLastUsed (API_GetAccessKeyLastUsed, API_AccessKeyLastUsed), PasswordLastUsed on
// GetUser and ListUsers (API_User), RoleLastUsed on GetRole (API_RoleLastUsed). iamd writes a key's use at most once a
// minute (docs/architecture.md, "Last-used data"); AWS documents coarser tracking.

let server: RunningServer;
let offsetMs = 0;

/** Clients signing with the server's shifted clock; fresh ones after a shift (the SDK re-learns its offset). */
function client(credentials: AwsCredentialIdentity = ROOT, region = 'us-east-1') {
  const config = { endpoint: server.url, region, credentials, maxAttempts: 1, systemClockOffset: offsetMs };
  return { iam: new IAMClient(config), sts: new STSClient(config) };
}

async function newUserKey(name: string): Promise<AwsCredentialIdentity> {
  const { iam } = client();
  await iam.send(new CreateUserCommand({ UserName: name }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

const lastUse = async (accessKeyId: string) =>
  (await client().iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }))).AccessKeyLastUsed!;

/** The server's clock, truncated to the second as IAM's dates are. */
const serverSecond = () => Math.floor((Date.now() + offsetMs) / 1000) * 1000;

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date(Date.now() + offsetMs) });
});
afterAll(() => server.close());
beforeEach(async () => {
  offsetMs = 0;
  expect((await fetch(`${server.url}/_iamd/reset`, { method: 'POST' })).status).toBe(200);
});

describe('GetAccessKeyLastUsed', () => {
  it('a key never used has no LastUsedDate and N/A for service and region, as AWS returns it', async () => {
    const key = await newUserKey('fresh');
    const out = await client().iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.accessKeyId }));
    expect(out).toMatchObject({
      UserName: 'fresh',
      AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' },
    });
    expect(out.AccessKeyLastUsed!.LastUsedDate).toBeUndefined();
  });

  it('the first use is recorded at once, with its date, service and the region of its credential scope', async () => {
    const key = await newUserKey('first');
    const before = serverSecond();
    await client(key, 'eu-west-3').sts.send(new GetCallerIdentityCommand({}));
    const used = await lastUse(key.accessKeyId);
    expect(used).toMatchObject({ ServiceName: 'sts', Region: 'eu-west-3' });
    expect(used.LastUsedDate!.getTime()).toBeGreaterThanOrEqual(before);
    expect(used.LastUsedDate!.getTime()).toBeLessThanOrEqual(serverSecond());
  });

  it('the root key’s first use after a reset is recorded, however recently it was used before', async () => {
    await client().iam.send(new ListUsersCommand({}));
    expect((await fetch(`${server.url}/_iamd/reset`, { method: 'POST' })).status).toBe(200);
    // The reading call is itself the first use of the fresh account's root key.
    expect(await lastUse(ROOT.accessKeyId)).toMatchObject({ ServiceName: 'iam', Region: 'us-east-1' });
  });

  it('later uses within a minute keep the first; a use a minute later replaces it', async () => {
    const key = await newUserKey('often');
    await client(key).sts.send(new GetCallerIdentityCommand({}));
    await client(key, 'ap-south-1').sts.send(new GetCallerIdentityCommand({}));
    expect(await lastUse(key.accessKeyId)).toMatchObject({ ServiceName: 'sts', Region: 'us-east-1' });
    offsetMs = 61_000;
    const before = serverSecond();
    await client(key, 'ap-south-1').sts.send(new GetCallerIdentityCommand({}));
    const later = await lastUse(key.accessKeyId);
    expect(later).toMatchObject({ ServiceName: 'sts', Region: 'ap-south-1' });
    expect(later.LastUsedDate!.getTime()).toBeGreaterThanOrEqual(before);
  });
});

describe('PasswordLastUsed', () => {
  it('appears on GetUser and ListUsers once the password signed in to the console, and not before', async () => {
    const { iam } = client();
    await iam.send(new CreateUserCommand({ UserName: 'console' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'console', Password: 'Console-pass-1' }));
    await iam.send(new CreateUserCommand({ UserName: 'api-only' }));
    expect(
      (await iam.send(new GetUserCommand({ UserName: 'console' }))).User!.PasswordLastUsed,
    ).toBeUndefined();
    const before = serverSecond();
    const signin = await signIn(server, { account: ACCOUNT, user: 'console', password: 'Console-pass-1' });
    expect(signin.body['status'], signin.text).toBe('signedIn');
    const got = (await iam.send(new GetUserCommand({ UserName: 'console' }))).User!.PasswordLastUsed!;
    expect(got.getTime()).toBeGreaterThanOrEqual(before);
    expect(got.getTime()).toBeLessThanOrEqual(serverSecond());
    const listed = await iam.send(new ListUsersCommand({}));
    const byName = Object.fromEntries(listed.Users!.map((u) => [u.UserName, u]));
    expect(byName['console']!.PasswordLastUsed).toEqual(got);
    expect(byName['api-only']!.PasswordLastUsed).toBeUndefined();
  });
});

describe('RoleLastUsed', () => {
  it('AssumeRole sets GetRole’s LastUsedDate and Region (the region the role was assumed in)', async () => {
    const key = await newUserKey('assumer');
    const { iam } = client();
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'used-role',
        AssumeRolePolicyDocument: policyDocument({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/assumer` },
          Action: 'sts:AssumeRole',
        }),
      }),
    );
    expect((await iam.send(new GetRoleCommand({ RoleName: 'used-role' }))).Role!.RoleLastUsed).toEqual({});
    const before = serverSecond();
    await client(key, 'eu-central-1').sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT}:role/used-role`,
        RoleSessionName: 'session',
      }),
    );
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'used-role' }));
    expect(Role!.RoleLastUsed!.Region).toBe('eu-central-1');
    expect(Role!.RoleLastUsed!.LastUsedDate!.getTime()).toBeGreaterThanOrEqual(before);
    expect(Role!.RoleLastUsed!.LastUsedDate!.getTime()).toBeLessThanOrEqual(serverSecond());
    // ListRoles never carries it (recorded: test_iam_roles).
    const listed = await iam.send(new ListRolesCommand({}));
    expect(listed.Roles!.find((r) => r.RoleName === 'used-role')!.RoleLastUsed).toBeUndefined();
  });
});
