import type { Kysely } from 'kysely';
import type { Operation } from '../../operation/context.js';
import type { GetAccountSummaryInput, GetAccountSummaryOutput } from '../../protocol/models/iam-types.js';
import type { Database } from '../../store/schema.js';
import { QUOTAS } from '../common/quotas.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { ROOT_OWNER } from '../mfa-devices/device.js';

type CountedTable =
  | 'users'
  | 'groups'
  | 'roles'
  | 'policies'
  | 'instance_profiles'
  | 'attachments'
  | 'oidc_providers'
  | 'saml_providers'
  | 'server_certificates'
  | 'mfa_devices';

async function count(db: Kysely<Database>, table: CountedTable, accountId: string): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * GetAccountSummary: the account's entity counts and IAM's quotas, under the 34 keys of the API reference and of
 * the recorded response (shared/aws-reference, test_get_account_summary_format). Providers counts OIDC and SAML
 * providers together (recorded: +2 for one of each). MFADevices counts the virtual devices, MFADevicesInUse the
 * assigned ones, and AccountMFAEnabled is 1 when the root user has one enabled. A root password, which iamd does
 * not have, counts 0.
 * PolicyVersionsInUse counts managed-policy attachments: it rose by one when a new policy was attached in the
 * recorded test (test_get_account_summary_with_resources).
 */
export const getAccountSummary: Operation<GetAccountSummaryInput, GetAccountSummaryOutput> = async (ctx) => {
  await ctx.authorize('iam:GetAccountSummary', ACCOUNT_RESOURCE);
  const db = ctx.store.db;
  const [
    users,
    groups,
    roles,
    policies,
    instanceProfiles,
    attachments,
    oidc,
    saml,
    certificates,
    rootKey,
    rootCertificate,
    mfaDevices,
    mfaInUse,
  ] = await Promise.all([
    count(db, 'users', ctx.accountId),
    count(db, 'groups', ctx.accountId),
    count(db, 'roles', ctx.accountId),
    count(db, 'policies', ctx.accountId),
    count(db, 'instance_profiles', ctx.accountId),
    count(db, 'attachments', ctx.accountId),
    count(db, 'oidc_providers', ctx.accountId),
    count(db, 'saml_providers', ctx.accountId),
    count(db, 'server_certificates', ctx.accountId),
    db
      .selectFrom('access_keys')
      .select('id')
      .where('account_id', '=', ctx.accountId)
      .where('user_id', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('signing_certificates')
      .select('account_id')
      .where('account_id', '=', ctx.accountId)
      .where('user_id', 'is', null)
      .executeTakeFirst(),
    count(db, 'mfa_devices', ctx.accountId),
    db
      .selectFrom('mfa_devices')
      .select('owner')
      .where('account_id', '=', ctx.accountId)
      .where('owner', 'is not', null)
      .execute(),
  ]);
  return {
    SummaryMap: {
      ...QUOTAS,
      Users: users,
      Groups: groups,
      Roles: roles,
      Policies: policies,
      InstanceProfiles: instanceProfiles,
      PolicyVersionsInUse: attachments,
      AccountAccessKeysPresent: rootKey === undefined ? 0 : 1,
      AccountMFAEnabled: mfaInUse.some((d) => d.owner === ROOT_OWNER) ? 1 : 0,
      AccountPasswordPresent: 0,
      AccountSigningCertificatesPresent: rootCertificate === undefined ? 0 : 1,
      MFADevices: mfaDevices,
      MFADevicesInUse: mfaInUse.length,
      Providers: oidc + saml,
      ServerCertificates: certificates,
      GlobalEndpointTokenVersion: 1,
    },
  };
};
