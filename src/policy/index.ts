/**
 * The iamd policy engine: AWS's IAM policy language and evaluation logic, as a pure library.
 *
 * ```ts
 * import { compilePolicyOrThrow, createPolicySet, createRequest, evaluate } from 'iamd/policy';
 * const set = createPolicySet({ identity: [compilePolicyOrThrow(doc, 'my-policy')] });
 * const decision = evaluate(set, createRequest({ principal: 'arn:aws:iam::111122223333:user/alice',
 *   action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', now: Date.now() }));
 * ```
 */
export type {
  ConditionClause,
  Effect,
  PolicyDocument,
  PolicyVersion,
  PrincipalBlock,
  Statement,
} from './ast.js';
export { parseArn, type Arn } from './arn.js';
export { RequestContext, type ContextInput, type ContextValue } from './context.js';
export type { Decision, EvalDecision, MatchedStatement, PolicyType } from './decision.js';
export { createPolicySet, evaluate, type PolicySet, type PolicySetInput } from './evaluate.js';
export { awsMessageFor, PolicyValidationError, type FaultCode, type PolicyFault } from './fault.js';
export { parsePolicy, parsePolicyOrThrow, type ParseResult, type PolicyKind } from './parse.js';
export { compilePolicy, compilePolicyOrThrow, PolicyList, type CompiledPolicy } from './policy-list.js';
export { derivePrincipal, type PrincipalKind, type RequestPrincipal } from './principal.js';
export {
  createRequest,
  PreparedPrincipal,
  type AuthorizationRequest,
  type PrincipalInput,
  type RequestInput,
} from './request.js';
export { validatePolicy } from './validate.js';
export { ALL_OPERATORS } from './conditions/table.js';
export { parseOperatorName } from './conditions/dispatch.js';
