import type { Operation } from '../../operation/context.js';
import type {
  GenerateCredentialReportInput,
  GenerateCredentialReportOutput,
} from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { buildCredentialReport } from './build-report.js';
import { loadCredentialFacts } from './credential-facts.js';
import { isExpired } from './report-lifetime.js';

/** AWS's Description when a generation starts (recorded: test_credential_report). */
const STARTED_DESCRIPTION = 'No report exists. Starting a new report generation task';

/**
 * GenerateCredentialReport: when the account has a report younger than four hours, State COMPLETE and nothing
 * changes; otherwise a new report, State STARTED (recorded: test_credential_report). AWS builds reports in the
 * background, so its callers poll this until COMPLETE; iamd builds the report within the request, so the next call
 * already answers COMPLETE, and iamd never reports INPROGRESS.
 */
export const generateCredentialReport: Operation<
  GenerateCredentialReportInput,
  GenerateCredentialReportOutput
> = async (ctx) => {
  await ctx.authorize('iam:GenerateCredentialReport', ACCOUNT_RESOURCE);
  const db = ctx.store.db;
  const existing = await db
    .selectFrom('credential_reports')
    .select('generated_at')
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirst();
  if (existing !== undefined && !isExpired(existing.generated_at, ctx.now)) return { State: 'COMPLETE' };
  const { account, identities } = await loadCredentialFacts(db, ctx.partition, ctx.accountId);
  const row = {
    account_id: ctx.accountId,
    generated_at: ctx.now.toISOString(),
    content: buildCredentialReport(account, identities),
  };
  // Two concurrent generations both write a complete report; the later one stays.
  await db
    .insertInto('credential_reports')
    .values(row)
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({ generated_at: row.generated_at, content: row.content }),
    )
    .execute();
  return { State: 'STARTED', Description: STARTED_DESCRIPTION };
};
