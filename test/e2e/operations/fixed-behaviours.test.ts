import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  GetAccountSummaryCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetFederationTokenCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, clients } from '../support/server.js';
import { allow, expectError, serverForFile, unique, userClients } from './support.js';

// Behaviours the end-to-end coverage run found wrong, pinned now they are fixed.
const env = serverForFile();

describe('fixed behaviours', () => {
  it('AWS managed policies are readable in the caller account (recorded: test_get_aws_managed_policy)', async () => {
    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    const { Policy } = await env.iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(Policy).toMatchObject({ Arn: arn, PolicyName: 'ReadOnlyAccess' });
    const { PolicyVersion } = await env.iam.send(
      new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: Policy!.DefaultVersionId! }),
    );
    expect(PolicyVersion?.IsDefaultVersion).toBe(true);
  });

  it('GetAccountSummary counts identity providers (recorded: test_get_account_summary_with_resources)', async () => {
    const before = (await env.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!['Providers']!;
    await env.iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: `https://${unique('idp')}.example.com`,
        ClientIDList: ['app'],
      }),
    );
    expect((await env.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!['Providers']).toBe(before + 1);
  });

  it('the root user cannot assume a role (STS API reference, AssumeRole)', async () => {
    const name = unique('role');
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }],
    });
    await env.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }));
    await expectError(
      () =>
        env.sts.send(
          new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${name}`, RoleSessionName: 'root' }),
        ),
      { name: 'AccessDenied', status: 403, message: 'Roles may not be assumed by root accounts.' },
    );
  });

  it('GetSessionToken credentials cannot call GetFederationToken (IAM User Guide, comparing STS credentials)', async () => {
    const { sts } = await userClients(env, allow('sts:GetFederationToken'));
    const { Credentials } = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const session = clients(env.server, {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    });
    await expectError(() => session.sts.send(new GetFederationTokenCommand({ Name: 'partner' })), {
      name: 'AccessDenied',
      status: 403,
    });
  });
});
