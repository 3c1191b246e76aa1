import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  ListServerCertificatesInput,
  ListServerCertificatesOutput,
} from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { checkPathPrefix } from '../common/member-constraints.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { metadataOf } from './server-certificate-access.js';

/**
 * ListServerCertificates: the metadata of the account's certificates whose path starts with `PathPrefix`, in
 * name order, one page at a time. The Service Authorization Reference lists no resource type for the action,
 * so it is authorized on `*`.
 */
export const listServerCertificates: Operation<
  ListServerCertificatesInput,
  ListServerCertificatesOutput
> = async (ctx, input) => {
  checkPathPrefix(input.PathPrefix);
  await ctx.authorize('iam:ListServerCertificates', ACCOUNT_RESOURCE);
  const prefix = input.PathPrefix ?? '/';
  const rows = await ctx.store.db
    .selectFrom('server_certificates')
    .selectAll()
    .where('account_id', '=', ctx.accountId)
    .orderBy('name_key')
    .execute();
  // Filtered here rather than with LIKE: paths may contain `%` and `_`.
  const page = paginate(
    rows.filter((r) => r.path.startsWith(prefix)),
    input,
  );
  return { ServerCertificateMetadataList: page.items.map(metadataOf), ...pageFields(page) };
};
