import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { UploadSSHPublicKeyInput, UploadSSHPublicKeyOutput } from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { MemberConstraints, NAME_PATTERN } from '../common/member-constraints.js';
import { CERTIFICATE_TEXT_PATTERN } from '../server-certificates/x509.js';
import { lockOwner } from '../signing-certificates/certificate-owner.js';
import { authorizedUser } from '../users/user-access.js';
import { USER_NAME_MAX } from '../users/user-fields.js';
import { SSH_KEYS_PER_USER } from './ssh-key-fields.js';
import { fingerprintOf, parseSshPublicKey } from './ssh-key.js';

/**
 * UploadSSHPublicKey: adds an active SSH public key (RSA, 2048 bits or more, as an `ssh-rsa` line or PEM) to a
 * user, for CodeCommit and the like. A user has at most five, and each key once.
 */
export const uploadSSHPublicKey: Operation<UploadSSHPublicKeyInput, UploadSSHPublicKeyOutput> = async (
  ctx,
  input,
) => {
  // In the order AWS lists faults (that of Java's HashMap over the member names).
  new MemberConstraints()
    .length('sSHPublicKeyBody', input.SSHPublicKeyBody, 1, 16384)
    .pattern('sSHPublicKeyBody', input.SSHPublicKeyBody, CERTIFICATE_TEXT_PATTERN)
    .length('userName', input.UserName, 1, USER_NAME_MAX)
    .pattern('userName', input.UserName, NAME_PATTERN)
    .throwIfAny();
  const parsed = parseSshPublicKey(input.SSHPublicKeyBody);

  const user = await authorizedUser(ctx, 'iam:UploadSSHPublicKey', input.UserName);
  const id = ctx.ids.uniqueId('APKA');
  const fingerprint = fingerprintOf(parsed);
  try {
    await ctx.store.transaction(async (tx) => {
      await lockOwner(tx, ctx, { kind: 'user', arn: user.arn, name: user.name, user });
      const { count } = await tx
        .selectFrom('ssh_public_keys')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      if (Number(count) >= SSH_KEYS_PER_USER) {
        throw new AwsError(
          'LimitExceeded',
          `Cannot exceed quota for SSHPublicKeysPerUser: ${SSH_KEYS_PER_USER}`,
        );
      }
      await tx
        .insertInto('ssh_public_keys')
        .values({
          account_id: ctx.accountId,
          id,
          user_id: user.id,
          body: input.SSHPublicKeyBody,
          encoding: parsed.encoding,
          fingerprint,
          status: 'Active',
          created_at: ctx.now.toISOString(),
        })
        .execute();
    });
  } catch (err) {
    // INVARIANT: the unique index on (user_id, fingerprint) decides duplicates, whatever the key's encoding.
    if (isUniqueViolation(err)) {
      throw new AwsError(
        'DuplicateSSHPublicKey',
        'The SSH public key is already associated with the specified IAM user.',
      );
    }
    throw err;
  }
  return {
    SSHPublicKey: {
      UserName: user.name,
      SSHPublicKeyId: id,
      Fingerprint: fingerprint,
      SSHPublicKeyBody: input.SSHPublicKeyBody,
      Status: 'Active',
      UploadDate: ctx.now,
    },
  };
};
