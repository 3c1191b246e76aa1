import type { Operation, OperationContext } from '../../operation/context.js';
import type {
  AddClientIDToOpenIDConnectProviderInput,
  AddClientIDToOpenIDConnectProviderOutput,
  RemoveClientIDFromOpenIDConnectProviderInput,
  RemoveClientIDFromOpenIDConnectProviderOutput,
} from '../../protocol/models/iam-types.js';
import { MemberConstraints } from '../common/member-constraints.js';
import { authorizedOidcProvider, providerLists } from './oidc-access.js';
import { checkProviderArn, clientIdQuotaExceeded, MAX_CLIENT_IDS } from './oidc-fields.js';

type ClientIdInput = { OpenIDConnectProviderArn: string; ClientID: string };

/** Checks the input, authorizes, then rewrites the provider's client ids (`change` returns undefined for no change). */
async function changeClientIds(
  ctx: OperationContext,
  input: ClientIdInput,
  action: string,
  change: (ids: string[]) => string[] | undefined,
): Promise<void> {
  // In the order AWS lists faults (that of Java's HashMap over the member names).
  checkProviderArn(
    input.OpenIDConnectProviderArn,
    new MemberConstraints().length('clientID', input.ClientID, 1, 255),
  ).throwIfAny();
  const row = await authorizedOidcProvider(ctx, action, input.OpenIDConnectProviderArn);
  await ctx.store.transaction(async (tx) => {
    // Read under lock, so that concurrent adds cannot overwrite each other's ids (PostgreSQL).
    const current = await tx
      .selectFrom('oidc_providers')
      .selectAll()
      .where('arn', '=', row.arn)
      .forUpdate()
      .executeTakeFirst();
    if (current === undefined) return;
    const next = change(providerLists(current).clientIds);
    if (next === undefined) return;
    await tx
      .updateTable('oidc_providers')
      .set({ client_ids: JSON.stringify(next) })
      .where('arn', '=', row.arn)
      .execute();
  });
}

/**
 * AddClientIDToOpenIDConnectProvider: adds an audience. Adding one the provider already has changes nothing and
 * succeeds (API reference: the operation is idempotent); a 101st is LimitExceeded.
 */
export const addClientIDToOpenIDConnectProvider: Operation<
  AddClientIDToOpenIDConnectProviderInput,
  AddClientIDToOpenIDConnectProviderOutput
> = async (ctx, input) => {
  await changeClientIds(ctx, input, 'iam:AddClientIDToOpenIDConnectProvider', (ids) => {
    if (ids.includes(input.ClientID)) return undefined;
    if (ids.length >= MAX_CLIENT_IDS) throw clientIdQuotaExceeded();
    return [...ids, input.ClientID];
  });
  return {};
};

/**
 * RemoveClientIDFromOpenIDConnectProvider: removes an audience. Removing one the provider does not have succeeds
 * (API reference: the operation is idempotent).
 */
export const removeClientIDFromOpenIDConnectProvider: Operation<
  RemoveClientIDFromOpenIDConnectProviderInput,
  RemoveClientIDFromOpenIDConnectProviderOutput
> = async (ctx, input) => {
  await changeClientIds(ctx, input, 'iam:RemoveClientIDFromOpenIDConnectProvider', (ids) =>
    ids.includes(input.ClientID) ? ids.filter((id) => id !== input.ClientID) : undefined,
  );
  return {};
};
