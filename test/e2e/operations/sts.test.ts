import { CreateRoleCommand } from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  type Credentials,
} from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, ROOT, clients } from '../support/server.js';
import {
  allow,
  expectError,
  idPattern,
  policyDocument,
  serverForFile,
  unique,
  userClients,
} from './support.js';

// STS (https://docs.aws.amazon.com/STS/latest/APIReference/API_Operations.html; shapes and messages as recorded in
// test_sts). Temporary access key ids start with ASIA; session credentials come with a token and an expiry.
const env = serverForFile();

const STS_ACTIONS = allow(['sts:AssumeRole', 'sts:GetFederationToken', 'iam:ListUsers']);

function sessionClients(credentials: Credentials | undefined) {
  return clients(env.server, {
    accessKeyId: credentials!.AccessKeyId!,
    secretAccessKey: credentials!.SecretAccessKey!,
    sessionToken: credentials!.SessionToken!,
  });
}

function expectTemporary(credentials: Credentials | undefined, seconds: number) {
  expect(credentials!.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
  expect(credentials!.SecretAccessKey).toHaveLength(40);
  expect(credentials!.SessionToken!.length).toBeGreaterThan(40);
  expect(credentials!.Expiration).toBeInstanceOf(Date);
  const remaining = (credentials!.Expiration!.getTime() - Date.now()) / 1000;
  expect(remaining).toBeGreaterThan(seconds - 60);
  expect(remaining).toBeLessThanOrEqual(seconds + 1);
}

/** A role that trusts the account (so the caller's identity policy decides), as in the recorded test_assume_role. */
async function accountTrustedRole() {
  const name = unique('sts-role');
  const { Role } = await env.iam.send(
    new CreateRoleCommand({
      RoleName: name,
      AssumeRolePolicyDocument: policyDocument({
        Effect: 'Allow',
        Principal: { AWS: ACCOUNT },
        Action: 'sts:AssumeRole',
      }),
    }),
  );
  return Role!;
}

describe('GetCallerIdentity', () => {
  it('names the root user and an IAM user, as recorded', async () => {
    expect(await env.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:root`,
      UserId: ACCOUNT,
    });
    const caller = await userClients(env);
    const who = await caller.sts.send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: ACCOUNT, Arn: caller.userArn });
    expect(who.UserId).toMatch(idPattern('AIDA'));
  });

  it('a wrong secret is SignatureDoesNotMatch (403), an unknown key InvalidClientTokenId (403)', async () => {
    const wrongSecret = clients(env.server, {
      ...ROOT,
      secretAccessKey: ROOT.secretAccessKey.replace('w', 'x'),
    });
    await expectError(() => wrongSecret.sts.send(new GetCallerIdentityCommand({})), {
      name: 'SignatureDoesNotMatch',
      status: 403,
    });
    const unknown = clients(env.server, {
      accessKeyId: 'AKIAAAAAAAAAAAAAAAAA',
      secretAccessKey: ROOT.secretAccessKey,
    });
    await expectError(() => unknown.sts.send(new GetCallerIdentityCommand({})), {
      name: 'InvalidClientTokenId',
      status: 403,
    });
  });
});

describe('AssumeRole', () => {
  it('returns ASIA credentials and the assumed-role user, without PackedPolicySize when no policy is passed', async () => {
    const role = await accountTrustedRole();
    const caller = await userClients(env, STS_ACTIONS);
    const out = await caller.sts.send(
      new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'session-1', DurationSeconds: 900 }),
    );
    expectTemporary(out.Credentials, 900);
    expect(out.AssumedRoleUser).toEqual({
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role.RoleName}/session-1`,
      AssumedRoleId: `${role.RoleId}:session-1`,
    });
    expect(out.PackedPolicySize).toBeUndefined();
    const who = await sessionClients(out.Credentials).sts.send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Arn: out.AssumedRoleUser!.Arn, UserId: out.AssumedRoleUser!.AssumedRoleId });
  });

  it('a session policy adds PackedPolicySize', async () => {
    const role = await accountTrustedRole();
    const caller = await userClients(env, STS_ACTIONS);
    const out = await caller.sts.send(
      new AssumeRoleCommand({
        RoleArn: role.Arn,
        RoleSessionName: 'with-policy',
        Policy: allow('s3:GetObject'),
      }),
    );
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    expect(out.PackedPolicySize).toBeLessThan(100);
  });

  it('a malformed role ARN and a session name outside the pattern are ValidationError (400), as recorded', async () => {
    const caller = await userClients(env, STS_ACTIONS);
    await expectError(
      () =>
        caller.sts.send(
          new AssumeRoleCommand({ RoleArn: 'nothing-valid-in-here', RoleSessionName: 'session' }),
        ),
      { name: 'ValidationError', status: 400, message: 'nothing-valid-in-here is invalid' },
    );
    const role = await accountTrustedRole();
    await expectError(
      () => caller.sts.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'Session1:2' })),
      {
        name: 'ValidationError',
        status: 400,
        message:
          "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      },
    );
  });

  it('a caller whose identity policy does not allow it is AccessDenied (403)', async () => {
    const role = await accountTrustedRole();
    const caller = await userClients(env);
    await expectError(
      () => caller.sts.send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'denied' })),
      {
        name: 'AccessDenied',
        status: 403,
        message: `User: ${caller.userArn} is not authorized to perform: sts:AssumeRole on resource: ${role.Arn} because no identity-based policy allows the sts:AssumeRole action`,
      },
    );
  });
});

describe('GetSessionToken', () => {
  it('returns ASIA credentials that act as the user', async () => {
    const caller = await userClients(env, STS_ACTIONS);
    const { Credentials } = await caller.sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    expectTemporary(Credentials, 900);
    const who = await sessionClients(Credentials).sts.send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(caller.userArn);
  });

  it('a duration under 900 seconds is ValidationError (400)', async () => {
    const caller = await userClients(env);
    await expectError(() => caller.sts.send(new GetSessionTokenCommand({ DurationSeconds: 899 })), {
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    });
  });

  it('session credentials are AccessDenied (403)', async () => {
    const caller = await userClients(env);
    const { Credentials } = await caller.sts.send(new GetSessionTokenCommand({}));
    await expectError(() => sessionClients(Credentials).sts.send(new GetSessionTokenCommand({})), {
      name: 'AccessDenied',
      status: 403,
      message: 'Cannot call GetSessionToken with session credentials',
    });
  });
});

describe('GetFederationToken', () => {
  it('returns ASIA credentials for the federated user, as recorded', async () => {
    const caller = await userClients(env, STS_ACTIONS);
    const name = unique('fed');
    const out = await caller.sts.send(
      new GetFederationTokenCommand({ Name: name, DurationSeconds: 900, Policy: allow('iam:ListUsers') }),
    );
    expectTemporary(out.Credentials, 900);
    expect(out.FederatedUser).toEqual({
      Arn: `arn:aws:sts::${ACCOUNT}:federated-user/${name}`,
      FederatedUserId: `${ACCOUNT}:${name}`,
    });
    expect(out.PackedPolicySize).toBeGreaterThanOrEqual(0);
    const who = await sessionClients(out.Credentials).sts.send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(out.FederatedUser!.Arn);
  });

  it('a name shorter than 2 characters is ValidationError (400)', async () => {
    const caller = await userClients(env, STS_ACTIONS);
    await expectError(() => caller.sts.send(new GetFederationTokenCommand({ Name: 'x' })), {
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 2",
    });
  });

  it("a role session's credentials are AccessDenied (403)", async () => {
    const role = await accountTrustedRole();
    const caller = await userClients(env, STS_ACTIONS);
    const { Credentials } = await caller.sts.send(
      new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'fed' }),
    );
    await expectError(
      () => sessionClients(Credentials).sts.send(new GetFederationTokenCommand({ Name: unique('fed') })),
      {
        name: 'AccessDenied',
        status: 403,
        message: 'Cannot call GetFederationToken with session credentials',
      },
    );
  });
});

describe('GetAccessKeyInfo', () => {
  it('names the account of a long-term and of a temporary key', async () => {
    const caller = await userClients(env);
    const { Credentials } = await caller.sts.send(new GetSessionTokenCommand({}));
    for (const AccessKeyId of [ROOT.accessKeyId, Credentials!.AccessKeyId!]) {
      expect((await env.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId }))).Account).toBe(ACCOUNT);
    }
  });

  it('a key id shorter than 16 characters is ValidationError (400)', async () => {
    await expectError(() => env.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIA123' })), {
      name: 'ValidationError',
      status: 400,
    });
  });
});
