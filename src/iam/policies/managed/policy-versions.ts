import { AwsError } from '../../../errors/aws-error.js';
import type { Operation } from '../../../operation/context.js';
import { paginate } from '../../../operation/pagination.js';
import type {
  CreatePolicyVersionInput,
  CreatePolicyVersionOutput,
  DeletePolicyVersionInput,
  DeletePolicyVersionOutput,
  GetPolicyVersionInput,
  GetPolicyVersionOutput,
  ListPolicyVersionsInput,
  ListPolicyVersionsOutput,
  SetDefaultPolicyVersionInput,
  SetDefaultPolicyVersionOutput,
} from '../../../protocol/models/iam-types.js';
import type { Db } from '../../common/entity-lookup.js';
import { pageFields } from '../../common/list-page.js';
import { checkVersionId } from '../../common/member-constraints.js';
import type { ResolvedPolicy } from '../resolve.js';
import { checkManagedDocument } from './create-policy.js';
import { authorizedPolicy, checkPolicyArn, ownPolicy, versionNotFound } from './policy-access.js';
import { MAX_POLICY_VERSIONS } from './policy-input.js';

/** One version of a managed policy. */
interface Version {
  readonly versionId: string;
  readonly createDate: Date;
  readonly document: string;
}

function versionNumber(versionId: string): number {
  return Number.parseInt(versionId.slice(1), 10);
}

/** A policy's versions, newest first (the order ListPolicyVersions returns: recorded v3, v2, v1). */
async function versionsOf(db: Db, policy: ResolvedPolicy): Promise<Version[]> {
  if (policy.kind === 'aws') return [...policy.policy.versions];
  const rows = await db
    .selectFrom('policy_versions')
    .selectAll()
    .where('policy_id', '=', policy.row.id)
    .execute();
  return rows
    .map((r) => ({ versionId: r.version_id, createDate: new Date(r.created_at), document: r.document }))
    .sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId));
}

function defaultVersionOf(policy: ResolvedPolicy): string {
  return policy.kind === 'aws' ? policy.policy.defaultVersionId : policy.row.default_version_id;
}

/**
 * CreatePolicyVersion: a new version of a customer managed policy, made the default when asked. A policy keeps
 * at most five versions; version numbers are never reused.
 */
export const createPolicyVersion: Operation<CreatePolicyVersionInput, CreatePolicyVersionOutput> = async (
  ctx,
  input,
) => {
  checkPolicyArn(input.PolicyArn).length('policyDocument', input.PolicyDocument, 1, 131072).throwIfAny();
  const policy = await authorizedPolicy(ctx, 'iam:CreatePolicyVersion', input.PolicyArn);
  const row = ownPolicy(policy, 'Cannot create policy versions for policies outside your own account.');
  checkManagedDocument(input.PolicyDocument);
  const now = ctx.now.toISOString();
  const setAsDefault = input.SetAsDefault === true;
  const versionId = await ctx.store.transaction(async (tx) => {
    const current = await tx
      .selectFrom('policies')
      .select('next_version')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    const count = await tx
      .selectFrom('policy_versions')
      .select('version_id')
      .where('policy_id', '=', row.id)
      .execute();
    if (count.length >= MAX_POLICY_VERSIONS) {
      throw new AwsError(
        'LimitExceeded',
        `A managed policy can have up to ${MAX_POLICY_VERSIONS} versions. Before you create a new version, you must delete an existing version.`,
      );
    }
    const id = `v${current.next_version}`;
    await tx
      .insertInto('policy_versions')
      .values({ policy_id: row.id, version_id: id, document: input.PolicyDocument, created_at: now })
      .execute();
    // UpdateDate is when the most recent version was created (IAM API reference, `Policy.UpdateDate`).
    await tx
      .updateTable('policies')
      .set({
        next_version: current.next_version + 1,
        updated_at: now,
        ...(setAsDefault ? { default_version_id: id } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    return id;
  });
  if (setAsDefault) ctx.policiesChanged();
  return {
    PolicyVersion: { VersionId: versionId, IsDefaultVersion: setAsDefault, CreateDate: new Date(now) },
  };
};

/** GetPolicyVersion: one version with its document, URL-encoded as AWS returns documents. */
export const getPolicyVersion: Operation<GetPolicyVersionInput, GetPolicyVersionOutput> = async (
  ctx,
  input,
) => {
  checkPolicyArn(input.PolicyArn).throwIfAny();
  checkVersionId(input.VersionId);
  const missing = () => versionNotFound(input.PolicyArn, input.VersionId);
  const policy = await authorizedPolicy(ctx, 'iam:GetPolicyVersion', input.PolicyArn, missing);
  const version = (await versionsOf(ctx.store.db, policy)).find((v) => v.versionId === input.VersionId);
  if (version === undefined) throw missing();
  return {
    PolicyVersion: {
      Document: version.document,
      VersionId: version.versionId,
      IsDefaultVersion: version.versionId === defaultVersionOf(policy),
      CreateDate: version.createDate,
    },
  };
};

/** DeletePolicyVersion: deletes a version other than the default one. */
export const deletePolicyVersion: Operation<DeletePolicyVersionInput, DeletePolicyVersionOutput> = async (
  ctx,
  input,
) => {
  checkPolicyArn(input.PolicyArn).throwIfAny();
  checkVersionId(input.VersionId);
  const missing = () => versionNotFound(input.PolicyArn, input.VersionId);
  const policy = await authorizedPolicy(ctx, 'iam:DeletePolicyVersion', input.PolicyArn, missing);
  const row = ownPolicy(policy, 'Cannot delete policy versions for policies outside your own account.');
  if (row.default_version_id === input.VersionId) {
    throw new AwsError('DeleteConflict', 'Cannot delete the default version of a policy.');
  }
  const deleted = await ctx.store.db
    .deleteFrom('policy_versions')
    .where('policy_id', '=', row.id)
    .where('version_id', '=', input.VersionId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw missing();
  return {};
};

/** ListPolicyVersions: every version, newest first, without documents (recorded), paginated. */
export const listPolicyVersions: Operation<ListPolicyVersionsInput, ListPolicyVersionsOutput> = async (
  ctx,
  input,
) => {
  checkPolicyArn(input.PolicyArn).throwIfAny();
  const policy = await authorizedPolicy(ctx, 'iam:ListPolicyVersions', input.PolicyArn);
  const defaultId = defaultVersionOf(policy);
  const page = paginate(await versionsOf(ctx.store.db, policy), input);
  return {
    Versions: page.items.map((v) => ({
      VersionId: v.versionId,
      IsDefaultVersion: v.versionId === defaultId,
      CreateDate: v.createDate,
    })),
    ...pageFields(page),
  };
};

/** SetDefaultPolicyVersion: makes a version the one in force. */
export const setDefaultPolicyVersion: Operation<
  SetDefaultPolicyVersionInput,
  SetDefaultPolicyVersionOutput
> = async (ctx, input) => {
  checkPolicyArn(input.PolicyArn).throwIfAny();
  checkVersionId(input.VersionId);
  const missing = () => versionNotFound(input.PolicyArn, input.VersionId);
  const policy = await authorizedPolicy(ctx, 'iam:SetDefaultPolicyVersion', input.PolicyArn, missing);
  const row = ownPolicy(policy, 'Cannot update policies outside your own account.');
  const exists = await ctx.store.db
    .selectFrom('policy_versions')
    .select('version_id')
    .where('policy_id', '=', row.id)
    .where('version_id', '=', input.VersionId)
    .executeTakeFirst();
  if (!exists) throw missing();
  await ctx.store.db
    .updateTable('policies')
    .set({ default_version_id: input.VersionId })
    .where('id', '=', row.id)
    .execute();
  ctx.policiesChanged();
  return {};
};
