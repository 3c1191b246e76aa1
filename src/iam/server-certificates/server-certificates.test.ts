import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../common/test-support/identities.js';
import { expectAwsError } from '../test-support/access-fixtures.js';
import { SERVER_CERTIFICATE_OPERATIONS as ops } from './index.js';
import {
  CA_CERTIFICATE,
  LEAF_CERTIFICATE,
  LEAF_PRIVATE_KEY,
  OTHER_CERTIFICATE,
  OTHER_PRIVATE_KEY,
} from './test-support/certificates.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.ctx.close());

const EXPIRES = new Date('2126-11-03T20:16:31.000Z');
const upload = (ServerCertificateName = 'web', extra: object = {}) =>
  ops.UploadServerCertificate!(h.ctx, {
    ServerCertificateName,
    CertificateBody: LEAF_CERTIFICATE,
    PrivateKey: LEAF_PRIVATE_KEY,
    ...extra,
  });

describe('UploadServerCertificate', () => {
  it.each([
    [undefined, '/', 'arn:aws:iam::123456789012:server-certificate/web'],
    ['/', '/', 'arn:aws:iam::123456789012:server-certificate/web'],
    ['/test-path/', '/test-path/', 'arn:aws:iam::123456789012:server-certificate/test-path/web'],
  ])(
    'returns the metadata with path %s (recorded: test_server_certificate_lifecycle)',
    async (Path, path, arn) => {
      const { ServerCertificateMetadata } = await upload('web', Path === undefined ? {} : { Path });
      expect(ServerCertificateMetadata).toEqual({
        Path: path,
        ServerCertificateName: 'web',
        ServerCertificateId: expect.stringMatching(/^ASCA[A-Z2-7]{17}$/),
        Arn: arn,
        UploadDate: h.ctx.now,
        Expiration: EXPIRES,
      });
      expect(h.calls).toEqual([{ action: 'iam:UploadServerCertificate', resource: arn, context: {} }]);
    },
  );

  it('keeps the private key only sealed under the master key', async () => {
    await upload();
    const row = await h.ctx.store.db.selectFrom('server_certificates').selectAll().executeTakeFirstOrThrow();
    expect(row.private_key_ciphertext).not.toContain('PRIVATE KEY');
    expect(h.ctx.secrets.open(row.private_key_ciphertext)).toBe(LEAF_PRIVATE_KEY);
    const got = await ops.GetServerCertificate!(h.ctx, { ServerCertificateName: 'web' });
    expect(JSON.stringify(got)).not.toContain('PRIVATE KEY');
  });

  it('accepts the chain that issued the certificate (recorded: test_server_certificate_with_chain)', async () => {
    await upload('web', { CertificateChain: CA_CERTIFICATE });
    const got = await ops.GetServerCertificate!(h.ctx, { ServerCertificateName: 'web' });
    expect(got.ServerCertificate.CertificateChain).toBe(CA_CERTIFICATE);
  });

  it('refuses a chain that does not start with the issuer, naming its position', async () => {
    await expectAwsError(
      upload('web', { CertificateChain: LEAF_CERTIFICATE + CA_CERTIFICATE }),
      'MalformedCertificate',
      'Unable to validate certificate chain. The certificate chain must start with the immediate signing certificate, followed by any intermediaries in order. The index within the chain of the invalid certificate is: 1',
    );
  });

  it.each([
    ['a body that is not PEM', { CertificateBody: 'certificate-body' }],
    ['a body that is a key', { CertificateBody: LEAF_PRIVATE_KEY }],
    ['two certificates as the body', { CertificateBody: LEAF_CERTIFICATE + CA_CERTIFICATE }],
    ['a key that is not PEM', { PrivateKey: 'private-key' }],
    ['a chain that is not PEM', { CertificateChain: 'chain' }],
  ])('refuses %s as MalformedCertificate', async (_, extra) => {
    await expectAwsError(
      upload('web', extra),
      'MalformedCertificate',
      'Unable to parse certificate. Please ensure the certificate is in PEM format.',
    );
  });

  it.each([
    ['an RSA certificate with an EC key', { PrivateKey: OTHER_PRIVATE_KEY }],
    ['an EC certificate with an RSA key', { CertificateBody: OTHER_CERTIFICATE }],
  ])('refuses %s as KeyPairMismatch', async (_, extra) => {
    await expectAwsError(
      upload('web', extra),
      'KeyPairMismatch',
      'The public key certificate and the private key do not match.',
    );
  });

  it('accepts an EC certificate with its own key', async () => {
    const { ServerCertificateMetadata } = await upload('ec', {
      CertificateBody: OTHER_CERTIFICATE,
      PrivateKey: OTHER_PRIVATE_KEY,
    });
    expect(ServerCertificateMetadata?.ServerCertificateName).toBe('ec');
  });

  it('refuses a name in use, without regard to case (recorded: upload-duplicate-certificate-error)', async () => {
    await upload('web');
    await expectAwsError(
      upload('WEB'),
      'EntityAlreadyExists',
      'The Server Certificate with name WEB already exists.',
    );
  });

  it('checks the members, in the order AWS lists them', async () => {
    await expectAwsError(
      upload('bad name', { Path: 'no-slash' }),
      'ValidationError',
      "2 validation errors detected: Value at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F); Value at 'serverCertificateName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
  });

  it('stops at 20 certificates per account', async () => {
    for (let i = 0; i < 20; i++) await upload(`c${i}`);
    await expectAwsError(
      upload('one-more'),
      'LimitExceeded',
      'Cannot exceed quota for ServerCertificatesPerAccount: 20',
    );
  });

  it('returns the tags it was uploaded with, and authorizes with them', async () => {
    const Tags = [{ Key: 'env', Value: 'prod' }];
    expect((await upload('web', { Tags })).Tags).toEqual(Tags);
    expect(h.calls[0]?.context).toEqual({ 'aws:RequestTag/env': 'prod', 'aws:TagKeys': ['env'] });
  });
});

describe('GetServerCertificate, ListServerCertificates and DeleteServerCertificate', () => {
  it('gets, lists by path prefix and deletes (recorded: test_server_certificate_lifecycle)', async () => {
    const { ServerCertificateMetadata } = await upload('web', { Path: '/test-path/' });
    await upload('api');
    expect(await ops.GetServerCertificate!(h.ctx, { ServerCertificateName: 'web' })).toEqual({
      ServerCertificate: {
        ServerCertificateMetadata,
        CertificateBody: LEAF_CERTIFICATE,
        Tags: [],
      },
    });
    expect(
      (await ops.ListServerCertificates!(h.ctx, {})).ServerCertificateMetadataList.map(
        (m) => m.ServerCertificateName,
      ),
    ).toEqual(['api', 'web']);
    expect(await ops.ListServerCertificates!(h.ctx, { PathPrefix: '/test-path/' })).toEqual({
      ServerCertificateMetadataList: [ServerCertificateMetadata],
      IsTruncated: false,
    });
    expect(await ops.DeleteServerCertificate!(h.ctx, { ServerCertificateName: 'web' })).toEqual({});
    await expectAwsError(
      ops.GetServerCertificate!(h.ctx, { ServerCertificateName: 'web' }),
      'NoSuchEntity',
      'The Server Certificate with name web cannot be found.',
    );
  });

  it('pages with MaxItems', async () => {
    await upload('a');
    await upload('b');
    const first = await ops.ListServerCertificates!(h.ctx, { MaxItems: 1 });
    expect(first.IsTruncated).toBe(true);
    const rest = await ops.ListServerCertificates!(h.ctx, { Marker: first.Marker! });
    expect(rest.ServerCertificateMetadataList.map((m) => m.ServerCertificateName)).toEqual(['b']);
  });

  it('says NoSuchEntity for unknown names, after authorizing (recorded: test_server_certificate_errors)', async () => {
    const name = { ServerCertificateName: 'nonexistent-certificate' };
    const message = 'The Server Certificate with name nonexistent-certificate cannot be found.';
    await expectAwsError(ops.GetServerCertificate!(h.ctx, name), 'NoSuchEntity', message);
    await expectAwsError(ops.DeleteServerCertificate!(h.ctx, name), 'NoSuchEntity', message);
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([
      ['iam:GetServerCertificate', 'arn:aws:iam::123456789012:server-certificate/nonexistent-certificate'],
      ['iam:DeleteServerCertificate', 'arn:aws:iam::123456789012:server-certificate/nonexistent-certificate'],
    ]);
  });
});

describe('UpdateServerCertificate', () => {
  it('renames and moves, authorizing on the old and the new ARN, keeping id and tags', async () => {
    const { ServerCertificateMetadata } = await upload('web', { Tags: [{ Key: 'k', Value: 'v' }] });
    h.calls.length = 0;
    await ops.UpdateServerCertificate!(h.ctx, {
      ServerCertificateName: 'web',
      NewServerCertificateName: 'www',
      NewPath: '/edge/',
    });
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([
      ['iam:UpdateServerCertificate', 'arn:aws:iam::123456789012:server-certificate/web'],
      ['iam:UpdateServerCertificate', 'arn:aws:iam::123456789012:server-certificate/edge/www'],
    ]);
    const got = await ops.GetServerCertificate!(h.ctx, { ServerCertificateName: 'www' });
    expect(got.ServerCertificate.ServerCertificateMetadata).toMatchObject({
      ServerCertificateId: ServerCertificateMetadata!.ServerCertificateId,
      Path: '/edge/',
      Arn: 'arn:aws:iam::123456789012:server-certificate/edge/www',
    });
    expect(got.ServerCertificate.Tags).toEqual([{ Key: 'k', Value: 'v' }]);
  });

  it('refuses a new name in use, and an unknown certificate', async () => {
    await upload('a');
    await upload('b');
    await expectAwsError(
      ops.UpdateServerCertificate!(h.ctx, { ServerCertificateName: 'a', NewServerCertificateName: 'B' }),
      'EntityAlreadyExists',
      'The Server Certificate with name B already exists.',
    );
    await expectAwsError(
      ops.UpdateServerCertificate!(h.ctx, { ServerCertificateName: 'zzz', NewPath: '/x/' }),
      'NoSuchEntity',
      'The Server Certificate with name zzz cannot be found.',
    );
  });
});

describe('server certificate tags', () => {
  it('tags, lists and untags, and drops the tags with the certificate', async () => {
    await upload('web');
    const ref = { ServerCertificateName: 'web' };
    await ops.TagServerCertificate!(h.ctx, {
      ...ref,
      Tags: [
        { Key: 'b', Value: '2' },
        { Key: 'a', Value: '1' },
      ],
    });
    await ops.UntagServerCertificate!(h.ctx, { ...ref, TagKeys: ['b'] });
    expect(await ops.ListServerCertificateTags!(h.ctx, ref)).toEqual({
      Tags: [{ Key: 'a', Value: '1' }],
      IsTruncated: false,
    });
    expect(h.calls.at(-1)).toEqual({
      action: 'iam:ListServerCertificateTags',
      resource: 'arn:aws:iam::123456789012:server-certificate/web',
      context: { 'aws:ResourceTag/a': '1' },
    });
    await ops.DeleteServerCertificate!(h.ctx, ref);
    expect(await h.ctx.store.db.selectFrom('tags').selectAll().execute()).toEqual([]);
  });
});
