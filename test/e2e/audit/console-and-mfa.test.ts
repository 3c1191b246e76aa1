import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  PutUserPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../../../src/audit/record.js';
import type { RunningServer } from '../../../src/server/start.js';
import { consoleApi, consolePost, signIn, signedIn } from '../support/console.js';
import { codeAt, enable, newDevice, testClock } from '../support/mfa.js';
import { ACCOUNT, clients, startTestServer } from '../support/server.js';
import { recordsOf } from './records.js';

/**
 * Console sign-ins and sessions with MFA in the trail: a `ConsoleLogin` event per attempt (CloudTrail user guide,
 * "AWS Management Console sign-in events": eventSource signin.amazonaws.com, eventType AwsConsoleSignIn,
 * responseElements.ConsoleLogin Success or Failure, additionalEventData.MFAUsed, and the user name hidden when no
 * such user exists), console API calls as the signed-in user, sign-outs, and `mfaAuthenticated` "true" in the
 * sessionContext of credentials minted with an MFA code ("CloudTrail userIdentity element").
 */
const PASSWORD = 'Correct-Horse-42';
const clock = testClock();
let server: RunningServer;
let iam: IAMClient;

beforeAll(async () => {
  server = await startTestServer({ clock: clock.now });
  iam = clients(server).iam;
});
afterAll(() => server.close());
beforeEach(() => clock.reset());

async function userWithPassword(name: string): Promise<string> {
  const { User } = await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(new CreateLoginProfileCommand({ UserName: name, Password: PASSWORD }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: name,
      PolicyName: 'read',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['iam:ListUsers', 'sts:GetCallerIdentity'], Resource: '*' }],
      }),
    }),
  );
  return User!.UserId!;
}

function signIns(records: readonly CloudTrailRecord[], eventName = 'ConsoleLogin'): CloudTrailRecord[] {
  return records.filter((r) => r.eventSource === 'signin.amazonaws.com' && r.eventName === eventName);
}

describe('audit: console sign-in', () => {
  it('records failures (hiding unknown user names), the success, console API calls and the sign-out', async () => {
    const userId = await userWithPassword('carol');
    expect((await signIn(server, { account: ACCOUNT, user: 'carol', password: 'wrong-Pass-1' })).status).toBe(
      401,
    );
    expect((await signIn(server, { account: ACCOUNT, user: 'nobody', password: PASSWORD })).status).toBe(401);
    const session = await signedIn(server, { account: ACCOUNT, user: 'carol', password: PASSWORD });
    expect((await consoleApi(server, session, { Action: 'ListUsers' })).status).toBe(200);
    expect((await consolePost(server, '/_iamd/signout', {}, { session })).status).toBe(200);

    const records = await recordsOf(server);
    const [wrongPassword, unknownUser, success] = signIns(records);
    const carol = {
      type: 'IAMUser',
      principalId: userId,
      arn: `arn:aws:iam::${ACCOUNT}:user/carol`,
      accountId: ACCOUNT,
      userName: 'carol',
    };
    expect(wrongPassword).toMatchObject({
      eventType: 'AwsConsoleSignIn',
      awsRegion: 'us-east-1',
      errorMessage: 'Failed authentication',
      responseElements: { ConsoleLogin: 'Failure' },
      additionalEventData: { MFAUsed: 'No' },
      userIdentity: carol,
      recipientAccountId: ACCOUNT,
    });
    expect(unknownUser!.userIdentity).toEqual({
      type: 'IAMUser',
      accountId: ACCOUNT,
      userName: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    });
    expect(success).toMatchObject({ responseElements: { ConsoleLogin: 'Success' }, userIdentity: carol });
    expect(success!.errorMessage).toBeUndefined();

    const listUsers = records.filter((r) => r.eventName === 'ListUsers').at(-1)!;
    expect(listUsers.userIdentity).toMatchObject({ type: 'IAMUser', principalId: userId, userName: 'carol' });
    expect(signIns(records, 'ConsoleLogout')).toEqual([
      expect.objectContaining({ responseElements: { ConsoleLogout: 'Success' }, userIdentity: carol }),
    ]);
    // No password of any attempt is in any event.
    for (const record of records) {
      expect(JSON.stringify(record)).not.toContain(PASSWORD);
      expect(JSON.stringify(record)).not.toContain('wrong-Pass-1');
    }
  });
});

describe('audit: MFA', () => {
  it('a sign-in with an MFA code says MFAUsed Yes', async () => {
    await userWithPassword('dave');
    const device = await newDevice(iam, 'dave-phone');
    await enable(iam, 'dave', device, clock.step());
    clock.advance(2);
    const mfaRequired = await signIn(server, { account: ACCOUNT, user: 'dave', password: PASSWORD });
    expect(mfaRequired.body['status']).toBe('mfaRequired');
    await signedIn(server, {
      account: ACCOUNT,
      user: 'dave',
      password: PASSWORD,
      mfaCode: codeAt(device, clock.step()),
    });
    const daves = signIns(await recordsOf(server)).filter((r) => r.userIdentity.userName === 'dave');
    expect(daves.map((r) => r.additionalEventData?.['MFAUsed'])).toEqual(['Yes']);
  });

  it('calls with credentials minted with an MFA code have mfaAuthenticated "true"; without, "false"', async () => {
    const userId = await userWithPassword('erin');
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'erin' }));
    const device = await newDevice(iam, 'erin-phone');
    await enable(iam, 'erin', device, clock.step());
    clock.advance(2);
    const erin = clients(server, {
      accessKeyId: AccessKey!.AccessKeyId!,
      secretAccessKey: AccessKey!.SecretAccessKey!,
    });
    const mint = async (mfa: boolean) => {
      const { Credentials } = await erin.sts.send(
        new GetSessionTokenCommand(
          mfa ? { SerialNumber: device.serial, TokenCode: codeAt(device, clock.step()) } : {},
        ),
      );
      const session = clients(server, {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      });
      await session.sts.send(new GetCallerIdentityCommand({}));
      return Credentials!.AccessKeyId!;
    };
    const withMfa = await mint(true);
    const without = await mint(false);

    const records = await recordsOf(server);
    const callBy = (keyId: string) =>
      records.find((r) => r.eventName === 'GetCallerIdentity' && r.userIdentity.accessKeyId === keyId)!;
    expect(callBy(withMfa).userIdentity).toMatchObject({
      type: 'IAMUser',
      principalId: userId,
      userName: 'erin',
      sessionContext: { attributes: { mfaAuthenticated: 'true' } },
    });
    expect(callBy(without).userIdentity.sessionContext?.attributes.mfaAuthenticated).toBe('false');
    // The GetSessionToken call itself names the device but not the code.
    const minted = records.filter((r) => r.eventName === 'GetSessionToken' && r.errorCode === undefined);
    expect(minted[0]!.requestParameters).toMatchObject({ serialNumber: device.serial });
    expect(JSON.stringify(minted[0]!.requestParameters)).not.toContain('tokenCode');
  });
});
