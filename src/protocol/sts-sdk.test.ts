import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  MalformedPolicyDocumentException,
  PackedPolicyTooLargeException,
  STSClient,
  STSServiceException,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsError } from '../errors/aws-error.js';
import {
  clientConfig,
  type Handler,
  type QueryServer,
  startQueryServer,
} from './test-support/query-server.js';

/** Round trips through the real AWS SDK v3 STS client over HTTP, both directions checked field by field. */

let server: QueryServer;
let sts: STSClient;
let answer: Handler = () => ({});

beforeAll(async () => {
  server = await startQueryServer('sts', (operation, input) => answer(operation, input));
  sts = new STSClient(clientConfig(server.endpoint));
});

afterAll(async () => {
  sts.destroy();
  await server.close();
});

beforeEach(() => {
  server.calls.length = 0;
});

function body<T extends { $metadata: unknown }>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _ignored, ...rest } = output;
  return rest;
}

const CREDENTIALS = {
  AccessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  SessionToken: 'IQoJb3JpZ2luX2VjEPr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token/with+slashes==',
  Expiration: new Date('2026-01-02T04:04:05Z'),
};

describe('AssumeRole', () => {
  it('decodes every input member the SDK sends, and the SDK parses nested credentials', async () => {
    const input = {
      RoleArn: 'arn:aws:iam::123456789012:role/path/worker',
      RoleSessionName: 'alice@example.com',
      PolicyArns: [
        { arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        { arn: 'arn:aws:iam::123456789012:policy/scoped' },
      ],
      Policy:
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/a b+c&d=é"}]}',
      DurationSeconds: 7200,
      Tags: [
        { Key: 'Project', Value: 'Ünïcode +=.:/@-' },
        { Key: 'Cost Center', Value: '' },
      ],
      TransitiveTagKeys: ['Project'],
      ExternalId: 'ext:id/with=chars',
      SerialNumber: 'arn:aws:iam::123456789012:mfa/alice',
      TokenCode: '123456',
      SourceIdentity: 'alice',
      ProvidedContexts: [
        {
          ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter',
          ContextAssertion: 'opaque-assertion',
        },
      ],
    };
    const output = {
      Credentials: CREDENTIALS,
      AssumedRoleUser: {
        AssumedRoleId: 'AROAEXAMPLEEXAMPLE12:alice@example.com',
        Arn: 'arn:aws:sts::123456789012:assumed-role/worker/alice@example.com',
      },
      PackedPolicySize: 6,
      SourceIdentity: 'alice',
    };
    answer = () => output;
    const out = await sts.send(new AssumeRoleCommand(input));
    expect(server.calls).toEqual([{ operation: 'AssumeRole', input }]);
    expect(body(out)).toEqual(output);
  });

  it("answers the decoder's ValidationError with STS's message, quoting the value", async () => {
    const err = await sts
      .send(
        new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 'Session1:2' }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(STSServiceException);
    const ex = err as STSServiceException;
    expect(ex.name).toBe('ValidationError');
    expect(ex.message).toBe(
      "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
    expect(ex.$metadata.httpStatusCode).toBe(400);
    expect(server.calls).toEqual([]);
  });

  it('raises modeled STS exceptions by their Query error codes', async () => {
    answer = () => {
      throw new AwsError('MalformedPolicyDocument', 'The policy is not in the valid JSON format.');
    };
    const role = { RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: 's1' };
    const malformed = await sts.send(new AssumeRoleCommand(role)).catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(MalformedPolicyDocumentException);
    expect((malformed as MalformedPolicyDocumentException).message).toBe(
      'The policy is not in the valid JSON format.',
    );
    expect((malformed as MalformedPolicyDocumentException).$metadata.httpStatusCode).toBe(400);

    answer = () => {
      throw new AwsError(
        'PackedPolicyTooLarge',
        'Packed policy consumes 112% of allotted space, please use smaller policy.',
      );
    };
    const large = await sts.send(new AssumeRoleCommand(role)).catch((e: unknown) => e);
    expect(large).toBeInstanceOf(PackedPolicyTooLargeException);
  });
});

describe('other operations', () => {
  it('GetCallerIdentity takes no input and returns the identity', async () => {
    const identity = {
      UserId: 'AIDAEXAMPLEEXAMPLE12',
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/alice',
    };
    answer = () => identity;
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(server.calls).toEqual([{ operation: 'GetCallerIdentity', input: {} }]);
    expect(body(out)).toEqual(identity);
  });

  it('GetSessionToken', async () => {
    answer = () => ({ Credentials: CREDENTIALS });
    const input = {
      DurationSeconds: 129600,
      SerialNumber: 'arn:aws:iam::123456789012:mfa/alice',
      TokenCode: '000000',
    };
    const out = await sts.send(new GetSessionTokenCommand(input));
    expect(server.calls).toEqual([{ operation: 'GetSessionToken', input }]);
    expect(body(out)).toEqual({ Credentials: CREDENTIALS });
  });
});
