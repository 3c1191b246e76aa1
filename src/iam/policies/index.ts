import type { Operation, OperationTable } from '../../operation/context.js';
import type { IAMOperations } from '../../protocol/models/iam-types.js';
import type { PrincipalType } from '../../store/schema.js';
import { attachPolicy, detachPolicy } from './attached/attach.js';
import { listAttached, type ListAttachedInput } from './attached/list-attached.js';
import { listEntitiesForPolicy } from './attached/list-entities.js';
import {
  deleteInlinePolicy,
  getInlinePolicy,
  listInlinePolicies,
  putInlinePolicy,
} from './inline/inline-policies.js';
import { createPolicy } from './managed/create-policy.js';
import { deletePolicy } from './managed/delete-policy.js';
import { getPolicy } from './managed/get-policy.js';
import { listPolicies } from './managed/list-policies.js';
import { listPolicyTags, tagPolicy, untagPolicy } from './managed/policy-tags.js';
import {
  createPolicyVersion,
  deletePolicyVersion,
  getPolicyVersion,
  listPolicyVersions,
  setDefaultPolicyVersion,
} from './managed/policy-versions.js';

type Named<K extends PrincipalType> = K extends 'user'
  ? { UserName: string }
  : K extends 'group'
    ? { GroupName: string }
    : { RoleName: string };

const NAME_MEMBER = { user: 'UserName', group: 'GroupName', role: 'RoleName' } as const;

function identityName<K extends PrincipalType>(kind: K, input: Named<K>): string {
  return (input as Record<string, string>)[NAME_MEMBER[kind]]!;
}

/** The six policy operations of one identity kind, built from the shared implementations. */
function identityOperations<K extends PrincipalType>(kind: K) {
  const attach: Operation<Named<K> & { PolicyArn: string }, Record<string, never>> = async (ctx, input) => {
    await attachPolicy(ctx, kind, identityName(kind, input), input.PolicyArn);
    return {};
  };
  const detach: Operation<Named<K> & { PolicyArn: string }, Record<string, never>> = async (ctx, input) => {
    await detachPolicy(ctx, kind, identityName(kind, input), input.PolicyArn);
    return {};
  };
  const listAttachedPolicies = (ctx: Parameters<typeof attach>[0], input: Named<K> & ListAttachedInput) =>
    listAttached(ctx, kind, identityName(kind, input), input);
  const put: Operation<
    Named<K> & { PolicyName: string; PolicyDocument: string },
    Record<string, never>
  > = async (ctx, input) => {
    await putInlinePolicy(ctx, kind, identityName(kind, input), input.PolicyName, input.PolicyDocument);
    return {};
  };
  const get = async (ctx: Parameters<typeof attach>[0], input: Named<K> & { PolicyName: string }) => {
    const { identityName: name, ...rest } = await getInlinePolicy(
      ctx,
      kind,
      identityName(kind, input),
      input.PolicyName,
    );
    return { [NAME_MEMBER[kind]]: name, ...rest } as Named<K> & {
      PolicyName: string;
      PolicyDocument: string;
    };
  };
  const remove: Operation<Named<K> & { PolicyName: string }, Record<string, never>> = async (ctx, input) => {
    await deleteInlinePolicy(ctx, kind, identityName(kind, input), input.PolicyName);
    return {};
  };
  const list = (
    ctx: Parameters<typeof attach>[0],
    input: Named<K> & { Marker?: string | undefined; MaxItems?: number | undefined },
  ) => listInlinePolicies(ctx, kind, identityName(kind, input), input);
  return { attach, detach, listAttachedPolicies, put, get, remove, list };
}

const user = identityOperations('user');
const group = identityOperations('group');
const role = identityOperations('role');

/** The managed-policy, attachment and inline-policy operations. */
export const POLICY_OPERATIONS: OperationTable<IAMOperations> = {
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  DeletePolicy: deletePolicy,
  ListPolicies: listPolicies,
  CreatePolicyVersion: createPolicyVersion,
  GetPolicyVersion: getPolicyVersion,
  DeletePolicyVersion: deletePolicyVersion,
  ListPolicyVersions: listPolicyVersions,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  TagPolicy: tagPolicy,
  UntagPolicy: untagPolicy,
  ListPolicyTags: listPolicyTags,
  ListEntitiesForPolicy: listEntitiesForPolicy,
  AttachUserPolicy: user.attach,
  DetachUserPolicy: user.detach,
  ListAttachedUserPolicies: user.listAttachedPolicies,
  PutUserPolicy: user.put,
  GetUserPolicy: user.get,
  DeleteUserPolicy: user.remove,
  ListUserPolicies: user.list,
  AttachGroupPolicy: group.attach,
  DetachGroupPolicy: group.detach,
  ListAttachedGroupPolicies: group.listAttachedPolicies,
  PutGroupPolicy: group.put,
  GetGroupPolicy: group.get,
  DeleteGroupPolicy: group.remove,
  ListGroupPolicies: group.list,
  AttachRolePolicy: role.attach,
  DetachRolePolicy: role.detach,
  ListAttachedRolePolicies: role.listAttachedPolicies,
  PutRolePolicy: role.put,
  GetRolePolicy: role.get,
  DeleteRolePolicy: role.remove,
  ListRolePolicies: role.list,
};
