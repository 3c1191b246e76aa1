import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import type { GetCredentialReportInput, GetCredentialReportOutput } from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { isExpired } from './report-lifetime.js';

/**
 * GetCredentialReport: the account's report as CSV bytes (base64 on the wire), text/csv, with the time it was
 * generated. Without a report, ReportNotPresent (HTTP 410) with no message, as AWS sends it (recorded:
 * test_get_credential_report_before_generated); with one older than four hours, ReportExpired (HTTP 410, API
 * reference). ReportInProgress (404) never happens: iamd builds reports within GenerateCredentialReport.
 */
export const getCredentialReport: Operation<GetCredentialReportInput, GetCredentialReportOutput> = async (
  ctx,
) => {
  await ctx.authorize('iam:GetCredentialReport', ACCOUNT_RESOURCE);
  const report = await ctx.store.db
    .selectFrom('credential_reports')
    .select(['generated_at', 'content'])
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirst();
  if (report === undefined) throw new AwsError('ReportNotPresent', '');
  if (isExpired(report.generated_at, ctx.now)) {
    throw new AwsError(
      'ReportExpired',
      'The credential report has expired. To generate a new credential report, use GenerateCredentialReport.',
    );
  }
  return {
    Content: new Uint8Array(Buffer.from(report.content, 'utf8')),
    ReportFormat: 'text/csv',
    GeneratedTime: new Date(report.generated_at),
  };
};
