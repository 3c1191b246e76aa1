import { CreateUserCommand, GetUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src/server/start.js';
import { ACCOUNT, clients, errorOf, ROOT, startTestServer } from '../support/server.js';
import { only, recordsOf } from './records.js';

/** Failed calls are recorded too, with what is known of the caller and AWS's error code. */
let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('audit: failed calls', () => {
  it('a bad signature: SignatureDoesNotMatch, with the access key the request claimed', async () => {
    const forged = clients(server, { accessKeyId: ROOT.accessKeyId, secretAccessKey: 'not-the-secret' });
    const error = await errorOf(() => forged.iam.send(new ListUsersCommand({})));
    expect(error.name).toBe('SignatureDoesNotMatch');
    const event = only(await recordsOf(server), 'ListUsers', 'SignatureDoesNotMatch');
    expect(event.userIdentity).toEqual({ type: 'Unknown', accessKeyId: ROOT.accessKeyId });
    expect(event).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      errorMessage: error.message,
      requestParameters: null,
      responseElements: null,
      recipientAccountId: ACCOUNT,
    });
  });

  it('an unknown access key: InvalidClientTokenId', async () => {
    const stranger = clients(server, {
      accessKeyId: 'AKIAUNKNOWNKEY000000',
      secretAccessKey: 'Zq8vN2pL5kR9wT3yB6mC1xD4fG7hJ0sA2eU5iO8a',
    });
    await errorOf(() => stranger.sts.send(new GetCallerIdentityCommand({})));
    const event = only(await recordsOf(server), 'GetCallerIdentity', 'InvalidClientTokenId');
    expect(event.userIdentity).toEqual({ type: 'Unknown', accessKeyId: 'AKIAUNKNOWNKEY000000' });
    expect(event.eventSource).toBe('sts.amazonaws.com');
  });

  it('a validation error and a missing entity are recorded under the caller', async () => {
    const { iam } = clients(server);
    expect((await errorOf(() => iam.send(new CreateUserCommand({ UserName: 'bad name!' })))).name).toBe(
      'ValidationError',
    );
    expect((await errorOf(() => iam.send(new GetUserCommand({ UserName: 'nobody' })))).name).toBe(
      'NoSuchEntityException',
    );
    const records = await recordsOf(server);
    const invalid = only(records, 'CreateUser', 'ValidationError');
    expect(invalid.userIdentity.type).toBe('Root');
    expect(invalid.errorMessage).toContain('userName');
    const missing = only(records, 'GetUser', 'NoSuchEntity');
    expect(missing).toMatchObject({ requestParameters: { userName: 'nobody' }, readOnly: true });
    expect(missing.errorMessage).toBe('The user with name nobody cannot be found.');
  });

  it('an action iamd does not implement: InvalidAction under its name', async () => {
    const iam = new IAMClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: ROOT,
      maxAttempts: 1,
    });
    const { ListServiceSpecificCredentialsCommand } = await import('@aws-sdk/client-iam');
    const error = await errorOf(() => iam.send(new ListServiceSpecificCredentialsCommand({})));
    expect(error.name).toBe('InvalidAction');
    const event = only(await recordsOf(server), 'ListServiceSpecificCredentials', 'InvalidAction');
    expect(event.userIdentity.type).toBe('Root');
  });
});

describe('audit: secrets echoed by errors', () => {
  it('an STS validation error that echoes a TokenCode does not carry it into the event', async () => {
    const { sts } = clients(server);
    const { AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const error = await errorOf(() =>
      sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/none`,
          RoleSessionName: 'echo',
          SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/none`,
          TokenCode: 'ab12cd',
        }),
      ),
    );
    expect(error.name).toBe('ValidationError');
    expect(error.message).toContain('ab12cd'); // STS echoes the value to the caller…
    const event = only(await recordsOf(server), 'AssumeRole', 'ValidationError');
    expect(JSON.stringify(event)).not.toContain('ab12cd'); // …the event does not
    expect(event.errorMessage).toContain('HIDDEN_DUE_TO_SECURITY_REASONS');
  });
});
