import {
  AttachRolePolicyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccountAliasCommand,
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  ListAccountAliasesCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import {
  accessDenied,
  allow,
  expectError,
  serverForFile,
  trustService,
  unique,
  userClients,
} from './support.js';

// Account-level settings: the alias, the password policy and the summary
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccountAlias.html and the pages it links).
// The tests in this file run in order and share the account's one alias and one password policy.
const env = serverForFile();

describe('CreateAccountAlias, ListAccountAliases, DeleteAccountAlias', () => {
  it('sets the alias, lists it, replaces it and deletes it', async () => {
    const first = unique('acme');
    await env.iam.send(new CreateAccountAliasCommand({ AccountAlias: first }));
    expect(await env.iam.send(new ListAccountAliasesCommand({}))).toMatchObject({
      AccountAliases: [first],
      IsTruncated: false,
    });
    // An account has one alias: a new one replaces the old.
    const second = unique('acme');
    await env.iam.send(new CreateAccountAliasCommand({ AccountAlias: second }));
    expect((await env.iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([second]);
    await env.iam.send(new DeleteAccountAliasCommand({ AccountAlias: second }));
    expect((await env.iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
  });

  it('CreateAccountAlias: upper case or a leading hyphen is ValidationError (400)', async () => {
    for (const alias of ['Acme', '-acme'])
      await expectError(() => env.iam.send(new CreateAccountAliasCommand({ AccountAlias: alias })), {
        name: 'ValidationError',
        status: 400,
        message:
          /Value at 'accountAlias' failed to satisfy constraint: Member must satisfy regular expression pattern/,
      });
  });

  it('DeleteAccountAlias: an alias the account does not have is NoSuchEntity (404)', async () => {
    await expectError(() => env.iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'not-our-alias' })), {
      name: 'NoSuchEntityException',
      status: 404,
    });
  });

  it('ListAccountAliases: MaxItems of 0 is ValidationError (400)', async () => {
    await expectError(() => env.iam.send(new ListAccountAliasesCommand({ MaxItems: 0 })), {
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
  });
});

describe('UpdateAccountPasswordPolicy, GetAccountPasswordPolicy, DeleteAccountPasswordPolicy', () => {
  it('without a policy, Get and Delete are NoSuchEntity (404) with AWS messages', async () => {
    await expectError(() => env.iam.send(new GetAccountPasswordPolicyCommand({})), {
      name: 'NoSuchEntityException',
      status: 404,
      message: `The Password Policy with domain name ${ACCOUNT} cannot be found.`,
    });
    await expectError(() => env.iam.send(new DeleteAccountPasswordPolicyCommand({})), {
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The account policy with name PasswordPolicy cannot be found.',
    });
  });

  it('an empty update sets AWS defaults (recorded: test_update_account_password_policy_defaults)', async () => {
    await env.iam.send(new UpdateAccountPasswordPolicyCommand({}));
    const { PasswordPolicy } = await env.iam.send(new GetAccountPasswordPolicyCommand({}));
    expect(PasswordPolicy).toEqual({
      AllowUsersToChangePassword: false,
      ExpirePasswords: false,
      MinimumPasswordLength: 6,
      RequireLowercaseCharacters: false,
      RequireNumbers: false,
      RequireSymbols: false,
      RequireUppercaseCharacters: false,
    });
  });

  it('custom values are returned as set, and delete removes them', async () => {
    await env.iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 10,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        MaxPasswordAge: 60,
        PasswordReusePrevention: 3,
        HardExpiry: true,
      }),
    );
    const { PasswordPolicy } = await env.iam.send(new GetAccountPasswordPolicyCommand({}));
    expect(PasswordPolicy).toEqual({
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      HardExpiry: true,
      MaxPasswordAge: 60,
      MinimumPasswordLength: 10,
      PasswordReusePrevention: 3,
      RequireLowercaseCharacters: true,
      RequireNumbers: true,
      RequireSymbols: true,
      RequireUppercaseCharacters: true,
    });
    const out = await env.iam.send(new DeleteAccountPasswordPolicyCommand({}));
    expect(out.$metadata.httpStatusCode).toBe(200);
    await expectError(() => env.iam.send(new GetAccountPasswordPolicyCommand({})), {
      name: 'NoSuchEntityException',
      status: 404,
    });
  });

  it('values out of range are one ValidationError (400) listing each', async () => {
    await expectError(
      () =>
        env.iam.send(
          new UpdateAccountPasswordPolicyCommand({
            MinimumPasswordLength: 129,
            PasswordReusePrevention: 25,
            MaxPasswordAge: 1096,
          }),
        ),
      {
        name: 'ValidationError',
        status: 400,
        message:
          "3 validation errors detected: Value at 'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128; " +
          "Value at 'passwordReusePrevention' failed to satisfy constraint: Member must have value less than or equal to 24; " +
          "Value at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095",
      },
    );
  });
});

describe('GetAccountSummary', () => {
  it('reports the quotas and counts that follow the entities created', async () => {
    const before = (await env.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(before).toMatchObject({
      AccessKeysPerUserQuota: 2,
      AttachedPoliciesPerRoleQuota: 10,
      PolicySizeQuota: 6144,
      UsersQuota: 5000,
      VersionsPerPolicyQuota: 5,
      GlobalEndpointTokenVersion: 1,
    });
    expect(Object.keys(before)).toHaveLength(34);

    await env.iam.send(new CreateUserCommand({ UserName: unique('u') }));
    await env.iam.send(new CreateGroupCommand({ GroupName: unique('g') }));
    const role = unique('r');
    await env.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trustService() }));
    await env.iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: unique('ip') }));
    const { Policy } = await env.iam.send(
      new CreatePolicyCommand({ PolicyName: unique('p'), PolicyDocument: allow('s3:GetObject') }),
    );
    await env.iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: Policy!.Arn }));

    const after = (await env.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    // Deltas as recorded (test_get_account_summary_with_resources).
    const counted = [
      'Users',
      'Groups',
      'Roles',
      'InstanceProfiles',
      'Policies',
      'PolicyVersionsInUse',
    ] as const;
    for (const key of counted) expect(after[key], key).toBe(before[key]! + 1);
  });

  it('a caller without iam:GetAccountSummary is AccessDenied (403)', async () => {
    const caller = await userClients(env);
    await expectError(
      () => caller.iam.send(new GetAccountSummaryCommand({})),
      accessDenied(caller.userArn, 'iam:GetAccountSummary', '*'),
    );
  });
});
