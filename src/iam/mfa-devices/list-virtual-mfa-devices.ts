import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  ListVirtualMFADevicesInput,
  ListVirtualMFADevicesOutput,
} from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { pageFields } from '../common/list-page.js';
import { userListShape } from '../users/user-shape.js';
import { ROOT_OWNER } from './device.js';

type VirtualDevice = ListVirtualMFADevicesOutput['VirtualMFADevices'][number];

/**
 * ListVirtualMFADevices: the account's virtual devices in serial-number order, filtered by AssignmentStatus
 * (`Assigned`, `Unassigned`, or `Any`, the default). Assigned ones carry their `User` and `EnableDate`; seeds are
 * never listed. The Service Authorization Reference lists no resource type for it, so it is authorized on `*`.
 */
export const listVirtualMFADevices: Operation<
  ListVirtualMFADevicesInput,
  ListVirtualMFADevicesOutput
> = async (ctx, input) => {
  await ctx.authorize('iam:ListVirtualMFADevices', ACCOUNT_RESOURCE);
  let query = ctx.store.db
    .selectFrom('mfa_devices')
    .leftJoin('users', 'users.id', 'mfa_devices.owner')
    .select([
      'mfa_devices.serial_number',
      'mfa_devices.owner',
      'mfa_devices.enabled_at',
      'users.account_id',
      'users.id',
      'users.name',
      'users.name_key',
      'users.path',
      'users.arn',
      'users.created_at',
      'users.permissions_boundary',
      'users.password_last_used',
    ])
    .where('mfa_devices.account_id', '=', ctx.accountId);
  if (input.AssignmentStatus === 'Assigned') query = query.where('mfa_devices.owner', 'is not', null);
  if (input.AssignmentStatus === 'Unassigned') query = query.where('mfa_devices.owner', 'is', null);
  const rows = await query.orderBy('mfa_devices.serial_number').execute();
  const page = paginate(rows, input);
  const rootCreated = page.items.some((r) => r.owner === ROOT_OWNER)
    ? (
        await ctx.store.db
          .selectFrom('accounts')
          .select('created_at')
          .where('id', '=', ctx.accountId)
          .executeTakeFirst()
      )?.created_at
    : undefined;
  const devices = page.items.map((row): VirtualDevice => {
    const base: VirtualDevice = { SerialNumber: row.serial_number };
    if (row.owner === null || row.enabled_at === null) return base;
    const enabled = { ...base, EnableDate: new Date(row.enabled_at) };
    if (row.owner === ROOT_OWNER) {
      return {
        ...enabled,
        User: {
          Path: '/',
          UserName: ctx.accountId,
          UserId: ctx.accountId,
          Arn: `arn:${ctx.partition}:iam::${ctx.accountId}:root`,
          CreateDate: new Date(rootCreated ?? row.enabled_at),
        },
      };
    }
    if (
      row.id === null ||
      row.arn === null ||
      row.name === null ||
      row.path === null ||
      row.created_at === null
    ) {
      return enabled;
    }
    return {
      ...enabled,
      User: userListShape({
        account_id: ctx.accountId,
        id: row.id,
        name: row.name,
        name_key: row.name_key ?? row.name.toLowerCase(),
        path: row.path,
        arn: row.arn,
        created_at: row.created_at,
        permissions_boundary: row.permissions_boundary,
        password_last_used: row.password_last_used,
      }),
    };
  });
  return { VirtualMFADevices: devices, ...pageFields(page) };
};
