import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { ACCOUNT, clients, errorOf, startTestServer } from './support/server.js';

// STS through the SDK (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html and
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html for role chaining).
let server: RunningServer;
let now = new Date();
beforeAll(async () => {
  server = await startTestServer({ clock: () => now });
});
afterAll(() => server.close());

const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const trust = (principal: object, condition?: object) =>
  doc({
    Effect: 'Allow',
    Principal: principal,
    Action: ['sts:AssumeRole', 'sts:TagSession'],
    ...(condition ? { Condition: condition } : {}),
  });

async function userWithKey(name: string, policy?: string) {
  const { iam } = clients(server);
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (policy)
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return clients(server, {
    accessKeyId: AccessKey!.AccessKeyId!,
    secretAccessKey: AccessKey!.SecretAccessKey!,
  });
}

async function role(name: string, trustPolicy: string, permissions: string, maxSession?: number) {
  const { iam } = clients(server);
  await iam.send(
    new CreateRoleCommand({
      RoleName: name,
      AssumeRolePolicyDocument: trustPolicy,
      MaxSessionDuration: maxSession,
    }),
  );
  await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'p', PolicyDocument: permissions }));
  return `arn:aws:iam::${ACCOUNT}:role/${name}`;
}

function asSession(
  credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined,
) {
  return clients(server, {
    accessKeyId: credentials!.AccessKeyId!,
    secretAccessKey: credentials!.SecretAccessKey!,
    sessionToken: credentials!.SessionToken!,
  });
}

const listUsers = doc({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' });

describe('AssumeRole', () => {
  it('a trust policy naming the user is enough; the session acts with the role policies', async () => {
    const alice = await userWithKey('alice');
    const arn = await role('reader', trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }), listUsers);
    const out = await alice.sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'work' }));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/reader/work`);
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:work$/);
    const session = asSession(out.Credentials);
    const who = await session.sts.send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/reader/work`,
      UserId: out.AssumedRoleUser?.AssumedRoleId,
    });
    await session.iam.send(new ListUsersCommand({}));
    const error = await errorOf(() => session.iam.send(new CreateUserCommand({ UserName: 'nope' })));
    expect(error.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/reader/work is not authorized to perform: iam:CreateUser on resource: ` +
        `arn:aws:iam::${ACCOUNT}:user/nope because no identity-based policy allows the iam:CreateUser action`,
    );
    expect(
      (await clients(server).iam.send(new GetRoleCommand({ RoleName: 'reader' }))).Role?.RoleLastUsed
        ?.LastUsedDate,
    ).toBeInstanceOf(Date);
  });

  it('a trust policy naming only the account needs the caller identity policy too', async () => {
    const arn = await role('delegated', trust({ AWS: ACCOUNT }), listUsers);
    const without = await userWithKey('bob');
    expect(
      (
        await errorOf(() =>
          without.sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'sess' })),
        )
      ).name,
    ).toBe('AccessDenied');
    const withPolicy = await userWithKey(
      'carol',
      doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: arn }),
    );
    await withPolicy.sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'sess' }));
  });

  it('a trust policy that names someone else refuses, even with an identity policy that allows', async () => {
    const arn = await role('private', trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/somebody` }), listUsers);
    const dave = await userWithKey('dave', doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }));
    const error = await errorOf(() =>
      dave.sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'sess' })),
    );
    expect(error).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(error.message).toContain(`is not authorized to perform: sts:AssumeRole on resource: ${arn}`);
  });

  it('ExternalId is checked by the trust policy condition', async () => {
    const erin = await userWithKey('erin');
    const arn = await role(
      'vendor',
      trust(
        { AWS: `arn:aws:iam::${ACCOUNT}:user/erin` },
        { StringEquals: { 'sts:ExternalId': 'secret-42' } },
      ),
      listUsers,
    );
    expect(
      (await errorOf(() => erin.sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'sess' }))))
        .name,
    ).toBe('AccessDenied');
    await erin.sts.send(
      new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'sess', ExternalId: 'secret-42' }),
    );
  });

  it('DurationSeconds stays within MaxSessionDuration, and role chaining is capped at one hour', async () => {
    const frank = await userWithKey('frank');
    const arn = await role(
      'long',
      trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }),
      doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
      7200,
    );
    await clients(server).iam.send(
      new PutUserPolicyCommand({
        UserName: 'frank',
        PolicyName: 'assume',
        PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
      }),
    );
    const tooLong = await errorOf(() =>
      frank.sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'sess', DurationSeconds: 7201 })),
    );
    expect(tooLong).toMatchObject({
      name: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
    const out = await frank.sts.send(
      new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'sess', DurationSeconds: 7200 }),
    );
    expect(out.Credentials!.Expiration!.getTime() - now.getTime()).toBeGreaterThan(7190_000);
    const chained = await errorOf(() =>
      asSession(out.Credentials).sts.send(
        new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'again', DurationSeconds: 3601 }),
      ),
    );
    expect(chained.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
    await asSession(out.Credentials).sts.send(
      new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'again', DurationSeconds: 3600 }),
    );
  });

  it('a session policy limits the session to the intersection', async () => {
    const grace = await userWithKey('grace');
    const arn = await role(
      'broad',
      trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/grace` }),
      doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
    );
    const out = await grace.sts.send(
      new AssumeRoleCommand({
        RoleArn: arn,
        RoleSessionName: 'sess',
        Policy: doc({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }),
      }),
    );
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    const session = asSession(out.Credentials);
    await session.iam.send(new ListUsersCommand({}));
    const error = await errorOf(() => session.iam.send(new GetRoleCommand({ RoleName: 'broad' })));
    expect(error.message).toMatch(/because no session policy allows the iam:GetRole action$/);
  });

  it('an expired session is refused with ExpiredToken, a tampered token with InvalidClientTokenId', async () => {
    const heidi = await userWithKey('heidi');
    const arn = await role('short', trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/heidi` }), listUsers);
    const out = await heidi.sts.send(
      new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'sess', DurationSeconds: 900 }),
    );
    const tampered = {
      ...out.Credentials,
      SessionToken: out.Credentials!.SessionToken!.slice(0, -4) + 'AAAA',
    };
    expect((await errorOf(() => asSession(tampered).sts.send(new GetCallerIdentityCommand({})))).name).toBe(
      'InvalidClientTokenId',
    );
    const started = now;
    now = new Date(started.getTime() + 901_000);
    try {
      // The client's clock moves with the server's, so only the token is out of date.
      const { sts } = asSession(out.Credentials);
      sts.config.systemClockOffset = 901_000;
      const error = await errorOf(() => sts.send(new GetCallerIdentityCommand({})));
      expect(error.name).toBe('ExpiredToken');
    } finally {
      now = started;
    }
  });
});

describe('other STS operations', () => {
  it('GetSessionToken gives credentials that act as the user; they cannot call it again', async () => {
    const ivan = await userWithKey('ivan', listUsers);
    const out = await ivan.sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const session = asSession(out.Credentials);
    expect((await session.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:iam::${ACCOUNT}:user/ivan`,
    );
    // Without MFA such credentials reach no IAM operation, and of STS only AssumeRole and GetCallerIdentity
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html#stsapi_comparison).
    expect((await errorOf(() => session.iam.send(new ListUsersCommand({})))).name).toBe(
      'InvalidClientTokenId',
    );
    expect((await errorOf(() => session.sts.send(new GetSessionTokenCommand({})))).name).toBe('AccessDenied');
  });

  it('GetFederationToken: a federated user session, which reaches no IAM operation', async () => {
    const judy = await userWithKey(
      'judy',
      doc({
        Effect: 'Allow',
        Action: ['iam:ListUsers', 'iam:GetUser', 'sts:GetFederationToken'],
        Resource: '*',
      }),
    );
    const out = await judy.sts.send(
      new GetFederationTokenCommand({
        Name: 'partner',
        Policy: doc({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }),
      }),
    );
    expect(out.FederatedUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:federated-user/partner`);
    const session = asSession(out.Credentials);
    expect((await session.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:sts::${ACCOUNT}:federated-user/partner`,
    );
    // Federation credentials reach no IAM operation (same comparison page); the intersection of permissions is
    // pinned by the engine's session-policy scenarios.
    expect((await errorOf(() => session.iam.send(new ListUsersCommand({})))).name).toBe(
      'InvalidClientTokenId',
    );
  });

  it('GetAccessKeyInfo reports the account of a key', async () => {
    const { sts } = clients(server);
    expect(
      (await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }))).Account,
    ).toBe(ACCOUNT);
  });
});
