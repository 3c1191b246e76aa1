import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, userCaller, type Harness } from '../common/test-support/identities.js';
import { expectAwsError } from '../test-support/access-fixtures.js';
import { createUser } from '../users/create-user.js';
import { updateUser } from '../users/update-user.js';
import { SSH_PUBLIC_KEY_OPERATIONS as ops } from './index.js';
import { OTHER_SSH_KEY, SSH_KEY, SSH_KEY_FINGERPRINT, SSH_KEY_PEM } from './test-support/keys.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await createUser(h.ctx, { UserName: 'alice' });
  h.calls.length = 0;
});
afterEach(() => h.ctx.close());

const upload = (SSHPublicKeyBody = SSH_KEY, UserName = 'alice') =>
  ops.UploadSSHPublicKey!(h.ctx, { UserName, SSHPublicKeyBody });
const MISSING_ID = 'APKAXXXXXXXXXXXXXXXXX';

describe('UploadSSHPublicKey and GetSSHPublicKey', () => {
  it('adds an active key with its fingerprint, authorized on the user (recorded: upload-response)', async () => {
    const { SSHPublicKey } = await upload();
    expect(SSHPublicKey).toEqual({
      UserName: 'alice',
      SSHPublicKeyId: expect.stringMatching(/^APKA[A-Z2-7]{17}$/),
      Fingerprint: SSH_KEY_FINGERPRINT,
      SSHPublicKeyBody: SSH_KEY,
      Status: 'Active',
      UploadDate: h.ctx.now,
    });
    expect(h.calls.map((c) => [c.action, c.resource])).toEqual([
      ['iam:UploadSSHPublicKey', 'arn:aws:iam::123456789012:user/alice'],
    ]);
  });

  it('gets the key as uploaded, or as PEM (recorded: get-response)', async () => {
    const { SSHPublicKey } = await upload();
    const ref = { UserName: 'alice', SSHPublicKeyId: SSHPublicKey!.SSHPublicKeyId };
    expect(await ops.GetSSHPublicKey!(h.ctx, { ...ref, Encoding: 'SSH' })).toEqual({ SSHPublicKey });
    expect(
      (await ops.GetSSHPublicKey!(h.ctx, { ...ref, Encoding: 'PEM' })).SSHPublicKey?.SSHPublicKeyBody,
    ).toBe(SSH_KEY_PEM);
  });

  it('refuses a key the user already has, in either encoding', async () => {
    await upload(SSH_KEY);
    await expectAwsError(
      upload(SSH_KEY_PEM),
      'DuplicateSSHPublicKey',
      'The SSH public key is already associated with the specified IAM user.',
    );
    await createUser(h.ctx, { UserName: 'bob' });
    await upload(SSH_KEY, 'bob');
  });

  it('allows five keys per user', async () => {
    const keys = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const { generateKeyPairSync } = await import('node:crypto');
        const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return publicKey.export({ type: 'spki', format: 'pem' }).toString();
      }),
    );
    for (const key of keys.slice(0, 5)) await upload(key);
    await expectAwsError(upload(keys[5]), 'LimitExceeded', 'Cannot exceed quota for SSHPublicKeysPerUser: 5');
  });

  it('refuses what is not a key', async () => {
    await expectAwsError(
      upload('hello'),
      'UnrecognizedPublicKeyEncoding',
      'The public key encoding format is unsupported or unrecognized.',
    );
  });

  it('says NoSuchEntity for an unknown user or key (recorded: get-not-found)', async () => {
    await expectAwsError(
      upload(SSH_KEY, 'nobody'),
      'NoSuchEntity',
      'The user with name nobody cannot be found.',
    );
    await expectAwsError(
      ops.GetSSHPublicKey!(h.ctx, { UserName: 'alice', SSHPublicKeyId: MISSING_ID, Encoding: 'SSH' }),
      'NoSuchEntity',
      `The Public Key with id ${MISSING_ID} cannot be found.`,
    );
  });

  it('checks the members, in the order AWS lists them', async () => {
    await expectAwsError(
      ops.GetSSHPublicKey!(h.ctx, { UserName: 'a b', SSHPublicKeyId: 'short', Encoding: 'DER' }),
      'ValidationError',
      "3 validation errors detected: Value at 'sSHPublicKeyId' failed to satisfy constraint: Member must have length greater than or equal to 20; Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; Value at 'encoding' failed to satisfy constraint: Member must satisfy enum value set",
    );
  });
});

describe('UpdateSSHPublicKey, DeleteSSHPublicKey and ListSSHPublicKeys', () => {
  it('lists, deactivates, deletes (recorded: test_list_ssh_public_keys, test_update_ssh_public_key)', async () => {
    const list = () => ops.ListSSHPublicKeys!(h.ctx, { UserName: 'alice' });
    expect(await list()).toEqual({ SSHPublicKeys: [], IsTruncated: false });
    const { SSHPublicKey } = await upload();
    const id = SSHPublicKey!.SSHPublicKeyId;
    expect(await list()).toEqual({
      SSHPublicKeys: [{ UserName: 'alice', SSHPublicKeyId: id, Status: 'Active', UploadDate: h.ctx.now }],
      IsTruncated: false,
    });
    await ops.UpdateSSHPublicKey!(h.ctx, { UserName: 'alice', SSHPublicKeyId: id, Status: 'Inactive' });
    const got = await ops.GetSSHPublicKey!(h.ctx, { UserName: 'alice', SSHPublicKeyId: id, Encoding: 'SSH' });
    expect(got.SSHPublicKey?.Status).toBe('Inactive');
    await ops.DeleteSSHPublicKey!(h.ctx, { UserName: 'alice', SSHPublicKeyId: id });
    expect((await list()).SSHPublicKeys).toEqual([]);
  });

  it('says NoSuchEntity for a key the user does not have (recorded: update-not-found, delete-not-found)', async () => {
    const message = `The Public Key with id ${MISSING_ID} cannot be found.`;
    await expectAwsError(
      ops.UpdateSSHPublicKey!(h.ctx, { UserName: 'alice', SSHPublicKeyId: MISSING_ID, Status: 'Inactive' }),
      'NoSuchEntity',
      message,
    );
    await expectAwsError(
      ops.DeleteSSHPublicKey!(h.ctx, { UserName: 'alice', SSHPublicKeyId: MISSING_ID }),
      'NoSuchEntity',
      message,
    );
    const { SSHPublicKey } = await upload();
    await createUser(h.ctx, { UserName: 'bob' });
    await expectAwsError(
      ops.DeleteSSHPublicKey!(h.ctx, { UserName: 'bob', SSHPublicKeyId: SSHPublicKey!.SSHPublicKeyId }),
      'NoSuchEntity',
    );
  });

  it('follows a renamed user (recorded: test_user_rename_updates_ssh_public_keys)', async () => {
    await upload();
    await updateUser(h.ctx, { UserName: 'alice', NewUserName: 'alicia' });
    const { SSHPublicKeys } = await ops.ListSSHPublicKeys!(h.ctx, { UserName: 'alicia' });
    expect(SSHPublicKeys?.map((k) => k.UserName)).toEqual(['alicia']);
  });

  it("without UserName lists the caller's keys, and none for root", async () => {
    const { User } = await createUser(h.ctx, { UserName: 'bob' });
    await upload(OTHER_SSH_KEY, 'bob');
    const mine = await ops.ListSSHPublicKeys!(h.as(userCaller(User!)), {});
    expect(mine.SSHPublicKeys?.map((k) => k.UserName)).toEqual(['bob']);
    expect(await ops.ListSSHPublicKeys!(h.ctx, {})).toEqual({ SSHPublicKeys: [], IsTruncated: false });
    expect(h.calls.at(-1)).toMatchObject({
      action: 'iam:ListSSHPublicKeys',
      resource: 'arn:aws:iam::123456789012:root',
    });
  });
});
