import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteUserPolicyCommand,
  GetUserCommand,
  ListUsersCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { clients, errorOf, startTestServer } from './support/server.js';

// Every call is authorized by the policy engine, with AWS's AccessDenied messages
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const allow = (action: string, resource = '*') =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: resource }],
  });
const deny = (action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: '*' }] });

async function userWithKey(name: string) {
  const { iam } = clients(server);
  await iam.send(new CreateUserCommand({ UserName: name }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return clients(server, {
    accessKeyId: AccessKey!.AccessKeyId!,
    secretAccessKey: AccessKey!.SecretAccessKey!,
  });
}

describe('authorization', () => {
  it('a user without policies is denied with AWS message, and GetCallerIdentity needs no permission', async () => {
    const bob = await userWithKey('bob');
    expect((await bob.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      'arn:aws:iam::123456789012:user/bob',
    );
    const error = await errorOf(() => bob.iam.send(new CreateUserCommand({ UserName: 'mallory' })));
    expect(error).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message:
        'User: arn:aws:iam::123456789012:user/bob is not authorized to perform: iam:CreateUser on resource: ' +
        'arn:aws:iam::123456789012:user/mallory because no identity-based policy allows the iam:CreateUser action',
    });
  });

  it('an inline policy grants, and removing it takes the grant away at once', async () => {
    const carol = await userWithKey('carol');
    const { iam } = clients(server);
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'carol',
        PolicyName: 'read',
        PolicyDocument: allow('iam:GetUser'),
      }),
    );
    expect((await carol.iam.send(new GetUserCommand({ UserName: 'carol' }))).User?.UserName).toBe('carol');
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'carol', PolicyName: 'read' }));
    expect((await errorOf(() => carol.iam.send(new GetUserCommand({ UserName: 'carol' })))).name).toBe(
      'AccessDenied',
    );
  });

  it('an attached managed policy grants; an explicit deny wins over it', async () => {
    const dave = await userWithKey('dave');
    const { iam } = clients(server);
    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'list-users', PolicyDocument: allow('iam:ListUsers') }),
    );
    await iam.send(new AttachUserPolicyCommand({ UserName: 'dave', PolicyArn: Policy!.Arn! }));
    await dave.iam.send(new ListUsersCommand({}));
    await iam.send(
      new PutUserPolicyCommand({ UserName: 'dave', PolicyName: 'no', PolicyDocument: deny('iam:List*') }),
    );
    const error = await errorOf(() => dave.iam.send(new ListUsersCommand({})));
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toMatch(/with an explicit deny in an identity-based policy$/);
  });

  it('a permissions boundary limits what the identity policies grant', async () => {
    const erin = await userWithKey('erin');
    const { iam } = clients(server);
    await iam.send(
      new PutUserPolicyCommand({ UserName: 'erin', PolicyName: 'all', PolicyDocument: allow('iam:*') }),
    );
    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'only-get', PolicyDocument: allow('iam:GetUser') }),
    );
    await iam.send(
      new PutUserPermissionsBoundaryCommand({ UserName: 'erin', PermissionsBoundary: Policy!.Arn! }),
    );
    await erin.iam.send(new GetUserCommand({ UserName: 'erin' }));
    const error = await errorOf(() => erin.iam.send(new ListUsersCommand({})));
    expect(error.message).toMatch(/because no permissions boundary allows the iam:ListUsers action$/);
  });

  it('AWS managed policies grant what their documents say (AmazonEC2FullAccess gives no IAM access)', async () => {
    const frank = await userWithKey('frank');
    const { iam } = clients(server);
    await iam.send(
      new AttachUserPolicyCommand({
        UserName: 'frank',
        PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess',
      }),
    );
    await frank.iam.send(new ListUsersCommand({}));
    expect((await errorOf(() => frank.iam.send(new CreateUserCommand({ UserName: 'x' })))).name).toBe(
      'AccessDenied',
    );
  });
});
