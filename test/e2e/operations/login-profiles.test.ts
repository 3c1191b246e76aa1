import {
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteLoginProfileCommand,
  GetLoginProfileCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { expectError, serverForFile, unique } from './support.js';

// Console passwords (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html and the pages
// it links; recorded: test_login_profile_lifecycle, test_login_profile_errors).
const env = serverForFile();

const PASSWORD = 'Correct-Horse-42';

const noSuchUser = (name: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `The user with name ${name} cannot be found.`,
});
const noSuchProfile = (name: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `Login Profile for User ${name} cannot be found.`,
});

async function createUser() {
  const name = unique('console');
  await env.iam.send(new CreateUserCommand({ UserName: name }));
  return name;
}

async function userWithProfile() {
  const name = await createUser();
  await env.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: PASSWORD }));
  return name;
}

describe('CreateLoginProfile', () => {
  it('returns the profile, never the password', async () => {
    const name = await createUser();
    const out = await env.iam.send(
      new CreateLoginProfileCommand({ UserName: name, Password: PASSWORD, PasswordResetRequired: true }),
    );
    expect(out.LoginProfile).toMatchObject({ UserName: name, PasswordResetRequired: true });
    expect(out.LoginProfile!.CreateDate).toBeInstanceOf(Date);
    expect(JSON.stringify(out)).not.toContain(PASSWORD);
  });

  it('a second profile is EntityAlreadyExists (409)', async () => {
    const name = await userWithProfile();
    await expectError(
      () => env.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: PASSWORD })),
      {
        name: 'EntityAlreadyExistsException',
        status: 409,
        message: `Login Profile for user ${name} already exists.`,
      },
    );
  });

  it('a missing user is NoSuchEntity (404)', async () => {
    await expectError(
      () => env.iam.send(new CreateLoginProfileCommand({ UserName: 'nonexistent-user', Password: PASSWORD })),
      noSuchUser('nonexistent-user'),
    );
  });

  it('a password the account password policy refuses is PasswordPolicyViolation (400)', async () => {
    const name = await createUser();
    await env.iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 20 }));
    try {
      await expectError(
        () => env.iam.send(new CreateLoginProfileCommand({ UserName: name, Password: PASSWORD })),
        {
          name: 'PasswordPolicyViolationException',
          status: 400,
          message: 'Password should have a minimum length of 20',
        },
      );
    } finally {
      await env.iam.send(new DeleteAccountPasswordPolicyCommand({}));
    }
  });
});

describe('GetLoginProfile', () => {
  it('returns the creation date and the reset flag', async () => {
    const name = await userWithProfile();
    const { LoginProfile } = await env.iam.send(new GetLoginProfileCommand({ UserName: name }));
    expect(LoginProfile).toMatchObject({ UserName: name, PasswordResetRequired: false });
    expect(LoginProfile!.CreateDate).toBeInstanceOf(Date);
  });

  it('a user without a profile is NoSuchEntity (404)', async () => {
    const name = await createUser();
    await expectError(
      () => env.iam.send(new GetLoginProfileCommand({ UserName: name })),
      noSuchProfile(name),
    );
  });
});

describe('UpdateLoginProfile', () => {
  it('changes the password and the reset flag', async () => {
    const name = await userWithProfile();
    await env.iam.send(
      new UpdateLoginProfileCommand({
        UserName: name,
        Password: 'Another-Pass-77',
        PasswordResetRequired: true,
      }),
    );
    const { LoginProfile } = await env.iam.send(new GetLoginProfileCommand({ UserName: name }));
    expect(LoginProfile!.PasswordResetRequired).toBe(true);
  });

  it('a user without a profile is NoSuchEntity (404)', async () => {
    const name = await createUser();
    await expectError(
      () => env.iam.send(new UpdateLoginProfileCommand({ UserName: name, PasswordResetRequired: true })),
      noSuchProfile(name),
    );
  });
});

describe('DeleteLoginProfile', () => {
  it('removes the profile', async () => {
    const name = await userWithProfile();
    const out = await env.iam.send(new DeleteLoginProfileCommand({ UserName: name }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    await expectError(
      () => env.iam.send(new GetLoginProfileCommand({ UserName: name })),
      noSuchProfile(name),
    );
  });

  it('a user without a profile, or a missing user, is NoSuchEntity (404)', async () => {
    const name = await createUser();
    await expectError(
      () => env.iam.send(new DeleteLoginProfileCommand({ UserName: name })),
      noSuchProfile(name),
    );
    await expectError(
      () => env.iam.send(new DeleteLoginProfileCommand({ UserName: 'nonexistent-user' })),
      noSuchUser('nonexistent-user'),
    );
  });
});
