import type { Operation } from '../../operation/context.js';
import type {
  GetContextKeysForCustomPolicyInput,
  GetContextKeysForCustomPolicyOutput,
} from '../../protocol/models/iam-types.js';
import { ACCOUNT_RESOURCE } from '../common/resources.js';
import { contextKeyNames, parseInputPolicy } from './policy-context-keys.js';

/**
 * GetContextKeysForCustomPolicy: the context keys that policies given as strings refer to, so a caller knows
 * which ContextEntries SimulateCustomPolicy needs. The action has no resource type, so it is authorized on `*`.
 */
export const getContextKeysForCustomPolicy: Operation<
  GetContextKeysForCustomPolicyInput,
  GetContextKeysForCustomPolicyOutput
> = async (ctx, input) => {
  await ctx.authorize('iam:GetContextKeysForCustomPolicy', ACCOUNT_RESOURCE);
  return { ContextKeyNames: contextKeyNames(input.PolicyInputList.map(parseInputPolicy)) };
};
