import {
  CreateUserCommand,
  DeleteSSHPublicKeyCommand,
  GetSSHPublicKeyCommand,
  ListSSHPublicKeysCommand,
  UpdateSSHPublicKeyCommand,
  UploadSSHPublicKeyCommand,
} from '@aws-sdk/client-iam';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ED25519_SSH_KEY,
  OTHER_SSH_KEY,
  SSH_KEY,
  SSH_KEY_FINGERPRINT,
  SSH_KEY_PEM,
} from '../../../src/iam/ssh-public-keys/test-support/keys.js';
import { expectError, idPattern, serverForFile, unique } from './support.js';

// SSH public keys of users, for CodeCommit (https://docs.aws.amazon.com/IAM/latest/APIReference/API_UploadSSHPublicKey.html
// and the pages it links; shapes and messages as recorded in test_iam_ssh_public_keys).
const env = serverForFile();

const MISSING_ID = 'APKAXXXXXXXXXXXXXXXXX';
const noSuchKey = {
  name: 'NoSuchEntityException',
  status: 404,
  message: `The Public Key with id ${MISSING_ID} cannot be found.`,
};

async function createUser() {
  const name = unique('git');
  await env.iam.send(new CreateUserCommand({ UserName: name }));
  return name;
}

async function upload(UserName: string, SSHPublicKeyBody = SSH_KEY) {
  return (await env.iam.send(new UploadSSHPublicKeyCommand({ UserName, SSHPublicKeyBody }))).SSHPublicKey!;
}

describe('UploadSSHPublicKey', () => {
  it('adds an active key with an APKA id and its MD5 fingerprint', async () => {
    const user = await createUser();
    const key = await upload(user);
    expect(key).toMatchObject({
      UserName: user,
      SSHPublicKeyBody: SSH_KEY,
      Fingerprint: SSH_KEY_FINGERPRINT,
      Status: 'Active',
    });
    expect(key.SSHPublicKeyId).toMatch(idPattern('APKA'));
    expect(key.UploadDate).toBeInstanceOf(Date);
  });

  it('a key the user already has is DuplicateSSHPublicKey (400)', async () => {
    const user = await createUser();
    await upload(user);
    await expectError(() => upload(user), {
      name: 'DuplicateSSHPublicKeyException',
      status: 400,
      message: 'The SSH public key is already associated with the specified IAM user.',
    });
  });

  it('text that is no key is UnrecognizedPublicKeyEncoding (400)', async () => {
    const user = await createUser();
    await expectError(() => upload(user, 'hello'), {
      name: 'UnrecognizedPublicKeyEncodingException',
      status: 400,
      message: 'The public key encoding format is unsupported or unrecognized.',
    });
  });

  it('a key that is not RSA is InvalidPublicKey (400)', async () => {
    const user = await createUser();
    await expectError(() => upload(user, ED25519_SSH_KEY), {
      name: 'InvalidPublicKeyException',
      status: 400,
      message: 'The public key is malformed or otherwise invalid.',
    });
  });

  it('a missing user is NoSuchEntity (404)', async () => {
    await expectError(() => upload('nobody-ssh'), {
      name: 'NoSuchEntityException',
      status: 404,
      message: 'The user with name nobody-ssh cannot be found.',
    });
  });
});

describe('GetSSHPublicKey', () => {
  it('returns the key as uploaded (SSH) or as PEM', async () => {
    const user = await createUser();
    const uploaded = await upload(user);
    const ref = { UserName: user, SSHPublicKeyId: uploaded.SSHPublicKeyId };
    const ssh = await env.iam.send(new GetSSHPublicKeyCommand({ ...ref, Encoding: 'SSH' }));
    expect(ssh.SSHPublicKey).toEqual(uploaded);
    const pem = await env.iam.send(new GetSSHPublicKeyCommand({ ...ref, Encoding: 'PEM' }));
    expect(pem.SSHPublicKey!.SSHPublicKeyBody!.trim()).toBe(SSH_KEY_PEM.trim());
  });

  it('an unknown id is NoSuchEntity (404), as recorded', async () => {
    const user = await createUser();
    await expectError(
      () =>
        env.iam.send(
          new GetSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId: MISSING_ID, Encoding: 'SSH' }),
        ),
      noSuchKey,
    );
  });
});

describe('ListSSHPublicKeys', () => {
  it('lists id, status, date and user (no body), in pages', async () => {
    const user = await createUser();
    expect(await env.iam.send(new ListSSHPublicKeysCommand({ UserName: user }))).toMatchObject({
      SSHPublicKeys: [],
      IsTruncated: false,
    });
    // A third RSA key, in the PEM encoding the API also accepts.
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const keys = [
      await upload(user, SSH_KEY),
      await upload(user, OTHER_SSH_KEY),
      await upload(user, pem.toString()),
    ];
    const first = await env.iam.send(new ListSSHPublicKeysCommand({ UserName: user, MaxItems: 2 }));
    expect(first.SSHPublicKeys).toHaveLength(2);
    expect(first.IsTruncated).toBe(true);
    const second = await env.iam.send(new ListSSHPublicKeysCommand({ UserName: user, Marker: first.Marker }));
    expect(second.IsTruncated).toBe(false);
    const listed = [...first.SSHPublicKeys!, ...second.SSHPublicKeys!];
    expect(listed.map((k) => k.SSHPublicKeyId).sort()).toEqual(keys.map((k) => k.SSHPublicKeyId).sort());
    for (const key of listed) {
      expect(Object.keys(key).sort()).toEqual(['SSHPublicKeyId', 'Status', 'UploadDate', 'UserName']);
      expect(key.UploadDate).toBeInstanceOf(Date);
    }
  });

  it('a missing user is NoSuchEntity (404)', async () => {
    await expectError(() => env.iam.send(new ListSSHPublicKeysCommand({ UserName: 'nobody-ssh' })), {
      name: 'NoSuchEntityException',
      status: 404,
    });
  });
});

describe('UpdateSSHPublicKey', () => {
  it('deactivates a key, as recorded', async () => {
    const user = await createUser();
    const { SSHPublicKeyId } = await upload(user);
    await env.iam.send(new UpdateSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId, Status: 'Inactive' }));
    const got = await env.iam.send(
      new GetSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId, Encoding: 'SSH' }),
    );
    expect(got.SSHPublicKey!.Status).toBe('Inactive');
  });

  it('an unknown id is NoSuchEntity (404), as recorded', async () => {
    const user = await createUser();
    await expectError(
      () =>
        env.iam.send(
          new UpdateSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId: MISSING_ID, Status: 'Inactive' }),
        ),
      noSuchKey,
    );
  });
});

describe('DeleteSSHPublicKey', () => {
  it('deletes a key, as recorded', async () => {
    const user = await createUser();
    const { SSHPublicKeyId } = await upload(user);
    await env.iam.send(new DeleteSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId }));
    expect(await env.iam.send(new ListSSHPublicKeysCommand({ UserName: user }))).toMatchObject({
      SSHPublicKeys: [],
      IsTruncated: false,
    });
  });

  it('an unknown id is NoSuchEntity (404), as recorded', async () => {
    const user = await createUser();
    await expectError(
      () => env.iam.send(new DeleteSSHPublicKeyCommand({ UserName: user, SSHPublicKeyId: MISSING_ID })),
      noSuchKey,
    );
  });
});
