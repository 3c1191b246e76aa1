import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, ROLE_SESSION_CALLER, userCaller, type Harness } from '../common/test-support/identities.js';
import {
  CA_CERTIFICATE,
  LEAF_CERTIFICATE,
  OTHER_CERTIFICATE,
} from '../server-certificates/test-support/certificates.js';
import { expectAwsError } from '../test-support/access-fixtures.js';
import { createUser } from '../users/create-user.js';
import { updateUser } from '../users/update-user.js';
import { SIGNING_CERTIFICATE_OPERATIONS as ops } from './index.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createUser(h.ctx, { UserName: 'alice', Path: '/eng/' });
  h.calls.length = 0;
});
afterEach(() => h.ctx.close());

const upload = (CertificateBody = LEAF_CERTIFICATE, UserName = 'alice') =>
  ops.UploadSigningCertificate!(h.ctx, { CertificateBody, UserName });

describe('UploadSigningCertificate', () => {
  it('adds an active certificate, authorized on the user (recorded: upload-certificate)', async () => {
    const { Certificate } = await upload();
    expect(Certificate).toEqual({
      UserName: 'alice',
      CertificateId: expect.stringMatching(/^[A-Z2-7]{28}$/),
      CertificateBody: LEAF_CERTIFICATE,
      Status: 'Active',
      UploadDate: h.ctx.now,
    });
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([
      ['iam:UploadSigningCertificate', 'arn:aws:iam::123456789012:user/eng/alice'],
    ]);
  });

  it('allows two per user, with AWS message for a third (recorded: upload-exceeds-limit-error)', async () => {
    await upload(LEAF_CERTIFICATE);
    await upload(CA_CERTIFICATE);
    await expectAwsError(
      upload(OTHER_CERTIFICATE),
      'LimitExceeded',
      'Cannot exceed quota for CertificatesPerUser: 2',
    );
  });

  it('refuses the same certificate twice in the account, for any user', async () => {
    await upload();
    await createUser(h.ctx, { UserName: 'bob' });
    await expectAwsError(
      upload(LEAF_CERTIFICATE, 'bob'),
      'DuplicateCertificate',
      'The same certificate is associated with an IAM user in the account.',
    );
  });

  it('quotes a malformed body (recorded: upload-invalid-certificate-error)', async () => {
    await expectAwsError(
      upload('invalid-certificate-body'),
      'MalformedCertificate',
      'Certificate invalid-certificate-body is malformed.',
    );
  });

  it('says NoSuchEntity for an unknown user (recorded: upload-nonexistent-user-error)', async () => {
    await expectAwsError(
      upload(LEAF_CERTIFICATE, 'nonexistent-user'),
      'NoSuchEntity',
      'The user with name nonexistent-user cannot be found.',
    );
  });

  it("without UserName adds the calling user's, or the root user's for root credentials", async () => {
    const { User } = await createUser(h.ctx, { UserName: 'bob' });
    const mine = await ops.UploadSigningCertificate!(h.as(userCaller(User!)), {
      CertificateBody: CA_CERTIFICATE,
    });
    expect(mine.Certificate.UserName).toBe('bob');
    const root = await ops.UploadSigningCertificate!(h.ctx, { CertificateBody: LEAF_CERTIFICATE });
    expect(root.Certificate.UserName).toBe('root');
    expect((await ops.ListSigningCertificates!(h.ctx, {})).Certificates.map((c) => c.CertificateId)).toEqual([
      root.Certificate.CertificateId,
    ]);
    await expectAwsError(
      ops.UploadSigningCertificate!(h.as(ROLE_SESSION_CALLER), { CertificateBody: OTHER_CERTIFICATE }),
      'ValidationError',
      'Must specify userName when calling with non-User credentials',
    );
  });
});

describe('UpdateSigningCertificate, DeleteSigningCertificate and ListSigningCertificates', () => {
  it('deactivates, reactivates, deletes (recorded: test_signing_certificate_lifecycle)', async () => {
    const { Certificate } = await upload();
    const ref = { UserName: 'alice', CertificateId: Certificate.CertificateId };
    const listed = () => ops.ListSigningCertificates!(h.ctx, { UserName: 'alice' });
    expect(await listed()).toEqual({ Certificates: [Certificate], IsTruncated: false });
    await ops.UpdateSigningCertificate!(h.ctx, { ...ref, Status: 'Inactive' });
    expect((await listed()).Certificates[0]?.Status).toBe('Inactive');
    await ops.UpdateSigningCertificate!(h.ctx, { ...ref, Status: 'Active' });
    expect((await listed()).Certificates[0]?.Status).toBe('Active');
    await ops.DeleteSigningCertificate!(h.ctx, ref);
    expect(await listed()).toEqual({ Certificates: [], IsTruncated: false });
  });

  it('reports the current user name after a rename (recorded: test_user_rename_updates_signing_certificates)', async () => {
    await upload();
    await updateUser(h.ctx, { UserName: 'alice', NewUserName: 'alicia' });
    expect(
      (await ops.ListSigningCertificates!(h.ctx, { UserName: 'alicia' })).Certificates[0]?.UserName,
    ).toBe('alicia');
  });

  it('says NoSuchEntity for an unknown user or certificate (recorded: test_signing_certificate_errors)', async () => {
    const userMessage = 'The user with name nonexistent-user cannot be found.';
    const id = 'NONEXISTENTCERTID12345678901';
    const nobody = { UserName: 'nonexistent-user', CertificateId: id };
    await expectAwsError(
      ops.ListSigningCertificates!(h.ctx, { UserName: 'nonexistent-user' }),
      'NoSuchEntity',
      userMessage,
    );
    await expectAwsError(ops.DeleteSigningCertificate!(h.ctx, nobody), 'NoSuchEntity', userMessage);
    await expectAwsError(
      ops.UpdateSigningCertificate!(h.ctx, { ...nobody, Status: 'Inactive' }),
      'NoSuchEntity',
      userMessage,
    );
    const message = `The Certificate with id ${id} cannot be found.`;
    await expectAwsError(
      ops.UpdateSigningCertificate!(h.ctx, { UserName: 'alice', CertificateId: id, Status: 'Inactive' }),
      'NoSuchEntity',
      message,
    );
    await expectAwsError(
      ops.DeleteSigningCertificate!(h.ctx, { UserName: 'alice', CertificateId: id }),
      'NoSuchEntity',
      message,
    );
  });

  it("does not touch another user's certificate", async () => {
    const { Certificate } = await upload();
    await createUser(h.ctx, { UserName: 'bob' });
    await expectAwsError(
      ops.DeleteSigningCertificate!(h.ctx, { UserName: 'bob', CertificateId: Certificate.CertificateId }),
      'NoSuchEntity',
      `The Certificate with id ${Certificate.CertificateId} cannot be found.`,
    );
  });

  it('checks the members, in the order AWS lists them', async () => {
    await expectAwsError(
      ops.UpdateSigningCertificate!(h.ctx, {
        UserName: 'bad name',
        CertificateId: 'short',
        Status: 'Paused',
      }),
      'ValidationError',
      "3 validation errors detected: Value at 'certificateId' failed to satisfy constraint: Member must have length greater than or equal to 24; Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
    );
  });
});
