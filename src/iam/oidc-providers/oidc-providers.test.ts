import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../common/test-support/identities.js';
import { expectAwsError } from '../test-support/access-fixtures.js';
import { OIDC_PROVIDER_OPERATIONS as ops } from './index.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

const ARN = 'arn:aws:iam::123456789012:oidc-provider/oidc.example.com/tenant';
const THUMB_A = 'a'.repeat(40);
const THUMB_B = 'b'.repeat(40);

const create = (Url = 'https://oidc.example.com/tenant', extra: object = {}) =>
  ops.CreateOpenIDConnectProvider!(h.ctx, { Url, ...extra });

describe('CreateOpenIDConnectProvider and GetOpenIDConnectProvider', () => {
  it('names the provider by its URL without the scheme, and needs no thumbprint', async () => {
    expect(await create()).toEqual({ OpenIDConnectProviderArn: ARN });
    expect(await ops.GetOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: ARN })).toEqual({
      Url: 'oidc.example.com/tenant',
      ClientIDList: [],
      ThumbprintList: [],
      CreateDate: h.ctx.now,
      Tags: [],
    });
  });

  it('keeps client ids (without repeats) and thumbprints, and returns the tags it was created with', async () => {
    const Tags = [{ Key: 'team', Value: 'red' }];
    const created = await create('https://oidc.example.com/tenant', {
      ClientIDList: ['app', 'cli', 'app'],
      ThumbprintList: [THUMB_A],
      Tags,
    });
    expect(created).toEqual({ OpenIDConnectProviderArn: ARN, Tags });
    expect(await ops.GetOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: ARN })).toMatchObject({
      ClientIDList: ['app', 'cli'],
      ThumbprintList: [THUMB_A],
      Tags,
    });
  });

  it('authorizes on the new ARN with the request tags', async () => {
    await create('https://oidc.example.com/tenant', { Tags: [{ Key: 'team', Value: 'red' }] });
    expect(h.calls).toEqual([
      {
        action: 'iam:CreateOpenIDConnectProvider',
        resource: ARN,
        context: { 'aws:RequestTag/team': 'red', 'aws:TagKeys': ['team'] },
      },
    ]);
  });

  it('refuses a second provider for one URL, quoting the URL (recorded: duplicate-error)', async () => {
    await create('https://oidc-dup-04669428.example.com');
    await expectAwsError(
      create('https://oidc-dup-04669428.example.com'),
      'EntityAlreadyExists',
      'Provider with url https://oidc-dup-04669428.example.com already exists.',
    );
  });

  it.each(['http://oidc.example.com', 'oidc.example.com', 'https://', 'https://x.example.com/?a=1'])(
    'refuses the URL %s (recorded: invalid-url)',
    async (url) => {
      await expectAwsError(create(url), 'ValidationError', 'Invalid Open ID Connect Provider URL');
    },
  );

  it('refuses six thumbprints with AWS wording (recorded: too-many-thumbprints)', async () => {
    await expectAwsError(
      create(undefined, { ThumbprintList: Array.from({ length: 6 }, (_, i) => `${i}`.repeat(40)) }),
      'InvalidInput',
      'Thumbprint list must contain fewer than 5 entries.',
    );
    await create(undefined, { ThumbprintList: Array.from({ length: 5 }, (_, i) => `${i}`.repeat(40)) });
  });

  it('refuses 101 client ids (recorded: quota-error)', async () => {
    await expectAwsError(
      create(undefined, { ClientIDList: Array.from({ length: 101 }, (_, i) => `client-${i}`) }),
      'LimitExceeded',
      'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100',
    );
  });

  it('reports every member fault at once, in AWS order (recorded: multiple-validation-errors)', async () => {
    await expectAwsError(
      create(`https://${'x'.repeat(260)}.example.com`, {
        ClientIDList: ['x'.repeat(256)],
        ThumbprintList: ['short'],
      }),
      'ValidationError',
      "3 validation errors detected: Value at 'clientIDList' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 1]; Value at 'thumbprintList' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 40, Member must have length greater than or equal to 40]; Value at 'url' failed to satisfy constraint: Member must have length less than or equal to 255",
    );
  });

  it('stops at 100 providers per account', async () => {
    for (let i = 0; i < 100; i++) await create(`https://p${i}.example.com`);
    await expectAwsError(
      create('https://one-more.example.com'),
      'LimitExceeded',
      'Cannot exceed quota for OpenIdConnectProvidersPerAccount: 100',
    );
  });

  it('says NoSuchEntity for an unknown ARN, after authorizing on it (recorded: not-found-error)', async () => {
    const missing = 'arn:aws:iam::123456789012:oidc-provider/non-existent.example.com';
    await expectAwsError(
      ops.GetOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: missing }),
      'NoSuchEntity',
      `OpenIDConnect Provider not found for arn ${missing}`,
    );
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([['iam:GetOpenIDConnectProvider', missing]]);
  });
});

describe('DeleteOpenIDConnectProvider and ListOpenIDConnectProviders', () => {
  it('lists ARNs in order, deletes, then answers with the recorded messages', async () => {
    await create('https://b.example.com');
    await create('https://a.example.com');
    expect(await ops.ListOpenIDConnectProviders!(h.ctx, {})).toEqual({
      OpenIDConnectProviderList: [
        { Arn: 'arn:aws:iam::123456789012:oidc-provider/a.example.com' },
        { Arn: 'arn:aws:iam::123456789012:oidc-provider/b.example.com' },
      ],
    });
    const arn = 'arn:aws:iam::123456789012:oidc-provider/a.example.com';
    expect(await ops.DeleteOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: arn })).toEqual({});
    await expectAwsError(
      ops.GetOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: arn }),
      'NoSuchEntity',
      `OpenIDConnect Provider not found for arn ${arn}`,
    );
    await expectAwsError(
      ops.DeleteOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: arn }),
      'NoSuchEntity',
      `OpenId connect Provider ${arn} cannot be found.`,
    );
    expect((await ops.ListOpenIDConnectProviders!(h.ctx, {})).OpenIDConnectProviderList).toHaveLength(1);
  });

  it('deletes the tags with the provider, so a new provider at the URL starts without them', async () => {
    await create(undefined, { Tags: [{ Key: 'k', Value: 'v' }] });
    await ops.DeleteOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: ARN });
    await create();
    expect((await ops.GetOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: ARN })).Tags).toEqual([]);
  });
});

describe('client ids and thumbprints', () => {
  it('adds and removes client ids idempotently', async () => {
    await create(undefined, { ClientIDList: ['a'] });
    const ref = { OpenIDConnectProviderArn: ARN };
    await ops.AddClientIDToOpenIDConnectProvider!(h.ctx, { ...ref, ClientID: 'b' });
    await ops.AddClientIDToOpenIDConnectProvider!(h.ctx, { ...ref, ClientID: 'b' });
    expect((await ops.GetOpenIDConnectProvider!(h.ctx, ref)).ClientIDList).toEqual(['a', 'b']);
    await ops.RemoveClientIDFromOpenIDConnectProvider!(h.ctx, { ...ref, ClientID: 'a' });
    await ops.RemoveClientIDFromOpenIDConnectProvider!(h.ctx, { ...ref, ClientID: 'not-there' });
    expect((await ops.GetOpenIDConnectProvider!(h.ctx, ref)).ClientIDList).toEqual(['b']);
  });

  it('refuses a 101st client id', async () => {
    await create(undefined, { ClientIDList: Array.from({ length: 100 }, (_, i) => `c${i}`) });
    await expectAwsError(
      ops.AddClientIDToOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: ARN, ClientID: 'more' }),
      'LimitExceeded',
      'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100',
    );
  });

  it('checks the client id and reports an unknown provider', async () => {
    await expectAwsError(
      ops.AddClientIDToOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: ARN, ClientID: '' }),
      'ValidationError',
      "1 validation error detected: Value at 'clientID' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    await expectAwsError(
      ops.RemoveClientIDFromOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: ARN, ClientID: 'a' }),
      'NoSuchEntity',
      `OpenIDConnect Provider not found for arn ${ARN}`,
    );
  });

  it('replaces the thumbprint list (recorded: after-update)', async () => {
    await create(undefined, { ThumbprintList: [THUMB_A] });
    const c = 'c'.repeat(40);
    const d = 'd'.repeat(40);
    await ops.UpdateOpenIDConnectProviderThumbprint!(h.ctx, {
      OpenIDConnectProviderArn: ARN,
      ThumbprintList: [c, d],
    });
    expect(
      (await ops.GetOpenIDConnectProvider!(h.ctx, { OpenIDConnectProviderArn: ARN })).ThumbprintList,
    ).toEqual([c, d]);
    await expectAwsError(
      ops.UpdateOpenIDConnectProviderThumbprint!(h.ctx, {
        OpenIDConnectProviderArn: ARN,
        ThumbprintList: Array.from({ length: 6 }, () => THUMB_B),
      }),
      'InvalidInput',
      'Thumbprint list must contain fewer than 5 entries.',
    );
  });
});

describe('provider tags', () => {
  const ref = { OpenIDConnectProviderArn: ARN };

  it('tags, lists in key order, untags (recorded: after-tagging, after-untagging)', async () => {
    await create();
    await ops.TagOpenIDConnectProvider!(h.ctx, {
      ...ref,
      Tags: [
        { Key: 'k2', Value: 'v2' },
        { Key: 'k1', Value: 'v1' },
      ],
    });
    expect(await ops.ListOpenIDConnectProviderTags!(h.ctx, ref)).toEqual({
      Tags: [
        { Key: 'k1', Value: 'v1' },
        { Key: 'k2', Value: 'v2' },
      ],
      IsTruncated: false,
    });
    await ops.UntagOpenIDConnectProvider!(h.ctx, { ...ref, TagKeys: ['k2'] });
    expect((await ops.ListOpenIDConnectProviderTags!(h.ctx, ref)).Tags).toEqual([{ Key: 'k1', Value: 'v1' }]);
  });

  it('pages through tags with MaxItems and Marker', async () => {
    await create(undefined, {
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
        { Key: 'c', Value: '3' },
      ],
    });
    const first = await ops.ListOpenIDConnectProviderTags!(h.ctx, { ...ref, MaxItems: 1 });
    expect(first).toMatchObject({ Tags: [{ Key: 'a', Value: '1' }], IsTruncated: true });
    const rest = await ops.ListOpenIDConnectProviderTags!(h.ctx, { ...ref, Marker: first.Marker! });
    expect(rest).toEqual({
      Tags: [
        { Key: 'b', Value: '2' },
        { Key: 'c', Value: '3' },
      ],
      IsTruncated: false,
    });
  });

  it('stops at 50 tags (recorded: tags-limit-error)', async () => {
    await create(undefined, { Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) });
    await expectAwsError(
      ops.TagOpenIDConnectProvider!(h.ctx, { ...ref, Tags: [{ Key: 'one-more', Value: 'v' }] }),
      'LimitExceeded',
      'The number of tags has reached the maximum limit.',
    );
  });

  it('authorizes with the resource tags and the request tags', async () => {
    await create(undefined, { Tags: [{ Key: 'owner', Value: 'me' }] });
    h.calls.length = 0;
    await ops.TagOpenIDConnectProvider!(h.ctx, { ...ref, Tags: [{ Key: 'team', Value: 'red' }] });
    await ops.UntagOpenIDConnectProvider!(h.ctx, { ...ref, TagKeys: ['team'] });
    expect(h.calls).toEqual([
      {
        action: 'iam:TagOpenIDConnectProvider',
        resource: ARN,
        context: {
          'aws:ResourceTag/owner': 'me',
          'aws:RequestTag/team': 'red',
          'aws:TagKeys': ['team'],
        },
      },
      {
        action: 'iam:UntagOpenIDConnectProvider',
        resource: ARN,
        context: { 'aws:ResourceTag/owner': 'me', 'aws:ResourceTag/team': 'red', 'aws:TagKeys': ['team'] },
      },
    ]);
  });

  it('says NoSuchEntity when tagging a provider that does not exist', async () => {
    await expectAwsError(
      ops.TagOpenIDConnectProvider!(h.ctx, { ...ref, Tags: [{ Key: 'k', Value: 'v' }] }),
      'NoSuchEntity',
      `OpenIDConnect Provider not found for arn ${ARN}`,
    );
  });
});
