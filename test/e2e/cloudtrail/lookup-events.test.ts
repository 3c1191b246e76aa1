import { Sha256 } from '@aws-crypto/sha256-js';
import {
  CloudTrailClient,
  LookupEventsCommand,
  paginateLookupEvents,
  type Event,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { CreateAccessKeyCommand, CreateUserCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestEvents, type TestEvent } from '../../../src/audit/test-support/insert-events.js';
import type { RunningServer } from '../../../src/server/start.js';
import { ACCOUNT, clients, errorOf, ROOT, startTestServer } from '../support/server.js';

// CloudTrail LookupEvents (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html)
// over the JSON 1.1 protocol, through the real SDK, on a trail written by the test-support writer.
const OTHER_ACCOUNT = '210987654321';
const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);

let server: RunningServer;
let cloudtrail: CloudTrailClient;
let ids: string[];
const EVENTS: TestEvent[] = [
  {
    accountId: ACCOUNT,
    eventName: 'CreateUser',
    eventTime: at(0),
    username: 'alice',
    accessKeyId: 'AKIAALICE0000000001',
    requestParameters: { userName: 'bob' },
  },
  {
    accountId: ACCOUNT,
    eventName: 'GetUser',
    eventTime: at(1),
    username: 'alice',
    accessKeyId: 'AKIAALICE0000000001',
    requestParameters: { userName: 'bob' },
  },
  {
    accountId: ACCOUNT,
    eventName: 'AssumeRole',
    eventSource: 'sts.amazonaws.com',
    eventTime: at(2),
    username: 'carol',
    accessKeyId: 'AKIACAROL0000000001',
    readOnly: true,
    requestParameters: { roleArn: 'arn:aws:iam::123456789012:role/admin' },
  },
  {
    accountId: ACCOUNT,
    eventName: 'CreateRole',
    eventTime: at(3),
    username: 'carol',
    accessKeyId: 'AKIACAROL0000000001',
    requestParameters: { roleArn: 'arn:aws:iam::123456789012:role/admin' },
  },
  { accountId: ACCOUNT, eventName: 'ListUsers', eventTime: at(4), username: 'root' },
  {
    accountId: OTHER_ACCOUNT,
    eventName: 'CreateUser',
    eventTime: at(5),
    username: 'mallory',
    accessKeyId: 'AKIAMALLORY00000001',
    requestParameters: { userName: 'bob' },
  },
  // Two events in the same millisecond: seq breaks the tie, the later one first.
  {
    accountId: ACCOUNT,
    eventName: 'DeleteUser',
    eventTime: at(6),
    username: 'alice',
    accessKeyId: 'AKIAALICE0000000001',
    requestParameters: { userName: 'bob' },
  },
  {
    accountId: ACCOUNT,
    eventName: 'GetRole',
    eventTime: at(6),
    username: 'carol',
    accessKeyId: 'AKIACAROL0000000001',
  },
];
/** The account's events, newest first. */
const OURS = EVENTS.map((e, i) => ({ ...e, index: i }))
  .filter((e) => e.accountId === ACCOUNT)
  .reverse();

function ctClient(credentials: AwsCredentialIdentity = ROOT): CloudTrailClient {
  return new CloudTrailClient({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

async function lookup(input: LookupEventsCommandInput, client = cloudtrail): Promise<Event[]> {
  const events: Event[] = [];
  for await (const page of paginateLookupEvents({ client }, input)) events.push(...(page.Events ?? []));
  return events;
}

const names = (events: Event[]): (string | undefined)[] => events.map((e) => e.EventName);

beforeAll(async () => {
  // The server's own recording is off: the trail holds exactly the events written here.
  server = await startTestServer({ audit: false });
  cloudtrail = ctClient();
  ids = await insertTestEvents(server.store, EVENTS);
});
afterAll(() => server.close());

describe('LookupEvents', () => {
  it('returns the account’s events newest first, with every field', async () => {
    const out = await cloudtrail.send(new LookupEventsCommand({}));
    expect(names(out.Events ?? [])).toEqual(OURS.map((e) => e.eventName));
    expect(out.NextToken).toBeUndefined();
    const first = out.Events?.find((e) => e.EventName === 'AssumeRole');
    expect(first).toEqual({
      EventId: ids[2],
      EventName: 'AssumeRole',
      ReadOnly: 'true',
      AccessKeyId: 'AKIACAROL0000000001',
      EventTime: at(2),
      EventSource: 'sts.amazonaws.com',
      Username: 'carol',
      Resources: [{ ResourceType: 'AWS::IAM::Role', ResourceName: 'arn:aws:iam::123456789012:role/admin' }],
      CloudTrailEvent: expect.any(String),
    });
    const record = JSON.parse(first?.CloudTrailEvent ?? '{}') as Record<string, unknown>;
    expect(record['eventID']).toBe(ids[2]);
    expect(record['eventName']).toBe('AssumeRole');
    const root = out.Events?.find((e) => e.EventName === 'ListUsers');
    expect(root?.AccessKeyId).toBeUndefined();
    expect(root?.Resources).toEqual([]);
  });

  const byAttribute: [string, string, string[]][] = [
    ['EventName', 'CreateUser', ['CreateUser']],
    ['Username', 'alice', ['DeleteUser', 'GetUser', 'CreateUser']],
    ['AccessKeyId', 'AKIACAROL0000000001', ['GetRole', 'CreateRole', 'AssumeRole']],
    ['EventSource', 'sts.amazonaws.com', ['AssumeRole']],
    ['ReadOnly', 'true', ['GetRole', 'ListUsers', 'AssumeRole', 'GetUser']],
    ['ReadOnly', 'false', ['DeleteUser', 'CreateRole', 'CreateUser']],
    ['ResourceType', 'AWS::IAM::Role', ['CreateRole', 'AssumeRole']],
    ['ResourceName', 'bob', ['DeleteUser', 'GetUser', 'CreateUser']],
    ['EventName', 'NoSuchEvent', []],
  ];
  it.each(byAttribute)('finds events by %s = %s', async (key, value, expected) => {
    const events = await lookup({
      LookupAttributes: [{ AttributeKey: key as 'EventName', AttributeValue: value }],
    });
    expect(names(events)).toEqual(expected);
  });

  it('finds one event by EventId', async () => {
    const events = await lookup({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: ids[3] }] });
    expect(events.map((e) => e.EventId)).toEqual([ids[3]]);
    // Another account's event is not found by its id.
    const theirs = await lookup({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: ids[5] }] });
    expect(theirs).toEqual([]);
  });

  it('keeps to a time range, both ends inclusive', async () => {
    expect(names(await lookup({ StartTime: at(1), EndTime: at(3) }))).toEqual([
      'CreateRole',
      'AssumeRole',
      'GetUser',
    ]);
    expect(names(await lookup({ StartTime: at(4) }))).toEqual(['GetRole', 'DeleteUser', 'ListUsers']);
    expect(names(await lookup({ EndTime: at(0) }))).toEqual(['CreateUser']);
    expect(
      names(
        await lookup({
          StartTime: at(0),
          EndTime: at(2),
          LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }],
        }),
      ),
    ).toEqual(['GetUser', 'CreateUser']);
  });

  it('pages with MaxResults and NextToken, in order and without repeats', async () => {
    const first = await cloudtrail.send(new LookupEventsCommand({ MaxResults: 3 }));
    expect(names(first.Events ?? [])).toEqual(OURS.slice(0, 3).map((e) => e.eventName));
    expect(first.NextToken).toEqual(expect.any(String));
    const all = await lookup({ MaxResults: 2 });
    expect(names(all)).toEqual(OURS.map((e) => e.eventName));
    expect(new Set(all.map((e) => e.EventId)).size).toBe(all.length);
    // A page that ends exactly at the last event has no NextToken.
    const exact = await cloudtrail.send(new LookupEventsCommand({ MaxResults: OURS.length }));
    expect(exact.NextToken).toBeUndefined();
    // The page size may change between pages.
    const second = await cloudtrail.send(
      new LookupEventsCommand({ MaxResults: 50, NextToken: first.NextToken }),
    );
    expect(names(second.Events ?? [])).toEqual(OURS.slice(3).map((e) => e.eventName));
  });

  it('refuses a NextToken that is garbled, forged, or from another query', async () => {
    const first = await cloudtrail.send(new LookupEventsCommand({ MaxResults: 1 }));
    const token = first.NextToken ?? '';
    const garbled = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const bad of [garbled, 'not-a-token', 'v1.AAAA.AAAA.AAAA']) {
      const error = await errorOf(() => cloudtrail.send(new LookupEventsCommand({ NextToken: bad })));
      expect(error).toMatchObject({ name: 'InvalidNextTokenException', status: 400 });
    }
    const other = await errorOf(() =>
      cloudtrail.send(
        new LookupEventsCommand({
          NextToken: token,
          LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }],
        }),
      ),
    );
    expect(other.name).toBe('InvalidNextTokenException');
  });

  it('answers bad input with CloudTrail’s errors (HTTP 400)', async () => {
    const cases: [LookupEventsCommandInput, string][] = [
      [
        {
          LookupAttributes: [
            { AttributeKey: 'Username', AttributeValue: 'alice' },
            { AttributeKey: 'EventName', AttributeValue: 'GetUser' },
          ],
        },
        'InvalidLookupAttributesException',
      ],
      [
        { LookupAttributes: [{ AttributeKey: 'Colour' as 'EventName', AttributeValue: 'x' }] },
        'InvalidLookupAttributesException',
      ],
      [
        { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: '' }] },
        'InvalidLookupAttributesException',
      ],
      [
        { LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'maybe' }] },
        'InvalidLookupAttributesException',
      ],
      [{ StartTime: at(3), EndTime: at(1) }, 'InvalidTimeRangeException'],
      [{ MaxResults: 0 }, 'InvalidMaxResultsException'],
      [{ MaxResults: 51 }, 'InvalidMaxResultsException'],
      [{ EventCategory: 'management' as 'insight' }, 'InvalidEventCategoryException'],
    ];
    for (const [input, code] of cases) {
      const error = await errorOf(() => cloudtrail.send(new LookupEventsCommand(input)));
      expect({ input, name: error.name, status: error.status }).toEqual({ input, name: code, status: 400 });
      expect(error.message.length).toBeGreaterThan(0);
    }
  });

  it('finds no Insights events', async () => {
    const out = await cloudtrail.send(new LookupEventsCommand({ EventCategory: 'insight' }));
    expect(out.Events).toEqual([]);
  });

  it('needs cloudtrail:LookupEvents: a user without it gets AccessDeniedException', async () => {
    const { iam } = clients(server);
    await iam.send(new CreateUserCommand({ UserName: 'auditor' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'auditor' }))).AccessKey!;
    const auditor = ctClient({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
    const denied = await errorOf(() => auditor.send(new LookupEventsCommand({})));
    // AWS's Common Errors page: AccessDeniedException, HTTP status code 403.
    expect(denied).toMatchObject({ name: 'AccessDeniedException', status: 403 });
    expect(denied.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: cloudtrail:LookupEvents on resource: * because no identity-based policy allows the cloudtrail:LookupEvents action`,
    );
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'auditor',
        PolicyName: 'lookup',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'cloudtrail:LookupEvents', Resource: '*' }],
        }),
      }),
    );
    const allowed = await auditor.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }] }),
    );
    expect(names(allowed.Events ?? [])).toEqual(['DeleteUser', 'GetUser', 'CreateUser']);
  });

  it('refuses an unknown key with UnrecognizedClientException', async () => {
    const stranger = ctClient({ accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: 'x'.repeat(40) });
    const error = await errorOf(() => stranger.send(new LookupEventsCommand({})));
    // AWS's Common Errors page: UnrecognizedClientException, HTTP status code 403.
    expect(error).toMatchObject({ name: 'UnrecognizedClientException', status: 403 });
  });
});

describe('the JSON protocol', () => {
  const signer = () =>
    new SignatureV4({ credentials: ROOT, region: 'us-east-1', service: 'cloudtrail', sha256: Sha256 });

  async function post(
    target: string,
    body: string,
  ): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
    const url = new URL(server.url);
    const signed = await signer().sign({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': target,
      },
      body,
    });
    const response = await fetch(server.url, { method: 'POST', headers: signed.headers, body });
    return {
      status: response.status,
      json: (await response.json()) as Record<string, unknown>,
      headers: response.headers,
    };
  }

  const TARGET = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101';

  it('writes timestamps as epoch seconds and sets the request id', async () => {
    const { status, json, headers } = await post(`${TARGET}.LookupEvents`, '{"MaxResults":1}');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const events = json['Events'] as Record<string, unknown>[];
    expect(events[0]?.['EventTime']).toBe(at(6).getTime() / 1000);
  });

  it('answers a JSON request without a target with UnknownOperationException', async () => {
    const url = new URL(server.url);
    const signed = await signer().sign({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    const response = await fetch(server.url, { method: 'POST', headers: signed.headers, body: '{}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Record<string, unknown>)['__type']).toBe('UnknownOperationException');
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    for (const target of [`${TARGET}.CreateTrail`, 'com.example.Nothing.LookupEvents', 'LookupEvents']) {
      const { status, json, headers } = await post(target, '{}');
      expect(status).toBe(400);
      expect(json['__type']).toBe('UnknownOperationException');
      expect(headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    }
  });

  it('answers a body that is not JSON, or of the wrong JSON types, with SerializationException', async () => {
    for (const body of [
      '{',
      '[]',
      'null',
      '{"MaxResults":"ten"}',
      '{"LookupAttributes":{}}',
      '{"StartTime":"soon"}',
    ]) {
      const { status, json } = await post(`${TARGET}.LookupEvents`, body);
      expect({ body, status, type: json['__type'] }).toEqual({
        body,
        status: 400,
        type: 'SerializationException',
      });
    }
  });

  it('answers a missing required member with ValidationException', async () => {
    const { status, json } = await post(
      `${TARGET}.LookupEvents`,
      '{"LookupAttributes":[{"AttributeKey":"EventName"}]}',
    );
    expect(status).toBe(400);
    expect(json).toEqual({
      __type: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'lookupAttributes.1.member.attributeValue' failed to satisfy constraint: Member must not be null",
    });
  });
});
