import { totpStep } from '../../auth/totp.js';
import type { Operation } from '../../operation/context.js';
import type { ResyncMFADeviceInput, ResyncMFADeviceOutput } from '../../protocol/models/iam-types.js';
import { invalidCode, noSuchDevice } from './device.js';
import { authorizedOwner } from './device-owner.js';
import { consecutiveSteps, ownerKey } from './verify-code.js';

/**
 * How far (in 30 s steps) ResyncMFADevice looks for the device's two codes: ten steps, five minutes, either way
 * (iamd's choice: AWS documents no window).
 */
export const RESYNC_WINDOW_STEPS = 10;

/**
 * ResyncMFADevice: re-aligns an enabled device whose clock drifted. Two consecutive codes found within five
 * minutes of now set the device's offset, which later checks (±1 step) apply.
 */
export const resyncMFADevice: Operation<ResyncMFADeviceInput, ResyncMFADeviceOutput> = async (ctx, input) => {
  const { owner } = await authorizedOwner(
    ctx,
    'iam:ResyncMFADevice',
    input.UserName === '' ? undefined : input.UserName,
  );
  await ctx.store.transaction(async (tx) => {
    const device = await tx
      .selectFrom('mfa_devices')
      .selectAll()
      .where('account_id', '=', ctx.accountId)
      .where('serial_number', '=', input.SerialNumber)
      .forUpdate()
      .executeTakeFirst();
    if (device === undefined || device.owner !== ownerKey(owner)) throw noSuchDevice(input.SerialNumber);
    const seed = ctx.secrets.open(device.seed_ciphertext);
    const first = consecutiveSteps(
      seed,
      input.AuthenticationCode1,
      input.AuthenticationCode2,
      ctx.now,
      RESYNC_WINDOW_STEPS,
      device.last_used_step,
    );
    if (first === undefined) throw invalidCode();
    const result = await tx
      .updateTable('mfa_devices')
      .set({ drift_steps: first + 1 - totpStep(ctx.now), last_used_step: first + 1 })
      .where('serial_number', '=', device.serial_number)
      .where('owner', '=', device.owner)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) throw invalidCode();
  });
  return {};
};
