import {
  DeleteServerCertificateCommand,
  GetServerCertificateCommand,
  ListServerCertificatesCommand,
  ListServerCertificateTagsCommand,
  TagServerCertificateCommand,
  UntagServerCertificateCommand,
  UpdateServerCertificateCommand,
  UploadServerCertificateCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import {
  CA_CERTIFICATE,
  LEAF_CERTIFICATE,
  LEAF_PRIVATE_KEY,
  OTHER_PRIVATE_KEY,
} from '../../../src/iam/server-certificates/test-support/certificates.js';
import { ACCOUNT } from '../support/server.js';
import { expectError, idPattern, serverForFile, unique } from './support.js';

// Server certificates (https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadServerCertificate.html and the
// pages it links; shapes and messages as recorded in test_iam_server_certificates).
const env = serverForFile();

/** LEAF_CERTIFICATE's notAfter. */
const EXPIRES = new Date('2126-11-03T20:16:31.000Z');

const noSuchCertificate = (name: string) => ({
  name: 'NoSuchEntityException',
  status: 404,
  message: `The Server Certificate with name ${name} cannot be found.`,
});

async function upload(name = unique('web'), extra: { Path?: string; CertificateChain?: string } = {}) {
  const out = await env.iam.send(
    new UploadServerCertificateCommand({
      ServerCertificateName: name,
      CertificateBody: LEAF_CERTIFICATE,
      PrivateKey: LEAF_PRIVATE_KEY,
      ...extra,
    }),
  );
  return { name, metadata: out.ServerCertificateMetadata! };
}

describe('UploadServerCertificate', () => {
  it('returns the metadata with an ASCA id, the ARN with the path, and the expiry read from the certificate', async () => {
    const { name, metadata } = await upload(undefined, { Path: '/test-path/' });
    expect(metadata).toMatchObject({
      ServerCertificateName: name,
      Path: '/test-path/',
      Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/test-path/${name}`,
      Expiration: EXPIRES,
    });
    expect(metadata.ServerCertificateId).toMatch(idPattern('ASCA'));
    expect(metadata.UploadDate).toBeInstanceOf(Date);
  });

  it('a name already taken is EntityAlreadyExists (409), as recorded', async () => {
    const { name } = await upload();
    await expectError(() => upload(name), {
      name: 'EntityAlreadyExistsException',
      status: 409,
      message: `The Server Certificate with name ${name} already exists.`,
    });
  });

  it('a private key that does not match the certificate is KeyPairMismatch (400)', async () => {
    await expectError(
      () =>
        env.iam.send(
          new UploadServerCertificateCommand({
            ServerCertificateName: unique('mismatch'),
            CertificateBody: LEAF_CERTIFICATE,
            PrivateKey: OTHER_PRIVATE_KEY,
          }),
        ),
      {
        name: 'KeyPairMismatchException',
        status: 400,
        message: 'The public key certificate and the private key do not match.',
      },
    );
  });
});

describe('GetServerCertificate', () => {
  it('returns the body, the chain, the metadata and the tags, never the private key', async () => {
    const { name, metadata } = await upload(undefined, { CertificateChain: CA_CERTIFICATE });
    const { ServerCertificate } = await env.iam.send(
      new GetServerCertificateCommand({ ServerCertificateName: name }),
    );
    expect(ServerCertificate!.CertificateBody!.trim()).toBe(LEAF_CERTIFICATE.trim());
    expect(ServerCertificate!.CertificateChain!.trim()).toBe(CA_CERTIFICATE.trim());
    expect(ServerCertificate!.ServerCertificateMetadata).toEqual(metadata);
    expect(ServerCertificate!.Tags).toEqual([]);
    expect(JSON.stringify(ServerCertificate)).not.toContain('PRIVATE KEY');
  });

  it('a missing certificate is NoSuchEntity (404), as recorded', async () => {
    await expectError(
      () =>
        env.iam.send(new GetServerCertificateCommand({ ServerCertificateName: 'nonexistent-certificate' })),
      noSuchCertificate('nonexistent-certificate'),
    );
  });
});

describe('ListServerCertificates', () => {
  it('filters by path prefix and pages', async () => {
    const path = `/${unique('certs')}/`;
    const names = [unique('c-a'), unique('c-b'), unique('c-c')];
    for (const name of names) await upload(name, { Path: path });
    const first = await env.iam.send(new ListServerCertificatesCommand({ PathPrefix: path, MaxItems: 2 }));
    expect(first.ServerCertificateMetadataList!.map((c) => c.ServerCertificateName)).toEqual(
      names.slice(0, 2),
    );
    expect(first.ServerCertificateMetadataList![0]!.Expiration).toEqual(EXPIRES);
    expect(first.IsTruncated).toBe(true);
    const second = await env.iam.send(
      new ListServerCertificatesCommand({ PathPrefix: path, Marker: first.Marker }),
    );
    expect(second.ServerCertificateMetadataList!.map((c) => c.ServerCertificateName)).toEqual(names.slice(2));
    expect(second.IsTruncated).toBe(false);
  });

  it('an unreadable Marker is ValidationError (400)', async () => {
    await expectError(() => env.iam.send(new ListServerCertificatesCommand({ Marker: 'nope' })), {
      name: 'ValidationError',
      status: 400,
      message: 'Invalid Marker.',
    });
  });
});

describe('UpdateServerCertificate', () => {
  it('renames and moves a certificate, keeping its id', async () => {
    const { name, metadata } = await upload();
    const renamed = unique('renamed');
    await env.iam.send(
      new UpdateServerCertificateCommand({
        ServerCertificateName: name,
        NewServerCertificateName: renamed,
        NewPath: '/moved/',
      }),
    );
    const { ServerCertificate } = await env.iam.send(
      new GetServerCertificateCommand({ ServerCertificateName: renamed }),
    );
    expect(ServerCertificate!.ServerCertificateMetadata).toMatchObject({
      ServerCertificateId: metadata.ServerCertificateId,
      Path: '/moved/',
      Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/moved/${renamed}`,
    });
    await expectError(
      () => env.iam.send(new GetServerCertificateCommand({ ServerCertificateName: name })),
      noSuchCertificate(name),
    );
  });

  it('a missing certificate is NoSuchEntity (404); renaming onto another EntityAlreadyExists (409)', async () => {
    await expectError(
      () =>
        env.iam.send(
          new UpdateServerCertificateCommand({
            ServerCertificateName: 'nonexistent-certificate',
            NewPath: '/x/',
          }),
        ),
      noSuchCertificate('nonexistent-certificate'),
    );
    const a = await upload();
    const b = await upload();
    await expectError(
      () =>
        env.iam.send(
          new UpdateServerCertificateCommand({
            ServerCertificateName: a.name,
            NewServerCertificateName: b.name,
          }),
        ),
      { name: 'EntityAlreadyExistsException', status: 409 },
    );
  });
});

describe('DeleteServerCertificate', () => {
  it('deletes; the certificate is then gone, as recorded', async () => {
    const { name } = await upload();
    const out = await env.iam.send(new DeleteServerCertificateCommand({ ServerCertificateName: name }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    await expectError(
      () => env.iam.send(new GetServerCertificateCommand({ ServerCertificateName: name })),
      noSuchCertificate(name),
    );
  });

  it('a missing certificate is NoSuchEntity (404), as recorded', async () => {
    await expectError(
      () =>
        env.iam.send(
          new DeleteServerCertificateCommand({ ServerCertificateName: 'nonexistent-certificate' }),
        ),
      noSuchCertificate('nonexistent-certificate'),
    );
  });
});

describe('TagServerCertificate, UntagServerCertificate, ListServerCertificateTags', () => {
  it('tags, lists in pages and untags', async () => {
    const { name } = await upload();
    await env.iam.send(
      new TagServerCertificateCommand({
        ServerCertificateName: name,
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'owner', Value: 'web' },
        ],
      }),
    );
    const first = await env.iam.send(
      new ListServerCertificateTagsCommand({ ServerCertificateName: name, MaxItems: 1 }),
    );
    expect(first).toMatchObject({ Tags: [{ Key: 'env', Value: 'prod' }], IsTruncated: true });
    const second = await env.iam.send(
      new ListServerCertificateTagsCommand({ ServerCertificateName: name, Marker: first.Marker }),
    );
    expect(second).toMatchObject({ Tags: [{ Key: 'owner', Value: 'web' }], IsTruncated: false });
    await env.iam.send(new UntagServerCertificateCommand({ ServerCertificateName: name, TagKeys: ['env'] }));
    expect(
      (await env.iam.send(new ListServerCertificateTagsCommand({ ServerCertificateName: name }))).Tags,
    ).toEqual([{ Key: 'owner', Value: 'web' }]);
  });

  it('a missing certificate is NoSuchEntity (404) for each of them', async () => {
    const missing = noSuchCertificate('nonexistent-certificate');
    await expectError(
      () =>
        env.iam.send(
          new TagServerCertificateCommand({
            ServerCertificateName: 'nonexistent-certificate',
            Tags: [{ Key: 'k', Value: 'v' }],
          }),
        ),
      missing,
    );
    await expectError(
      () =>
        env.iam.send(
          new UntagServerCertificateCommand({
            ServerCertificateName: 'nonexistent-certificate',
            TagKeys: ['k'],
          }),
        ),
      missing,
    );
    await expectError(
      () =>
        env.iam.send(
          new ListServerCertificateTagsCommand({ ServerCertificateName: 'nonexistent-certificate' }),
        ),
      missing,
    );
  });
});
