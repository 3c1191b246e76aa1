import type { OperationContext } from '../../operation/context.js';
import type { ContextInput } from '../../policy/index.js';
import { existing } from '../common/entity-lookup.js';
import { resourceTagContext } from '../common/tag-input.js';
import { listTags } from '../common/tags.js';
import { findDevice, noSuchDevice, type MfaDeviceRow } from './device.js';

/**
 * Looks a device up by serial number, authorizes `action` on its ARN (with its tags as `aws:ResourceTag/…`, the
 * condition key the Service Authorization Reference lists for the `mfa` resource), and only then reports it
 * missing.
 */
export async function authorizedDevice(
  ctx: OperationContext,
  action: string,
  serialNumber: string,
  extra: Readonly<Record<string, ContextInput>> = {},
): Promise<MfaDeviceRow> {
  const row = await findDevice(ctx.store.db, ctx.accountId, serialNumber);
  const tags = row ? await listTags(ctx.store.db, 'mfa', row.serial_number) : [];
  await ctx.authorize(action, serialNumber, { ...resourceTagContext(tags), ...extra });
  return existing(row, () => noSuchDevice(serialNumber));
}
