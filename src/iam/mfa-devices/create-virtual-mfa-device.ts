import { toBuffer } from 'qrcode';
import { newTotpSeed, otpauthUri } from '../../auth/totp.js';
import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type {
  CreateVirtualMFADeviceInput,
  CreateVirtualMFADeviceOutput,
} from '../../protocol/models/iam-types.js';
import { isUniqueViolation } from '../../store/store.js';
import { nameKey } from '../common/arn.js';
import { checkTags, requestTagContext } from '../common/tag-input.js';
import { putTags } from '../common/tags.js';
import { mfaArn } from './device.js';

/** Paths AWS accepts for MFA devices: `/`, or `/…/` of printable ASCII (the length is checked by the codec). */
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/u;

/**
 * CreateVirtualMFADevice: a new, unassigned virtual device with a fresh 20-byte seed. The response is the only
 * place the seed ever leaves the server: as `Base32StringSeed` (the Base32 text) and inside `QRCodePNG` (an
 * `otpauth://` URI). The store keeps it sealed under the master key.
 */
export const createVirtualMFADevice: Operation<
  CreateVirtualMFADeviceInput,
  CreateVirtualMFADeviceOutput
> = async (ctx, input) => {
  const path = input.Path ?? '/';
  if (!PATH.test(path)) {
    // The message AWS returns (recorded: create-invalid-path-no-leading-slash-error and -no-trailing-slash-error).
    throw new AwsError(
      'ValidationError',
      'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
    );
  }
  checkTags(input.Tags);
  const serialNumber = mfaArn(ctx, path, input.VirtualMFADeviceName);
  await ctx.authorize('iam:CreateVirtualMFADevice', serialNumber, requestTagContext(input.Tags));

  const seed = newTotpSeed();
  const tags = input.Tags ?? [];
  try {
    await ctx.store.transaction(async (tx) => {
      await tx
        .insertInto('mfa_devices')
        .values({
          serial_number: serialNumber,
          account_id: ctx.accountId,
          name: input.VirtualMFADeviceName,
          name_key: nameKey(input.VirtualMFADeviceName),
          path,
          seed_ciphertext: ctx.secrets.seal(seed),
          owner: null,
          enabled_at: null,
          created_at: ctx.now.toISOString(),
          last_used_step: null,
          drift_steps: 0,
        })
        .execute();
      if (tags.length > 0) await putTags(tx, ctx, 'mfa', serialNumber, tags);
    });
  } catch (err) {
    // INVARIANT: (account_id, name_key) is unique, so two creates of one name cannot both succeed.
    if (isUniqueViolation(err)) {
      // The message AWS returns (recorded: create-duplicate-error).
      throw new AwsError('EntityAlreadyExists', 'MFA device already exists.');
    }
    throw err;
  }

  const account = await ctx.store.db
    .selectFrom('accounts')
    .select('alias')
    .where('id', '=', ctx.accountId)
    .executeTakeFirst();
  const issuer = account?.alias ?? ctx.accountId;
  const png = await toBuffer(otpauthUri(seed, issuer, input.VirtualMFADeviceName), { type: 'png' });
  return {
    VirtualMFADevice: {
      SerialNumber: serialNumber,
      Base32StringSeed: new Uint8Array(Buffer.from(seed, 'ascii')),
      QRCodePNG: new Uint8Array(png),
      ...(tags.length > 0 ? { Tags: tags } : {}),
    },
  };
};
