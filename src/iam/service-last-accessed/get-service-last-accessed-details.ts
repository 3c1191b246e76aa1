import type { OperationContext } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  GetServiceLastAccessedDetailsInput,
  GetServiceLastAccessedDetailsOutput,
} from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { pageFields } from '../common/list-page.js';
import { findJob } from './job.js';

/** GetServiceLastAccessedDetails: a generated report's services, a page at a time. */
export async function getServiceLastAccessedDetails(
  ctx: OperationContext,
  input: GetServiceLastAccessedDetailsInput,
): Promise<GetServiceLastAccessedDetailsOutput> {
  await ctx.authorize('iam:GetServiceLastAccessedDetails', ACCOUNT_RESOURCE);
  const { row, report } = await findJob(ctx, input.JobId);
  const page = paginate(report.services, input);
  return {
    JobStatus: row.status,
    JobType: row.granularity,
    JobCreationDate: new Date(row.created_at),
    ServicesLastAccessed: page.items.map((service) => ({
      ServiceName: service.name,
      ServiceNamespace: service.namespace,
      ...(service.last === undefined
        ? {}
        : {
            LastAuthenticated: new Date(service.last.time),
            LastAuthenticatedEntity: service.last.entity,
            LastAuthenticatedRegion: service.last.region,
          }),
      TotalAuthenticatedEntities: service.total,
      ...(service.tracked === undefined
        ? {}
        : {
            TrackedActionsLastAccessed: service.tracked.map((t) => ({
              ActionName: t.action,
              ...(t.last === undefined
                ? {}
                : {
                    LastAccessedEntity: t.last.entity,
                    LastAccessedTime: new Date(t.last.time),
                    LastAccessedRegion: t.last.region,
                  }),
            })),
          }),
    })),
    JobCompletionDate: new Date(row.completed_at),
    ...pageFields(page),
  };
}
