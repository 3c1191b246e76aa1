import type { OperationContext } from '../../operation/context.js';
import type {
  GenerateServiceLastAccessedDetailsInput,
  GenerateServiceLastAccessedDetailsOutput,
} from '../../protocol/models/iam-types.js';
import { computeReport } from './report.js';
import { reportTarget } from './report-target.js';

/**
 * GenerateServiceLastAccessedDetails: starts a report on when a user, group, role or policy's permissions were last
 * used, from the audit trail. iamd computes the report at once, so the job is COMPLETED when its JobId is returned.
 */
export async function generateServiceLastAccessedDetails(
  ctx: OperationContext,
  input: GenerateServiceLastAccessedDetailsInput,
): Promise<GenerateServiceLastAccessedDetailsOutput> {
  await ctx.authorize('iam:GenerateServiceLastAccessedDetails', input.Arn);
  const granularity = input.Granularity ?? 'SERVICE_LEVEL';
  const target = await reportTarget(ctx, input.Arn);
  const report = await computeReport(
    ctx.store,
    ctx.accountId,
    target,
    granularity === 'ACTION_LEVEL',
    ctx.now,
  );
  const jobId = ctx.ids.requestId();
  await ctx.store.db
    .insertInto('service_last_accessed_jobs')
    .values({
      job_id: jobId,
      account_id: ctx.accountId,
      arn: input.Arn,
      granularity,
      status: 'COMPLETED',
      created_at: ctx.now.toISOString(),
      completed_at: ctx.now.toISOString(),
      report: JSON.stringify(report),
    })
    .execute();
  return { JobId: jobId };
}
