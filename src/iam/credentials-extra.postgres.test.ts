import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteStore } from '../store/pglite.js';
import { harness, type Harness } from './common/test-support/identities.js';
import { EXTRA_OPERATIONS as ops } from './credentials-extra.js';
import {
  CA_CERTIFICATE,
  LEAF_CERTIFICATE,
  LEAF_PRIVATE_KEY,
  OTHER_CERTIFICATE,
} from './server-certificates/test-support/certificates.js';
import { SSH_KEY, SSH_KEY_PEM } from './ssh-public-keys/test-support/keys.js';
import { expectAwsError } from './test-support/access-fixtures.js';
import { createUser } from './users/create-user.js';

// The same operations on PostgreSQL (PGlite in process), where counts come back as strings, FOR UPDATE locks the
// credential owner, and unique violations carry SQLSTATE 23505 and abort their transaction.
let h: Harness;
beforeAll(async () => {
  h = await harness({ store: await openPgliteStore() });
  await createUser(h.ctx, { UserName: 'alice' });
}, 30_000);
afterAll(() => h.ctx.close());

describe('provider, certificate and SSH key operations on PostgreSQL', () => {
  it('identity providers: duplicates, client ids and tags', async () => {
    const Url = 'https://idp.example.com';
    const { OpenIDConnectProviderArn } = await ops.CreateOpenIDConnectProvider!(h.ctx, {
      Url,
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    await expectAwsError(ops.CreateOpenIDConnectProvider!(h.ctx, { Url }), 'EntityAlreadyExists');
    await ops.AddClientIDToOpenIDConnectProvider!(h.ctx, {
      OpenIDConnectProviderArn: OpenIDConnectProviderArn!,
      ClientID: 'c',
    });
    const got = await ops.GetOpenIDConnectProvider!(h.ctx, {
      OpenIDConnectProviderArn: OpenIDConnectProviderArn!,
    });
    expect(got).toMatchObject({ ClientIDList: ['c'], Tags: [{ Key: 'k', Value: 'v' }] });

    const document = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata">${' '.repeat(1000)}</EntityDescriptor>`;
    await ops.CreateSAMLProvider!(h.ctx, { Name: 'idp', SAMLMetadataDocument: document });
    await expectAwsError(
      ops.CreateSAMLProvider!(h.ctx, { Name: 'idp', SAMLMetadataDocument: document }),
      'EntityAlreadyExists',
    );
    expect((await ops.ListSAMLProviders!(h.ctx, {})).SAMLProviderList).toHaveLength(1);
  });

  it('certificates: names without regard to case, duplicates and the per-user quota', async () => {
    const upload = { CertificateBody: LEAF_CERTIFICATE, PrivateKey: LEAF_PRIVATE_KEY };
    await ops.UploadServerCertificate!(h.ctx, { ServerCertificateName: 'web', ...upload });
    await expectAwsError(
      ops.UploadServerCertificate!(h.ctx, { ServerCertificateName: 'WEB', ...upload }),
      'EntityAlreadyExists',
    );
    await ops.UploadSigningCertificate!(h.ctx, { UserName: 'alice', CertificateBody: LEAF_CERTIFICATE });
    await expectAwsError(
      ops.UploadSigningCertificate!(h.ctx, { UserName: 'alice', CertificateBody: LEAF_CERTIFICATE }),
      'DuplicateCertificate',
    );
    await ops.UploadSigningCertificate!(h.ctx, { UserName: 'alice', CertificateBody: CA_CERTIFICATE });
    await expectAwsError(
      ops.UploadSigningCertificate!(h.ctx, { UserName: 'alice', CertificateBody: OTHER_CERTIFICATE }),
      'LimitExceeded',
      'Cannot exceed quota for CertificatesPerUser: 2',
    );
    const { Certificates } = await ops.ListSigningCertificates!(h.ctx, { UserName: 'alice' });
    expect(Certificates).toHaveLength(2);
  });

  it('SSH keys: one key once per user, whatever its encoding', async () => {
    const { SSHPublicKey } = await ops.UploadSSHPublicKey!(h.ctx, {
      UserName: 'alice',
      SSHPublicKeyBody: SSH_KEY,
    });
    await expectAwsError(
      ops.UploadSSHPublicKey!(h.ctx, { UserName: 'alice', SSHPublicKeyBody: SSH_KEY_PEM }),
      'DuplicateSSHPublicKey',
    );
    await ops.UpdateSSHPublicKey!(h.ctx, {
      UserName: 'alice',
      SSHPublicKeyId: SSHPublicKey!.SSHPublicKeyId,
      Status: 'Inactive',
    });
    expect((await ops.ListSSHPublicKeys!(h.ctx, { UserName: 'alice' })).SSHPublicKeys).toMatchObject([
      { Status: 'Inactive' },
    ]);
  });
});
