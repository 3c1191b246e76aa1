import type { Selectable } from 'kysely';
import { AwsError } from '../../errors/aws-error.js';
import type { OperationContext } from '../../operation/context.js';
import type { ServiceLastAccessedJobsTable } from '../../store/schema-last-accessed.js';
import type { Report } from './report.js';

export type JobRow = Selectable<ServiceLastAccessedJobsTable>;

/** A job of the caller's account by its JobId, with its report, or AWS's NoSuchEntity. */
export async function findJob(
  ctx: OperationContext,
  jobId: string,
): Promise<{ row: JobRow; report: Report }> {
  const row = await ctx.store.db
    .selectFrom('service_last_accessed_jobs')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('account_id', '=', ctx.accountId)
    .executeTakeFirst();
  if (row === undefined) throw new AwsError('NoSuchEntity', `No job with id ${jobId} was found.`);
  return { row, report: JSON.parse(row.report) as Report };
}
