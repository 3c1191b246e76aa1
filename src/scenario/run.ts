import {
  compilePolicyOrThrow,
  createPolicySet,
  createRequest,
  evaluate,
  PolicyValidationError,
  type CompiledPolicy,
  type Decision,
} from '../policy/index.js';
import type { PolicyRef, Scenario, ScenarioCase, ScenarioFault } from './load.js';

/** The result of one case, in the shape `iamd simulate` prints. */
export interface CaseResult {
  readonly id: string;
  readonly decision: Decision['decision'];
  readonly matchedStatements: readonly {
    policy: string;
    statement: number;
    sid?: string;
    effect: string;
    type?: string;
  }[];
  readonly ok?: boolean;
  readonly blockedBy?: string;
  readonly reason?: string;
  readonly missingContextKeys?: readonly string[];
}

/** Options for a run. `now` is the clock for cases that give no `now` of their own. */
export interface RunOptions {
  readonly explain?: boolean;
  readonly now?: number | undefined;
}

/**
 * Runs every case. Policies are compiled once per file; a policy with faults fails the run with every fault,
 * named by case and path.
 */
export function runScenario(
  scenario: Scenario,
  options: RunOptions = {},
): { results: CaseResult[]; faults: ScenarioFault[] } {
  const named = new Map<string, CompiledPolicy>();
  const faults: ScenarioFault[] = [];
  const compile = (ref: PolicyRef, c: ScenarioCase, path: string): CompiledPolicy | undefined => {
    if ('name' in ref) {
      const cached = named.get(ref.name);
      if (cached) return cached;
    }
    try {
      const compiled = compilePolicyOrThrow(
        'name' in ref ? scenario.policies[ref.name] : ref.inline,
        ref.label,
      );
      if ('name' in ref) named.set(ref.name, compiled);
      return compiled;
    } catch (error) {
      if (!(error instanceof PolicyValidationError)) throw error;
      const where = 'name' in ref ? `$.policies.${ref.name}` : path;
      for (const f of error.faults)
        faults.push({ caseId: c.id, path: `${where}${f.path.slice(1)}`, message: f.message });
      return undefined;
    }
  };
  const results: CaseResult[] = [];
  scenario.cases.forEach((c, i) => {
    const path = `$.cases[${i}]`;
    const all = (refs: readonly PolicyRef[], p: string) =>
      refs.map((r, j) => compile(r, c, `${p}[${j}]`)).filter((x): x is CompiledPolicy => x !== undefined);
    const set = createPolicySet({
      identity: all(c.identityPolicies, `${path}.identityPolicies`),
      boundary: c.permissionsBoundary && compile(c.permissionsBoundary, c, `${path}.permissionsBoundary`),
      session: c.sessionPolicies && all(c.sessionPolicies, `${path}.sessionPolicies`),
      resource: c.resourcePolicy && compile(c.resourcePolicy, c, `${path}.resourcePolicy`),
      scps: c.scps?.map((level, j) => all(level, `${path}.scps[${j}]`)),
      rcps: c.rcps?.map((level, j) => all(level, `${path}.rcps[${j}]`)),
      managementAccount: c.managementAccount,
    });
    const request = createRequest({
      principal: c.principal,
      action: c.action,
      resource: c.resource,
      resourceAccount: c.resourceAccount,
      context: c.context,
      now: c.now ?? options.now,
    });
    const decision = evaluate(set, request);
    results.push(toResult(c, decision, options.explain === true));
  });
  return { results, faults };
}

function toResult(c: ScenarioCase, decision: Decision, explain: boolean): CaseResult {
  const matchedStatements = decision.matchedStatements.map((m) => ({
    policy: m.policy,
    statement: m.statement,
    ...(m.sid !== undefined ? { sid: m.sid } : {}),
    effect: m.effect,
    ...(explain ? { type: m.type } : {}),
  }));
  return {
    id: c.id,
    decision: decision.decision,
    matchedStatements,
    ...(c.expect !== undefined ? { ok: c.expect === decision.decision } : {}),
    ...(explain
      ? {
          ...(decision.blockedBy !== undefined ? { blockedBy: decision.blockedBy } : {}),
          reason: decision.reason,
          missingContextKeys: decision.missingContextKeys,
        }
      : {}),
  };
}
