import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  ListOpenIDConnectProvidersCommand,
  ListOpenIDConnectProviderTagsCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  TagOpenIDConnectProviderCommand,
  UntagOpenIDConnectProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { ACCOUNT } from '../support/server.js';
import { accessDenied, expectError, serverForFile, unique, userClients } from './support.js';

// OpenID Connect identity providers (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html
// and the pages it links; shapes and messages as recorded in test_iam_oidc).
const env = serverForFile();

const THUMB_A = 'a'.repeat(40);
const THUMB_B = 'b'.repeat(40);

function newHost() {
  return `${unique('oidc')}.example.com`;
}

async function createProvider(
  clientIds: string[] = ['client-id-1'],
  tags?: { Key: string; Value: string }[],
) {
  const host = newHost();
  const { OpenIDConnectProviderArn } = await env.iam.send(
    new CreateOpenIDConnectProviderCommand({
      Url: `https://${host}`,
      ClientIDList: clientIds,
      ThumbprintList: [THUMB_B],
      Tags: tags,
    }),
  );
  return { host, arn: OpenIDConnectProviderArn! };
}

const notFound = (arn: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `OpenIDConnect Provider not found for arn ${arn}`,
});
const missingArn = `arn:aws:iam::${ACCOUNT}:oidc-provider/non-existent.example.com`;

describe('CreateOpenIDConnectProvider, GetOpenIDConnectProvider', () => {
  it('creates a provider named by its URL; Get returns URL without scheme, lists, tags and date', async () => {
    const { host, arn } = await createProvider(['client-id-1'], [{ Key: 'env', Value: 'dev' }]);
    expect(arn).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/${host}`);
    const out = await env.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    expect(out).toMatchObject({
      Url: host,
      ClientIDList: ['client-id-1'],
      ThumbprintList: [THUMB_B],
      Tags: [{ Key: 'env', Value: 'dev' }],
    });
    expect(out.CreateDate).toBeInstanceOf(Date);
  });

  it('a URL already registered is EntityAlreadyExists (409), as recorded', async () => {
    const { host } = await createProvider();
    await expectError(
      () =>
        env.iam.send(
          new CreateOpenIDConnectProviderCommand({ Url: `https://${host}`, ThumbprintList: [THUMB_A] }),
        ),
      {
        name: 'EntityAlreadyExistsException',
        status: 409,
        message: `Provider with url https://${host} already exists.`,
      },
    );
  });

  it('a URL that is not https is ValidationError (400), and 6 thumbprints InvalidInput (400), as recorded', async () => {
    await expectError(
      () => env.iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'http://insecure.example.com' })),
      { name: 'ValidationError', status: 400, message: 'Invalid Open ID Connect Provider URL' },
    );
    await expectError(
      () =>
        env.iam.send(
          new CreateOpenIDConnectProviderCommand({
            Url: `https://${newHost()}`,
            ThumbprintList: ['1', '2', '3', '4', '5', '6'].map((c) => c.repeat(40)),
          }),
        ),
      {
        name: 'InvalidInputException',
        status: 400,
        message: 'Thumbprint list must contain fewer than 5 entries.',
      },
    );
  });

  it('Get: a provider that does not exist is NoSuchEntity (404), as recorded', async () => {
    await expectError(
      () => env.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: missingArn })),
      notFound(missingArn),
    );
  });
});

describe('ListOpenIDConnectProviders', () => {
  it('lists the ARNs of every provider', async () => {
    const created = [await createProvider(), await createProvider()];
    const { OpenIDConnectProviderList } = await env.iam.send(new ListOpenIDConnectProvidersCommand({}));
    const arns = OpenIDConnectProviderList!.map((p) => p.Arn);
    for (const { arn } of created) expect(arns).toContain(arn);
  });

  it('a caller without iam:ListOpenIDConnectProviders is AccessDenied (403)', async () => {
    const caller = await userClients(env);
    await expectError(
      () => caller.iam.send(new ListOpenIDConnectProvidersCommand({})),
      accessDenied(caller.userArn, 'iam:ListOpenIDConnectProviders', '*'),
    );
  });
});

describe('AddClientIDToOpenIDConnectProvider, RemoveClientIDFromOpenIDConnectProvider', () => {
  it('adds (idempotently) and removes client ids', async () => {
    const { arn } = await createProvider(['first']);
    const add = (ClientID: string) =>
      env.iam.send(
        new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID }),
      );
    await add('second');
    await add('second');
    let out = await env.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    expect(out.ClientIDList).toEqual(['first', 'second']);
    await env.iam.send(
      new RemoveClientIDFromOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: arn,
        ClientID: 'first',
      }),
    );
    out = await env.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    expect(out.ClientIDList).toEqual(['second']);
  });

  it('a provider that does not exist is NoSuchEntity (404) for both', async () => {
    await expectError(
      () =>
        env.iam.send(
          new AddClientIDToOpenIDConnectProviderCommand({
            OpenIDConnectProviderArn: missingArn,
            ClientID: 'x',
          }),
        ),
      { name: 'NoSuchEntityException', status: 404 },
    );
    await expectError(
      () =>
        env.iam.send(
          new RemoveClientIDFromOpenIDConnectProviderCommand({
            OpenIDConnectProviderArn: missingArn,
            ClientID: 'x',
          }),
        ),
      { name: 'NoSuchEntityException', status: 404 },
    );
  });

  it('Add: a client id over 255 characters is ValidationError (400)', async () => {
    const { arn } = await createProvider();
    await expectError(
      () =>
        env.iam.send(
          new AddClientIDToOpenIDConnectProviderCommand({
            OpenIDConnectProviderArn: arn,
            ClientID: 'c'.repeat(256),
          }),
        ),
      { name: 'ValidationError', status: 400 },
    );
  });
});

describe('UpdateOpenIDConnectProviderThumbprint', () => {
  it('replaces the thumbprint list, as recorded', async () => {
    const { arn } = await createProvider();
    const thumbprints = ['c'.repeat(40), 'd'.repeat(40)];
    await env.iam.send(
      new UpdateOpenIDConnectProviderThumbprintCommand({
        OpenIDConnectProviderArn: arn,
        ThumbprintList: thumbprints,
      }),
    );
    const out = await env.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    expect(out.ThumbprintList).toEqual(thumbprints);
  });

  it('a thumbprint that is not 40 characters is ValidationError (400); a missing provider NoSuchEntity (404)', async () => {
    const { arn } = await createProvider();
    await expectError(
      () =>
        env.iam.send(
          new UpdateOpenIDConnectProviderThumbprintCommand({
            OpenIDConnectProviderArn: arn,
            ThumbprintList: ['abc'],
          }),
        ),
      { name: 'ValidationError', status: 400 },
    );
    await expectError(
      () =>
        env.iam.send(
          new UpdateOpenIDConnectProviderThumbprintCommand({
            OpenIDConnectProviderArn: missingArn,
            ThumbprintList: [THUMB_A],
          }),
        ),
      { name: 'NoSuchEntityException', status: 404 },
    );
  });
});

describe('DeleteOpenIDConnectProvider', () => {
  it('deletes; deleting again is NoSuchEntity (404) with its own wording, as recorded', async () => {
    const { arn } = await createProvider();
    await env.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    await expectError(
      () => env.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })),
      notFound(arn),
    );
    await expectError(
      () => env.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })),
      {
        name: 'NoSuchEntityException',
        status: 404,
        message: `OpenId connect Provider ${arn} cannot be found.`,
      },
    );
  });
});

describe('TagOpenIDConnectProvider, UntagOpenIDConnectProvider, ListOpenIDConnectProviderTags', () => {
  it('tags, lists in pages and untags, as recorded', async () => {
    const { arn } = await createProvider();
    await env.iam.send(
      new TagOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: arn,
        Tags: [
          { Key: 'k1', Value: 'v1' },
          { Key: 'k2', Value: 'v2' },
        ],
      }),
    );
    const first = await env.iam.send(
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn, MaxItems: 1 }),
    );
    expect(first).toMatchObject({ Tags: [{ Key: 'k1', Value: 'v1' }], IsTruncated: true });
    const second = await env.iam.send(
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn, Marker: first.Marker }),
    );
    expect(second).toMatchObject({ Tags: [{ Key: 'k2', Value: 'v2' }], IsTruncated: false });
    await env.iam.send(
      new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, TagKeys: ['k2'] }),
    );
    const after = await env.iam.send(
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }),
    );
    expect(after.Tags).toEqual([{ Key: 'k1', Value: 'v1' }]);
  });

  it('more than 50 tags is LimitExceeded (409), as recorded', async () => {
    const { arn } = await createProvider();
    const tags = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ Key: `k${from + i}`, Value: 'v' }));
    await env.iam.send(
      new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: tags(0, 50) }),
    );
    await expectError(
      () =>
        env.iam.send(
          new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: tags(50, 1) }),
        ),
      {
        name: 'LimitExceededException',
        status: 409,
        message: 'The number of tags has reached the maximum limit.',
      },
    );
  });

  it('a provider that does not exist is NoSuchEntity (404) for each of them', async () => {
    const missing = { name: 'NoSuchEntityException', status: 404 };
    await expectError(
      () =>
        env.iam.send(
          new TagOpenIDConnectProviderCommand({
            OpenIDConnectProviderArn: missingArn,
            Tags: [{ Key: 'k', Value: 'v' }],
          }),
        ),
      missing,
    );
    await expectError(
      () =>
        env.iam.send(
          new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: missingArn, TagKeys: ['k'] }),
        ),
      missing,
    );
    await expectError(
      () => env.iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: missingArn })),
      missing,
    );
  });
});
