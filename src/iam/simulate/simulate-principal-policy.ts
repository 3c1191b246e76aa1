import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type { PrincipalInput } from '../../policy/index.js';
import type {
  SimulatePrincipalPolicyInput,
  SimulatePrincipalPolicyOutput,
} from '../../protocol/models/iam-types.js';
import { existing } from '../common/entity-lookup.js';
import { pageFields } from '../common/list-page.js';
import { findIdentity, noSuchIdentity } from '../policies/identity.js';
import { loadPrincipalPolicies, type PrincipalPolicy } from '../principal-policies.js';
import { runSimulation, type SimulatedPolicy } from './run-simulation.js';
import { policySource } from '../context-keys/policy-source.js';
import { inputPolicies, resourcePolicy, simulatedUser } from './simulate-custom-policy.js';
import { checkSimulationMembers, contextFromEntries, ownerAccount } from './simulation-input.js';

function simulated(policy: PrincipalPolicy): SimulatedPolicy {
  return { sourceId: policy.name, sourceType: 'IAM Policy', document: policy.document };
}

/**
 * SimulatePrincipalPolicy: how the policies of a user (with its groups'), group or role, plus any given as
 * strings, decide a list of actions on a list of resources. The entity's permissions boundary applies unless
 * one is given in PermissionsBoundaryPolicyInputList.
 */
export const simulatePrincipalPolicy: Operation<
  SimulatePrincipalPolicyInput,
  SimulatePrincipalPolicyOutput
> = async (ctx, input) => {
  checkSimulationMembers(input);
  await ctx.authorize('iam:SimulatePrincipalPolicy', input.PolicySourceArn);
  const source = policySource(input.PolicySourceArn, ctx.accountId);
  const identity = existing(await findIdentity(ctx.store.db, ctx.accountId, source.kind, source.name), () =>
    noSuchIdentity(source.kind, source.name),
  );
  if (input.ResourcePolicy !== undefined && input.CallerArn === undefined && source.kind !== 'user') {
    throw new AwsError('InvalidInput', 'CallerArn must be specified when a ResourcePolicy is specified.');
  }
  const policies = await loadPrincipalPolicies(ctx.store, ctx.managedPolicies, ctx.accountId, {
    type: source.kind,
    id: identity.id,
  });
  const boundaries = inputPolicies(
    input.PermissionsBoundaryPolicyInputList,
    'PermissionsBoundaryPolicyInputList',
  );
  const principal: PrincipalInput =
    input.CallerArn !== undefined
      ? { arn: input.CallerArn }
      : source.kind === 'group'
        ? { arn: simulatedUser(ctx.partition, ctx.accountId) }
        : { arn: identity.arn, userId: identity.id, tags: policies.tags };
  const results = runSimulation({
    identity: [
      ...policies.identity.map(simulated),
      ...inputPolicies(input.PolicyInputList, 'PolicyInputList'),
    ],
    boundary: boundaries[0] ?? (policies.boundary && simulated(policies.boundary)),
    resourcePolicy: resourcePolicy(input.ResourcePolicy),
    principal,
    actions: input.ActionNames,
    resources: input.ResourceArns,
    resourceAccount: ownerAccount(input.ResourceOwner),
    context: contextFromEntries(input.ContextEntries),
    now: ctx.now,
  });
  const page = paginate(results, input);
  return { EvaluationResults: page.items, ...pageFields(page) };
};
