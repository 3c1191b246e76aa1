import {
  CloudTrailClient,
  LookupEventsCommand,
  type Event,
  type LookupAttributeKey,
} from '@aws-sdk/client-cloudtrail';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  GetUserCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { ACCOUNT, clients, errorOf, ROOT, startTestServer } from '../support/server.js';

// End to end: real IAM and STS calls are recorded by the server, then found with LookupEvents and reflected in
// service last accessed reports.
let server: RunningServer;
let cloudtrail: CloudTrailClient;
beforeAll(async () => {
  server = await startTestServer();
  cloudtrail = new CloudTrailClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: ROOT,
    maxAttempts: 1,
  });
});
afterAll(() => server.close());

/** The events a lookup finds, newest first, after the trail's buffered reads and failures are appended. */
async function lookup(key: LookupAttributeKey, value: string, expected: number): Promise<Event[]> {
  await server.audit?.flush();
  let events: Event[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const out = await cloudtrail.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: key, AttributeValue: value }] }),
    );
    events = out.Events ?? [];
    if (events.length >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return events;
}

const record = (event: Event | undefined): Record<string, unknown> =>
  JSON.parse(event?.CloudTrailEvent ?? '{}') as Record<string, unknown>;

describe('recorded calls, found with LookupEvents', () => {
  it('finds IAM and STS calls by name, user, key and source, with AWS’s record', async () => {
    const { iam } = clients(server);
    const before = new Date(Date.now() - 1000);
    await iam.send(new CreateUserCommand({ UserName: 'recorded-alice' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'recorded-alice',
        PolicyName: 'p',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'sts:GetCallerIdentity'], Resource: '*' }],
        }),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'recorded-alice' }))).AccessKey!;
    const alice = clients(server, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    await alice.iam.send(new GetUserCommand({}));
    await alice.sts.send(new GetCallerIdentityCommand({}));
    const denied = await errorOf(() => alice.iam.send(new CreateUserCommand({ UserName: 'intruder' })));
    expect(denied.name).toBe('AccessDenied');

    const created = (await lookup('EventName', 'CreateUser', 2)).map(record);
    const byRoot = created.find(
      (r) => (r['requestParameters'] as Record<string, unknown> | null)?.['userName'] === 'recorded-alice',
    );
    expect(byRoot).toMatchObject({
      eventName: 'CreateUser',
      eventSource: 'iam.amazonaws.com',
      recipientAccountId: ACCOUNT,
      readOnly: false,
    });
    expect(created.find((r) => r['errorCode'] === 'AccessDenied')).toBeDefined();

    const mine = await lookup('Username', 'recorded-alice', 3);
    expect(mine.map((e) => e.EventName)).toEqual(['CreateUser', 'GetCallerIdentity', 'GetUser']);
    expect(mine[1]).toMatchObject({
      EventSource: 'sts.amazonaws.com',
      ReadOnly: 'true',
      AccessKeyId: key.AccessKeyId,
    });
    expect(mine.every((e) => e.EventTime! >= before)).toBe(true);
    expect((await lookup('AccessKeyId', key.AccessKeyId!, 3)).map((e) => e.EventId)).toEqual(
      mine.map((e) => e.EventId),
    );
    const sts = await lookup('EventSource', 'sts.amazonaws.com', 1);
    expect(sts.map((e) => e.EventId)).toContain(mine[1]!.EventId);

    // The same trail feeds the user's service last accessed report.
    const { JobId } = await iam.send(
      new GenerateServiceLastAccessedDetailsCommand({
        Arn: `arn:aws:iam::${ACCOUNT}:user/recorded-alice`,
        Granularity: 'ACTION_LEVEL',
      }),
    );
    const report = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId }));
    const iamService = report.ServicesLastAccessed?.find((s) => s.ServiceNamespace === 'iam');
    expect(iamService?.LastAuthenticatedEntity).toBe(`arn:aws:iam::${ACCOUNT}:user/recorded-alice`);
    expect(
      iamService?.TrackedActionsLastAccessed?.find((a) => a.ActionName === 'GetUser')?.LastAccessedTime,
    ).toBeInstanceOf(Date);
    const stsService = report.ServicesLastAccessed?.find((s) => s.ServiceNamespace === 'sts');
    expect(stsService?.LastAuthenticated).toBeInstanceOf(Date);
  });

  it('reports a role by its sessions’ recorded calls', async () => {
    const { iam } = clients(server);
    const allow = (action: string) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
      });
    await iam.send(new CreateUserCommand({ UserName: 'recorded-carol' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'recorded-carol',
        PolicyName: 'p',
        PolicyDocument: allow('sts:AssumeRole'),
      }),
    );
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: 'recorded_reader',
        Path: '/team/',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/recorded-carol` },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'recorded_reader',
        PolicyName: 'p',
        PolicyDocument: allow('iam:ListUsers'),
      }),
    );
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'recorded-carol' }))).AccessKey!;
    const carol = clients(server, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    const { Credentials } = await carol.sts.send(
      new AssumeRoleCommand({ RoleArn: Role!.Arn, RoleSessionName: 'recorded-carol' }),
    );
    const session = clients(server, {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    });
    await session.iam.send(new ListUsersCommand({}));
    await server.audit?.flush();

    const { JobId } = await iam.send(
      new GenerateServiceLastAccessedDetailsCommand({ Arn: Role!.Arn!, Granularity: 'ACTION_LEVEL' }),
    );
    const report = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId }));
    const iamService = report.ServicesLastAccessed?.find((s) => s.ServiceNamespace === 'iam');
    expect(iamService).toMatchObject({ LastAuthenticatedEntity: Role!.Arn, TotalAuthenticatedEntities: 1 });
    expect(iamService?.TrackedActionsLastAccessed).toEqual([
      expect.objectContaining({ ActionName: 'ListUsers', LastAccessedEntity: Role!.Arn }),
    ]);
    // The session's name is the user's name, but the user's own report does not count the session's calls.
    const carolJob = await iam.send(
      new GenerateServiceLastAccessedDetailsCommand({ Arn: `arn:aws:iam::${ACCOUNT}:user/recorded-carol` }),
    );
    const carolReport = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: carolJob.JobId }));
    expect(
      carolReport.ServicesLastAccessed?.map((s) => [s.ServiceNamespace, s.TotalAuthenticatedEntities]),
    ).toEqual([['sts', 1]]);
  });

  it('records LookupEvents calls themselves, as CloudTrail does, denied ones included', async () => {
    const start = new Date('2026-01-01T00:00:00Z');
    await cloudtrail.send(
      new LookupEventsCommand({
        StartTime: start,
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetUser' }],
      }),
    );
    const { iam } = clients(server);
    await iam.send(new CreateUserCommand({ UserName: 'recorded-bob' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'recorded-bob' }))).AccessKey!;
    const bob = new CloudTrailClient({
      endpoint: server.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! },
      maxAttempts: 1,
    });
    expect((await errorOf(() => bob.send(new LookupEventsCommand({})))).name).toBe('AccessDeniedException');

    // The lookups made here (by root) are recorded too; bob's denied one is among them.
    const lookups = await lookup('EventName', 'LookupEvents', 2);
    const bobs = lookups.find((e) => e.Username === 'recorded-bob');
    expect(bobs).toMatchObject({
      EventSource: 'cloudtrail.amazonaws.com',
      ReadOnly: 'true',
      AccessKeyId: key.AccessKeyId,
    });
    expect(record(bobs)).toMatchObject({ errorCode: 'AccessDenied', awsRegion: 'eu-west-1' });
    const byRoot = lookups.map(record).find((r) => r['errorCode'] === undefined);
    expect(byRoot?.['requestParameters']).toMatchObject({
      lookupAttributes: [{ attributeKey: 'EventName', attributeValue: 'GetUser' }],
    });
  });
});
