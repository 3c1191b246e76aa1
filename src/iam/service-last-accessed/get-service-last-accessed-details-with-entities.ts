import type { OperationContext } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  GetServiceLastAccessedDetailsWithEntitiesInput,
  GetServiceLastAccessedDetailsWithEntitiesOutput,
} from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { pageFields } from '../common/list-page.js';
import { findJob } from './job.js';

/**
 * GetServiceLastAccessedDetailsWithEntities: for one service of a report, the users and roles that could have used
 * the permissions (a group's members, a policy's users and roles, or the user or role itself), most recent first.
 * A namespace the report does not list has no entities.
 */
export async function getServiceLastAccessedDetailsWithEntities(
  ctx: OperationContext,
  input: GetServiceLastAccessedDetailsWithEntitiesInput,
): Promise<GetServiceLastAccessedDetailsWithEntitiesOutput> {
  await ctx.authorize('iam:GetServiceLastAccessedDetailsWithEntities', ACCOUNT_RESOURCE);
  const { row, report } = await findJob(ctx, input.JobId);
  const service = report.services.find((s) => s.namespace === input.ServiceNamespace.toLowerCase());
  const page = paginate(service?.entities ?? [], input);
  return {
    JobStatus: row.status,
    JobCreationDate: new Date(row.created_at),
    JobCompletionDate: new Date(row.completed_at),
    EntityDetailsList: page.items.map((entity) => ({
      EntityInfo: { Arn: entity.arn, Name: entity.name, Type: entity.type, Id: entity.id, Path: entity.path },
      ...(entity.last === undefined ? {} : { LastAuthenticated: new Date(entity.last) }),
    })),
    ...pageFields(page),
  };
}
