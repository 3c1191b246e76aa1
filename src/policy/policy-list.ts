import type { PolicyDocument } from './ast.js';
import type { CompiledCondition, MissingKeys } from './conditions/dispatch.js';
import type { RequestContext } from './context.js';
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
  /** The statement's effect is Deny (read on every match, so kept beside the tests). */
  readonly deny: boolean;
  readonly match: MatchedStatement;
  /** The resource test, shared by every statement of the list with the same Resource element. */
  readonly resource: SharedResourceTest;
  /** The condition tests, each shared by every statement of the list with the same clause. */
  readonly conditions: readonly SharedConditionTest[];
}

/**
 * A condition clause shared by the statements of a list that repeat it, remembering its last answer (and whether
 * the request lacked its key, so that every evaluation still reports the key as missing).
 */
const NONE: readonly string[] = [];

export class SharedConditionTest {
  private lastContext: RequestContext | undefined;
  private lastResult = false;
  private lastMissing: readonly string[] = [];

  constructor(private readonly condition: CompiledCondition) {}

  /** Whether the clause holds for the context; keys it found missing are added to `missing`. */
  holds(context: RequestContext, missing: MissingKeys): boolean {
    if (context !== this.lastContext) {
      const before = missing.length;
      this.lastResult = this.condition.test(context, missing);
      this.lastMissing = missing.length === before ? NONE : missing.slice(before);
      this.lastContext = context;
      return this.lastResult;
    }
    for (let i = 0; i < this.lastMissing.length; i++) missing.push(this.lastMissing[i]!);
    return this.lastResult;
  }
}

/**
 * A resource test shared by the statements of a list that name the same resources, remembering its last answer:
 * within one evaluation each distinct pattern runs once, however many statements repeat it.
 */
export class SharedResourceTest {
  private lastResource: string | undefined;
  private lastContext: RequestContext | undefined;
  private lastResult = false;

  constructor(private readonly test: CompiledStatement['matchesResource']) {}

  /** Whether the resource matches, for this request's context. */
  matches(resource: string, context: RequestContext): boolean {
    // INVARIANT: a context is never changed once built, so the same context and resource give the same answer.
    // The context is compared first: that is one identity test, where two resources may compare their characters.
    if (context === this.lastContext && resource === this.lastResource) return this.lastResult;
    this.lastResult = this.test(resource, context);
    this.lastResource = resource;
    this.lastContext = context;
    return this.lastResult;
  }
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
    const resourceTests = new Map<string, SharedResourceTest>();
    const conditionTests = new Map<string, SharedConditionTest>();
    this.type = type;
    this.policies = policies;
    for (const policy of policies) {
      for (const statement of policy.statements) {
        let resource = resourceTests.get(statement.resourceKey);
        if (resource === undefined) {
          resource = new SharedResourceTest(statement.matchesResource);
          resourceTests.set(statement.resourceKey, resource);
        }
        const conditions = statement.conditions.map((condition, i) => {
          const key = statement.conditionKeys[i]!;
          let shared = conditionTests.get(key);
          if (shared === undefined) {
            shared = new SharedConditionTest(condition);
            conditionTests.set(key, shared);
          }
          return shared;
        });
        const listed: ListedStatement = {
          statement,
          deny: statement.effect === 'Deny',
          match: matchRecord(type, statement),
          resource,
          conditions,
        };
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
