import { AwsError } from '../../errors/aws-error.js';
import type { Operation } from '../../operation/context.js';
import { paginate } from '../../operation/pagination.js';
import type {
  SimulateCustomPolicyInput,
  SimulateCustomPolicyOutput,
} from '../../protocol/models/iam-types.js';
import { pageFields } from '../common/list-page.js';
import { runSimulation, type SimulatedPolicy } from './run-simulation.js';
import { checkSimulationMembers, contextFromEntries, ownerAccount } from './simulation-input.js';

/** The policies given as strings, with the ids AWS reports for them (`PolicyInputList.1`, …). */
export function inputPolicies(list: readonly string[] | undefined, member: string): SimulatedPolicy[] {
  return (list ?? []).map((document, i) => ({
    sourceId: `${member}.${i + 1}`,
    sourceType: 'IAM Policy',
    document,
  }));
}

/** The resource-based policy of a simulation, if one was given. */
export function resourcePolicy(document: string | undefined): SimulatedPolicy | undefined {
  return document === undefined
    ? undefined
    : { sourceId: 'ResourcePolicy', sourceType: 'Resource Policy', document };
}

/**
 * The caller a simulation without a CallerArn evaluates as: a user of the account, so that identity policies
 * apply as they would to any IAM user (AWS requires a CallerArn only when a resource policy must name one).
 */
export function simulatedUser(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:user/SimulatedUser`;
}

/**
 * SimulateCustomPolicy: how policies given as strings (with an optional permissions boundary and
 * resource-based policy) decide a list of actions on a list of resources.
 */
export const simulateCustomPolicy: Operation<SimulateCustomPolicyInput, SimulateCustomPolicyOutput> = async (
  ctx,
  input,
) => {
  checkSimulationMembers(input);
  await ctx.authorize('iam:SimulateCustomPolicy', '*');
  if (input.ResourcePolicy !== undefined && input.CallerArn === undefined) {
    throw new AwsError('InvalidInput', 'CallerArn must be specified when a ResourcePolicy is specified.');
  }
  const boundaries = inputPolicies(
    input.PermissionsBoundaryPolicyInputList,
    'PermissionsBoundaryPolicyInputList',
  );
  const results = runSimulation({
    identity: inputPolicies(input.PolicyInputList, 'PolicyInputList'),
    // AWS takes one permissions boundary; the first is the one simulated.
    boundary: boundaries[0],
    resourcePolicy: resourcePolicy(input.ResourcePolicy),
    principal: { arn: input.CallerArn ?? simulatedUser(ctx.partition, ctx.accountId) },
    actions: input.ActionNames,
    resources: input.ResourceArns,
    resourceAccount: ownerAccount(input.ResourceOwner),
    context: contextFromEntries(input.ContextEntries),
    now: ctx.now,
  });
  const page = paginate(results, input);
  return { EvaluationResults: page.items, ...pageFields(page) };
};
