import type { PolicyDocument } from './ast.js';
import type { MatchedStatement, PolicyType } from './decision.js';
import { PolicyValidationError, type PolicyFault } from './fault.js';
import { parsePolicy, type PolicyKind } from './parse.js';
import { compileStatement, type CompiledStatement } from './statement.js';

/** A policy compiled once, ready to be evaluated any number of times. */
export interface CompiledPolicy {
  readonly name: string;
  readonly document: PolicyDocument;
  readonly statements: readonly CompiledStatement[];
}

/** Compiles a parsed policy, or returns every fault its conditions hold. */
export function compilePolicy(document: PolicyDocument, name: string): CompiledPolicy | PolicyFault[] {
  const statements: CompiledStatement[] = [];
  const faults: PolicyFault[] = [];
  document.statements.forEach((statement) => {
    const compiled = compileStatement(statement, document, name);
    if (Array.isArray(compiled)) for (const fault of compiled) faults.push(fault);
    else statements.push(compiled);
  });
  return faults.length > 0 ? faults : { name, document, statements };
}

/** Parses and compiles a policy (JSON text or value), throwing a `PolicyValidationError` with every fault. */
export function compilePolicyOrThrow(input: unknown, name: string, kind: PolicyKind = 'any'): CompiledPolicy {
  const parsed = parsePolicy(input, kind);
  if (!parsed.ok) throw new PolicyValidationError(parsed.faults);
  const compiled = compilePolicy(parsed.policy, name);
  if (Array.isArray(compiled)) throw new PolicyValidationError(compiled);
  return compiled;
}

const MAX_CACHED_ACTIONS = 4096;

/** A statement of a list, with the explanation record it produces when it matches (built once). */
export interface ListedStatement {
  readonly statement: CompiledStatement;
  readonly match: MatchedStatement;
}

/**
 * The policies of one type that apply to a request (for example a principal's identity policies), with their
 * statements indexed by service prefix and the statements that apply to each action cached.
 */
export class PolicyList {
  readonly type: PolicyType;
  readonly policies: readonly CompiledPolicy[];
  private readonly byService = new Map<string, ListedStatement[]>();
  private readonly anyService: ListedStatement[] = [];
  private readonly forAction = new Map<string, readonly ListedStatement[]>();
  private readonly ordinal = new Map<ListedStatement, number>();

  constructor(type: PolicyType, policies: readonly CompiledPolicy[]) {
    this.type = type;
    this.policies = policies;
    for (const policy of policies) {
      for (const statement of policy.statements) {
        const listed: ListedStatement = { statement, match: matchRecord(type, statement) };
        this.ordinal.set(listed, this.ordinal.size);
        if (statement.services === undefined) this.anyService.push(listed);
        else {
          for (const service of statement.services) {
            let bucket = this.byService.get(service);
            if (bucket === undefined) this.byService.set(service, (bucket = []));
            bucket.push(listed);
          }
        }
      }
    }
  }

  /** The statements whose Action (or NotAction) applies to the action, in policy and statement order. */
  statementsFor(action: string): readonly ListedStatement[] {
    const cached = this.forAction.get(action);
    if (cached !== undefined) return cached;
    const lower = action.toLowerCase();
    const colon = lower.indexOf(':');
    const service = colon === -1 ? lower : lower.slice(0, colon);
    const candidates = [...(this.byService.get(service) ?? []), ...this.anyService];
    const result = candidates.filter((s) => s.statement.matchesAction(lower));
    result.sort((a, b) => this.ordinal.get(a)! - this.ordinal.get(b)!);
    if (this.forAction.size >= MAX_CACHED_ACTIONS) this.forAction.clear();
    this.forAction.set(action, result);
    return result;
  }
}

function matchRecord(type: PolicyType, statement: CompiledStatement): MatchedStatement {
  const { policy, index, sid, effect } = statement;
  return Object.freeze(
    sid === undefined
      ? { type, policy, statement: index, effect }
      : { type, policy, statement: index, sid, effect },
  );
}
