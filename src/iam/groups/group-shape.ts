import type { CreateGroupOutput } from '../../protocol/models/iam-types.js';
import type { GroupRow } from '../common/entity-lookup.js';

/** A group as IAM's API returns it. */
export type GroupShape = CreateGroupOutput['Group'];

/** A stored group in the API's shape. */
export function groupShape(row: GroupRow): GroupShape {
  return {
    Path: row.path,
    GroupName: row.name,
    GroupId: row.id,
    Arn: row.arn,
    CreateDate: new Date(row.created_at),
  };
}
