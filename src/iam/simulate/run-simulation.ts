import { AwsError } from '../../errors/aws-error.js';
import {
  compilePolicy,
  createPolicySet,
  createRequest,
  evaluate,
  parsePolicy,
  PreparedPrincipal,
  type CompiledPolicy,
  type ContextInput,
  type Decision,
  type PolicyKind,
  type PrincipalInput,
} from '../../policy/index.js';
import type { SimulatePrincipalPolicyOutput } from '../../protocol/models/iam-types.js';
import { malformedMessage, reportedFault } from '../common/policy-document.js';
import { statementSpans, type Span } from './statement-positions.js';

type Result = NonNullable<SimulatePrincipalPolicyOutput['EvaluationResults']>[number];
type Matched = NonNullable<Result['MatchedStatements']>[number];

/** A policy that takes part in a simulation, with the id and type AWS reports for its matched statements. */
export interface SimulatedPolicy {
  /** `SourcePolicyId`: the policy's name, or `PolicyInputList.1`-style for policies given as strings. */
  readonly sourceId: string;
  /** `SourcePolicyType`: AWS reports identity policies as `IAM Policy` (recorded). */
  readonly sourceType: string;
  readonly document: string;
}

/** Everything one simulation evaluates. */
export interface Simulation {
  readonly identity: readonly SimulatedPolicy[];
  readonly boundary?: SimulatedPolicy | undefined;
  readonly resourcePolicy?: SimulatedPolicy | undefined;
  /** The simulated caller. */
  readonly principal: PrincipalInput;
  readonly actions: readonly string[];
  /** The ResourceArns; undefined when none were given (every action is then simulated on `*`). */
  readonly resources: readonly string[] | undefined;
  readonly resourceAccount: string | undefined;
  readonly context: Readonly<Record<string, ContextInput>>;
  readonly now: Date;
}

interface Compiled {
  readonly policy: CompiledPolicy;
  readonly source: SimulatedPolicy;
  readonly spans: Span[];
}

/**
 * Compiles a simulated policy. A policy given as a string that does not parse is the caller's error: AWS lists
 * only InvalidInput for the simulation operations, so that is the code, with the grammar message.
 */
function compile(source: SimulatedPolicy, label: string, kind: PolicyKind): Compiled {
  const parsed = parsePolicy(source.document, kind);
  const faults = parsed.ok ? undefined : parsed.faults;
  const compiled = parsed.ok ? compilePolicy(parsed.policy, label) : undefined;
  const all = faults ?? (Array.isArray(compiled) ? compiled : []);
  const fault = reportedFault(all);
  if (fault !== undefined || compiled === undefined || Array.isArray(compiled)) {
    throw new AwsError('InvalidInput', fault ? malformedMessage(fault) : 'Syntax errors in policy.');
  }
  return { policy: compiled, source, spans: statementSpans(source.document) };
}

/** The statements AWS lists for a decision: those that made it (allows for allowed, denies for a deny). */
function matched(decision: Decision, byLabel: ReadonlyMap<string, Compiled>): Matched[] {
  const wanted =
    decision.decision === 'allowed' ? 'Allow' : decision.decision === 'explicitDeny' ? 'Deny' : undefined;
  return decision.matchedStatements
    .filter((m) => wanted === undefined || m.effect === wanted)
    .flatMap((m) => {
      const compiled = byLabel.get(m.policy);
      if (compiled === undefined) return [];
      const span = compiled.spans[m.statement];
      return [
        {
          SourcePolicyId: compiled.source.sourceId,
          SourcePolicyType: compiled.source.sourceType,
          ...(span ? { StartPosition: span.start, EndPosition: span.end } : {}),
        },
      ];
    });
}

/**
 * Runs a simulation: every action on every resource, against the identity policies, the permissions boundary
 * and the resource-based policy, as the policy engine decides. One EvaluationResult per action and resource.
 */
export function runSimulation(simulation: Simulation): Result[] {
  const byLabel = new Map<string, Compiled>();
  const add = (source: SimulatedPolicy, kind: PolicyKind) => {
    const label = `p${byLabel.size}`;
    const compiled = compile(source, label, kind);
    byLabel.set(label, compiled);
    return compiled.policy;
  };
  const identity = simulation.identity.map((p) => add(p, 'identity'));
  const boundary = simulation.boundary ? add(simulation.boundary, 'identity') : undefined;
  const resource = simulation.resourcePolicy ? add(simulation.resourcePolicy, 'resource') : undefined;
  const set = createPolicySet({ identity, boundary, resource });
  const principal = new PreparedPrincipal(simulation.principal);
  const results: Result[] = [];
  for (const action of simulation.actions) {
    for (const resourceArn of simulation.resources ?? ['*']) {
      const decision = evaluate(
        set,
        createRequest({
          principal,
          action,
          resource: resourceArn,
          resourceAccount: simulation.resourceAccount,
          context: simulation.context,
          now: simulation.now,
        }),
      );
      const statements = matched(decision, byLabel);
      const boundaryDetail = boundary
        ? {
            PermissionsBoundaryDecisionDetail: {
              AllowedByPermissionsBoundary: decision.blockedBy !== 'boundary',
            },
          }
        : {};
      results.push({
        EvalActionName: action,
        EvalResourceName: resourceArn,
        EvalDecision: decision.decision,
        MatchedStatements: statements,
        MissingContextValues: [...decision.missingContextKeys],
        OrganizationsDecisionDetail: { AllowedByOrganizations: true },
        ...boundaryDetail,
        // Present and empty for a same-account simulation on a named resource; absent for `*` (API reference).
        ...(resourceArn !== '*' ? { EvalDecisionDetails: {} } : {}),
        ...(simulation.resources !== undefined
          ? {
              ResourceSpecificResults: [
                {
                  EvalResourceName: resourceArn,
                  EvalResourceDecision: decision.decision,
                  MatchedStatements: statements,
                  MissingContextValues: [...decision.missingContextKeys],
                  ...boundaryDetail,
                },
              ],
            }
          : {}),
      });
    }
  }
  return results;
}
