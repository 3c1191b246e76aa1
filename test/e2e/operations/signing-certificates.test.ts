import {
  CreateUserCommand,
  DeleteSigningCertificateCommand,
  ListSigningCertificatesCommand,
  UpdateSigningCertificateCommand,
  UploadSigningCertificateCommand,
} from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CA_CERTIFICATE,
  LEAF_CERTIFICATE,
  OTHER_CERTIFICATE,
} from '../../../src/iam/server-certificates/test-support/certificates.js';
import { expectError, serverForFile, unique } from './support.js';

// X.509 signing certificates of users (https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadSigningCertificate.html
// and the pages it links; shapes and messages as recorded in test_iam_signing_certificates). A certificate may
// belong to one user of the account at a time and there are three fixtures, so each test deletes what it uploaded.
const env = serverForFile();

const uploaded: { UserName: string; CertificateId: string }[] = [];
afterEach(async () => {
  for (const certificate of uploaded.splice(0)) {
    await env.iam.send(new DeleteSigningCertificateCommand(certificate)).catch(() => undefined);
  }
});

const MISSING_ID = 'NONEXISTENTCERTID12345678901';
const noSuchUser = {
  name: 'NoSuchEntityException',
  status: 404,
  message: 'The user with name nonexistent-user cannot be found.',
};
const noSuchCertificate = {
  name: 'NoSuchEntityException',
  status: 404,
  message: `The Certificate with id ${MISSING_ID} cannot be found.`,
};

async function createUser() {
  const name = unique('signer');
  await env.iam.send(new CreateUserCommand({ UserName: name }));
  return name;
}

async function upload(UserName: string, CertificateBody = LEAF_CERTIFICATE) {
  const { Certificate } = await env.iam.send(
    new UploadSigningCertificateCommand({ UserName, CertificateBody }),
  );
  uploaded.push({ UserName, CertificateId: Certificate!.CertificateId! });
  return Certificate!;
}

describe('UploadSigningCertificate', () => {
  it('adds an active certificate with a 28-character id', async () => {
    const user = await createUser();
    const certificate = await upload(user);
    expect(certificate).toMatchObject({ UserName: user, Status: 'Active' });
    expect(certificate.CertificateBody!.trim()).toBe(LEAF_CERTIFICATE.trim());
    expect(certificate.CertificateId).toMatch(/^[A-Z0-9]{28}$/);
    expect(certificate.UploadDate).toBeInstanceOf(Date);
  });

  it('a third certificate is LimitExceeded (409), as recorded', async () => {
    const user = await createUser();
    await upload(user, LEAF_CERTIFICATE);
    await upload(user, OTHER_CERTIFICATE);
    await expectError(() => upload(user, CA_CERTIFICATE), {
      name: 'LimitExceededException',
      status: 409,
      message: 'Cannot exceed quota for CertificatesPerUser: 2',
    });
  });

  it('a certificate another user of the account has is DuplicateCertificate (409)', async () => {
    await upload(await createUser());
    const other = await createUser();
    await expectError(() => upload(other), { name: 'DuplicateCertificateException', status: 409 });
  });

  it('a body that is not a certificate is MalformedCertificate (400), as recorded', async () => {
    const user = await createUser();
    await expectError(() => upload(user, 'invalid-certificate-body'), {
      name: 'MalformedCertificateException',
      status: 400,
      message: 'Certificate invalid-certificate-body is malformed.',
    });
  });

  it('a missing user is NoSuchEntity (404), as recorded', async () => {
    await expectError(() => upload('nonexistent-user'), noSuchUser);
  });
});

describe('ListSigningCertificates', () => {
  it("lists the user's certificates in pages", async () => {
    const user = await createUser();
    const first = await upload(user, LEAF_CERTIFICATE);
    const second = await upload(user, OTHER_CERTIFICATE);
    const page1 = await env.iam.send(new ListSigningCertificatesCommand({ UserName: user, MaxItems: 1 }));
    expect(page1.IsTruncated).toBe(true);
    const page2 = await env.iam.send(
      new ListSigningCertificatesCommand({ UserName: user, Marker: page1.Marker }),
    );
    expect(page2.IsTruncated).toBe(false);
    const listed = [...page1.Certificates!, ...page2.Certificates!];
    expect(listed.map((c) => c.CertificateId).sort()).toEqual(
      [first.CertificateId, second.CertificateId].sort(),
    );
    for (const certificate of listed) {
      expect(certificate).toMatchObject({ UserName: user, Status: 'Active' });
      expect(certificate.UploadDate).toBeInstanceOf(Date);
    }
  });

  it('a missing user is NoSuchEntity (404), as recorded', async () => {
    await expectError(
      () => env.iam.send(new ListSigningCertificatesCommand({ UserName: 'nonexistent-user' })),
      noSuchUser,
    );
  });
});

describe('UpdateSigningCertificate', () => {
  it('deactivates and reactivates, as recorded', async () => {
    const user = await createUser();
    const { CertificateId } = await upload(user);
    const status = async () =>
      (await env.iam.send(new ListSigningCertificatesCommand({ UserName: user }))).Certificates![0]!.Status;
    await env.iam.send(
      new UpdateSigningCertificateCommand({ UserName: user, CertificateId, Status: 'Inactive' }),
    );
    expect(await status()).toBe('Inactive');
    await env.iam.send(
      new UpdateSigningCertificateCommand({ UserName: user, CertificateId, Status: 'Active' }),
    );
    expect(await status()).toBe('Active');
  });

  it('a missing certificate or user is NoSuchEntity (404), as recorded', async () => {
    const user = await createUser();
    await expectError(
      () =>
        env.iam.send(
          new UpdateSigningCertificateCommand({
            UserName: user,
            CertificateId: MISSING_ID,
            Status: 'Inactive',
          }),
        ),
      noSuchCertificate,
    );
    await expectError(
      () =>
        env.iam.send(
          new UpdateSigningCertificateCommand({
            UserName: 'nonexistent-user',
            CertificateId: MISSING_ID,
            Status: 'Inactive',
          }),
        ),
      noSuchUser,
    );
  });
});

describe('DeleteSigningCertificate', () => {
  it('deletes, as recorded', async () => {
    const user = await createUser();
    const { CertificateId } = await upload(user);
    await env.iam.send(new DeleteSigningCertificateCommand({ UserName: user, CertificateId }));
    expect(await env.iam.send(new ListSigningCertificatesCommand({ UserName: user }))).toMatchObject({
      Certificates: [],
      IsTruncated: false,
    });
  });

  it('a missing certificate or user is NoSuchEntity (404), as recorded', async () => {
    const user = await createUser();
    await expectError(
      () => env.iam.send(new DeleteSigningCertificateCommand({ UserName: user, CertificateId: MISSING_ID })),
      noSuchCertificate,
    );
    await expectError(
      () =>
        env.iam.send(
          new DeleteSigningCertificateCommand({ UserName: 'nonexistent-user', CertificateId: MISSING_ID }),
        ),
      noSuchUser,
    );
  });
});
