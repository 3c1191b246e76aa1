import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import fc from 'fast-check';
import { CreateUserCommand, CreatePolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start.js';
import { clients, errorOf, ROOT, startTestServer } from './support/server.js';

// Bad input gets AWS's error code and HTTP status, never a 500
// (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html).
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const signer = new SignatureV4({ credentials: ROOT, region: 'us-east-1', service: 'iam', sha256: Sha256 });

/** Posts a signed Query body, as an SDK would, and returns the status and body. */
async function post(body: string): Promise<{ status: number; text: string }> {
  const url = new URL(server.url);
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const response = await fetch(server.url, { method: 'POST', headers: signed.headers, body });
  return { status: response.status, text: await response.text() };
}

describe('bad input', () => {
  it('an unknown action is InvalidAction (400)', async () => {
    const { status, text } = await post('Action=MakeCoffee&Version=2010-05-08');
    expect(status).toBe(400);
    expect(text).toContain('<Code>InvalidAction</Code>');
  });

  it('a missing action is refused with 400', async () => {
    const { status, text } = await post('Version=2010-05-08');
    expect(status).toBe(400);
    expect(text).toMatch(/<Code>(MissingAction|InvalidAction)<\/Code>/);
  });

  it('an invalid user name is ValidationError (400)', async () => {
    const error = await errorOf(() =>
      clients(server).iam.send(new CreateUserCommand({ UserName: 'bad name!' })),
    );
    expect(error).toMatchObject({ name: 'ValidationError', status: 400 });
  });

  it('a duplicate create is EntityAlreadyExists (409), without regard to case', async () => {
    const { iam } = clients(server);
    await iam.send(new CreateUserCommand({ UserName: 'Duplicate' }));
    const error = await errorOf(() => iam.send(new CreateUserCommand({ UserName: 'dUPLICATE' })));
    expect(error).toMatchObject({ name: 'EntityAlreadyExistsException', status: 409 });
  });

  it('a malformed policy document is MalformedPolicyDocument (400)', async () => {
    const error = await errorOf(() =>
      clients(server).iam.send(
        new CreatePolicyCommand({ PolicyName: 'broken', PolicyDocument: '{"Version": "2012-10-17"' }),
      ),
    );
    expect(error).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 });
  });

  it('an oversized managed policy is LimitExceeded (409)', async () => {
    const statement = {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${'b'.repeat(60)}/*`,
    };
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 120 }, () => statement),
    });
    const error = await errorOf(() =>
      clients(server).iam.send(new CreatePolicyCommand({ PolicyName: 'huge', PolicyDocument: document })),
    );
    // IAM quotas: a managed policy holds at most 6,144 characters, white space not counted.
    expect(error).toMatchObject({ name: 'LimitExceededException', status: 409 });
  });

  it('a body over 1 MiB is refused with 413, before it is read into memory whole', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      body: 'Action=ListUsers&x=' + 'a'.repeat(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
  });

  it('random Query bodies never produce a 5xx', async () => {
    const key = fc.constantFrom(
      'Action',
      'Version',
      'UserName',
      'Path',
      'Tags.member.1.Key',
      'MaxItems',
      'Marker',
      'PolicyArn',
      'x',
    );
    const value = fc.oneof(
      fc.constantFrom('ListUsers', 'CreateUser', 'GetUser', '2010-05-08', '', '-1', '%', '/'),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 8 }), async (pairs) => {
        const body = new URLSearchParams(pairs).toString();
        const { status } = await post(body);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
