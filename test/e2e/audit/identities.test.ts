import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetUserCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { ACCOUNT, clients, ROOT, startTestServer } from '../support/server.js';
import { only, recordsOf } from './records.js';

/**
 * Each kind of identity produces events with CloudTrail's userIdentity (CloudTrail user guide, "CloudTrail
 * userIdentity element"): Root, IAMUser, AssumedRole with its sessionContext, and IAMUser with session attributes
 * for GetSessionToken credentials.
 */
let server: RunningServer;
const ROOT_ARN = `arn:aws:iam::${ACCOUNT}:root`;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('audit: who made the call', () => {
  it('the root user: type Root, the account as principal, the access key', async () => {
    const { iam, sts } = clients(server);
    await sts.send(new GetCallerIdentityCommand({}));
    const created = await iam.send(new CreateUserCommand({ UserName: 'bob', Path: '/audit/' }));
    const records = await recordsOf(server);
    const event = only(records, 'CreateUser');
    expect(event.userIdentity).toEqual({
      type: 'Root',
      principalId: ACCOUNT,
      arn: ROOT_ARN,
      accountId: ACCOUNT,
      accessKeyId: ROOT.accessKeyId,
    });
    // The documented CreateUser example: requestParameters {userName, path}; responseElements.user with the
    // user's path, name, id, ARN and creation date.
    const user = created.User!;
    expect(event).toMatchObject({
      eventVersion: '1.08',
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      requestParameters: { userName: 'bob', path: '/audit/' },
      responseElements: {
        user: {
          path: '/audit/',
          userName: 'bob',
          userId: user.UserId,
          arn: user.Arn,
          createDate: expect.any(String),
        },
      },
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: 'Management',
    });
    expect((event.responseElements as { user: { createDate: string } }).user.createDate).toMatch(
      /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2} (AM|PM)$/,
    );
    expect(event.eventTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(event.eventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.userAgent).toContain('aws-sdk-js');
    const whoAmI = only(records, 'GetCallerIdentity');
    expect(whoAmI).toMatchObject({
      eventSource: 'sts.amazonaws.com',
      requestParameters: null,
      responseElements: null,
      readOnly: true,
    });
    // LookupEvents' resource attributes.
    const rows = await server.store.db.selectFrom('audit_event_keys').selectAll().execute();
    expect(rows).toContainEqual(expect.objectContaining({ attribute: 'ResourceName', value: 'bob' }));
    expect(rows).toContainEqual(
      expect.objectContaining({ attribute: 'ResourceType', value: 'AWS::IAM::User' }),
    );
  });

  it('AttachUserPolicy as CloudTrail documents it: the user and policy ARN, and null responseElements', async () => {
    const { iam } = clients(server);
    const policyArn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    await iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: policyArn }));
    const event = only(await recordsOf(server), 'AttachUserPolicy');
    expect(event).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      awsRegion: 'us-east-1',
      requestParameters: { userName: 'bob', policyArn },
      responseElements: null,
      readOnly: false,
    });
    const rows = await server.store.db.selectFrom('audit_event_keys').selectAll().execute();
    expect(rows).toContainEqual(expect.objectContaining({ attribute: 'ResourceName', value: policyArn }));
    expect(rows).toContainEqual(
      expect.objectContaining({ attribute: 'ResourceType', value: 'AWS::IAM::Policy' }),
    );
  });

  it('an IAM user: type IAMUser with its name; AccessDenied recorded with its code and message', async () => {
    const { iam } = clients(server);
    const u = await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'carol',
        PolicyName: 'read',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'sts:AssumeRole'], Resource: '*' }],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }))).AccessKey!;
    const carol = clients(server, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    await carol.iam.send(new GetUserCommand({}));
    await expect(carol.iam.send(new CreateUserCommand({ UserName: 'mallory' }))).rejects.toThrow();
    const records = await recordsOf(server);
    const identity = {
      type: 'IAMUser',
      principalId: u.User!.UserId,
      arn: u.User!.Arn,
      accountId: ACCOUNT,
      accessKeyId: key.AccessKeyId,
      userName: 'carol',
    };
    const read = records.find((r) => r.eventName === 'GetUser' && r.userIdentity.userName === 'carol')!;
    expect(read.userIdentity).toEqual(identity);
    expect(read).toMatchObject({ readOnly: true, responseElements: null, requestParameters: null });
    const denied = only(records, 'CreateUser', 'AccessDenied');
    expect(denied.userIdentity).toEqual(identity);
    expect(denied.errorMessage).toBe(
      `User: ${u.User!.Arn} is not authorized to perform: iam:CreateUser on resource: ` +
        `arn:aws:iam::${ACCOUNT}:user/mallory because no identity-based policy allows the iam:CreateUser action`,
    );
    expect(denied).toMatchObject({ requestParameters: { userName: 'mallory' }, responseElements: null });
    // Nothing was created, so no success event names mallory.
    expect(records.filter((r) => r.eventName === 'CreateUser' && r.errorCode === undefined)).toHaveLength(2);
  });

  it('an assumed-role session: type AssumedRole with the role as session issuer', async () => {
    const { iam } = clients(server);
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: 'auditor',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }))).AccessKey!;
    const sts = new STSClient({
      endpoint: server.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
    });
    const assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: role.Role!.Arn,
        RoleSessionName: 'audit-session',
        DurationSeconds: 900,
      }),
    );
    const creds = assumed.Credentials!;
    const session = clients(server, {
      accessKeyId: creds.AccessKeyId!,
      secretAccessKey: creds.SecretAccessKey!,
      sessionToken: creds.SessionToken!,
    });
    await session.sts.send(new GetCallerIdentityCommand({}));
    const records = await recordsOf(server);
    const assume = only(records, 'AssumeRole');
    expect(assume).toMatchObject({
      eventSource: 'sts.amazonaws.com',
      awsRegion: 'eu-west-1',
      readOnly: true,
      requestParameters: { roleArn: role.Role!.Arn, roleSessionName: 'audit-session', durationSeconds: 900 },
      responseElements: {
        credentials: { accessKeyId: creds.AccessKeyId, expiration: expect.any(String) },
        assumedRoleUser: {
          assumedRoleId: assumed.AssumedRoleUser!.AssumedRoleId,
          arn: assumed.AssumedRoleUser!.Arn,
        },
      },
      resources: [{ accountId: ACCOUNT, type: 'AWS::IAM::Role', ARN: role.Role!.Arn }],
    });
    expect(JSON.stringify(assume)).not.toContain(creds.SecretAccessKey!);
    expect(JSON.stringify(assume)).not.toContain(creds.SessionToken!);
    const call = records.filter((r) => r.eventName === 'GetCallerIdentity').at(-1)!;
    expect(call.userIdentity).toEqual({
      type: 'AssumedRole',
      principalId: `${role.Role!.RoleId}:audit-session`,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/auditor/audit-session`,
      accountId: ACCOUNT,
      accessKeyId: creds.AccessKeyId,
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: role.Role!.RoleId,
          arn: role.Role!.Arn,
          accountId: ACCOUNT,
          userName: 'auditor',
        },
        attributes: {
          creationDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
          mfaAuthenticated: 'false',
        },
      },
    });
    // The session was created when AssumeRole ran.
    expect(call.userIdentity.sessionContext!.attributes.creationDate).toBe(assume.eventTime);
  });

  it('GetSessionToken credentials: IAMUser with session attributes', async () => {
    const { iam } = clients(server);
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }))).AccessKey!;
    const bob = clients(server, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    const token = (await bob.sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }))).Credentials!;
    const session = clients(server, {
      accessKeyId: token.AccessKeyId!,
      secretAccessKey: token.SecretAccessKey!,
      sessionToken: token.SessionToken!,
    });
    await session.sts.send(new GetCallerIdentityCommand({}));
    const records = await recordsOf(server);
    const minted = only(records, 'GetSessionToken');
    expect(minted.responseElements).toEqual({
      credentials: { accessKeyId: token.AccessKeyId, expiration: expect.any(String) },
    });
    const call = records.filter((r) => r.eventName === 'GetCallerIdentity').at(-1)!;
    expect(call.userIdentity).toMatchObject({
      type: 'IAMUser',
      userName: 'bob',
      accessKeyId: token.AccessKeyId,
      sessionContext: { attributes: { mfaAuthenticated: 'false', creationDate: minted.eventTime } },
    });
  });
});
