import type { Effect, PolicyDocument, Statement } from './ast.js';
import { compileCondition, type CompiledCondition } from './conditions/dispatch.js';
import type { RequestContext } from './context.js';
import { compileWildcard, compilePieces, type Matcher } from './glob.js';
import { compilePrincipal, type PrincipalMatcher } from './principal.js';
import { parseTemplate, resolveTemplate, type Template, type TemplatePart } from './variables.js';
import type { PolicyFault } from './fault.js';

/**
 * A statement compiled for evaluation: its action test runs once per action (the result is cached by the
 * policy list), and its resource, principal and condition tests are closures built once.
 */
export interface CompiledStatement {
  /** The name of the policy the statement belongs to, for explanations. */
  readonly policy: string;
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  /** Lower-cased service prefixes the statement's actions name, or `undefined` when it may match any service. */
  readonly services: readonly string[] | undefined;
  /** Whether the statement applies to a lower-cased action. */
  readonly matchesAction: (lowerAction: string) => boolean;
  readonly matchesResource: (resource: string, context: RequestContext) => boolean;
  /**
   * What the resource test depends on (the Resource or NotResource element and whether variables are substituted):
   * statements with the same key test resources identically, so a policy list runs one test for all of them.
   */
  readonly resourceKey: string;
  /** For each condition, what its test depends on (operator, key, values, substitution): equal keys, equal tests. */
  readonly conditionKeys: readonly string[];
  readonly principal: PrincipalMatcher | undefined;
  readonly notPrincipal: PrincipalMatcher | undefined;
  readonly conditions: readonly CompiledCondition[];
}

function compileActions(patterns: readonly string[]): (lowerAction: string) => boolean {
  const matchers = patterns.map((p) => compileWildcard(p, 'anything', true));
  if (matchers.length === 1) return matchers[0]!;
  return (action) => {
    for (const m of matchers) if (m(action)) return true;
    return false;
  };
}

/** The service prefixes a list of action patterns can match, or `undefined` when a pattern's prefix is wild. */
function servicesOf(patterns: readonly string[]): string[] | undefined {
  const services = new Set<string>();
  for (const pattern of patterns) {
    const colon = pattern.indexOf(':');
    const service = colon === -1 ? pattern : pattern.slice(0, colon);
    if (colon === -1 || service.includes('*') || service.includes('?')) return undefined;
    services.add(service.toLowerCase());
  }
  return [...services];
}

const MAX_RESOLVED_PATTERNS = 256;

type VariablePart = Extract<TemplatePart, { kind: 'variable' }>;

/**
 * A resource pattern with policy variables. The matcher for each combination of variable values is built once
 * and cached, keyed by those values, so a principal's repeated requests cost one lookup.
 */
function variableResourceMatcher(template: Template): (resource: string, context: RequestContext) => boolean {
  const cache = new Map<string, Matcher>();
  const variables = template.parts.filter((p): p is VariablePart => p.kind === 'variable');
  const head = template.parts[0]?.kind === 'text' ? literalHead(template.parts[0].text) : '';
  // Most resources fail on the text before the first wildcard or variable; that test needs no context.
  const startsRight = head === '' ? undefined : compileWildcard(`${head}*`, 'resource');
  const resolve = (key: string, context: RequestContext): Matcher | undefined => {
    let matcher = cache.get(key);
    if (matcher === undefined) {
      const pieces = resolveTemplate(template, context);
      if (pieces === undefined) return undefined;
      if (cache.size >= MAX_RESOLVED_PATTERNS) cache.clear();
      matcher = compilePieces(pieces, 'resource');
      cache.set(key, matcher);
    }
    return matcher;
  };
  if (variables.length === 1) {
    // One variable (the common case): the value itself is the key; the default's matcher is kept on its own.
    const { key: contextKey, fallback } = variables[0]!;
    let fallbackMatcher: Matcher | undefined;
    return (resource, context) => {
      if (startsRight !== undefined && !startsRight(resource)) return false;
      const value = context.get(contextKey);
      if (value !== undefined && value.kind === 'single') {
        const matcher = resolve(value.value, context);
        return matcher !== undefined && matcher(resource);
      }
      if (fallback === undefined) return false;
      fallbackMatcher ??= compilePieces(resolveTemplate(template, context)!, 'resource');
      return fallbackMatcher(resource);
    };
  }
  return (resource, context) => {
    if (startsRight !== undefined && !startsRight(resource)) return false;
    let key = '';
    for (let i = 0; i < variables.length; i++) {
      const part = variables[i]!;
      const value = context.get(part.key);
      // INVARIANT: the key tells apart every combination of values: each value is length-prefixed, so no
      // characters inside a value can make two combinations meet.
      if (value !== undefined && value.kind === 'single') key += `v${value.value.length}:${value.value}`;
      else if (part.fallback !== undefined) key += `d${part.fallback.length}:${part.fallback}`;
      else return false;
    }
    const matcher = resolve(key, context);
    return matcher !== undefined && matcher(resource);
  };
}

/** The text before a pattern's first wildcard: every match starts with it. */
function literalHead(text: string): string {
  const star = text.indexOf('*');
  const question = text.indexOf('?');
  const end = Math.min(star === -1 ? text.length : star, question === -1 ? text.length : question);
  return text.slice(0, end);
}

function staticResourceMatcher(template: Template): Matcher {
  if (template.parts.every((p) => p.kind === 'text')) return compileWildcard(template.raw, 'resource');
  const pieces = template.parts.map((p) => ({ text: 'text' in p ? p.text : '', wild: p.kind === 'text' }));
  return compilePieces(pieces, 'resource');
}

function compileResources(patterns: readonly string[], substitute: boolean) {
  const templates = patterns.map((p) => parseTemplate(p, substitute));
  if (templates.some((t) => t.raw === '*')) return (): boolean => true;
  const fixed = templates.filter((t) => !t.hasVariables).map(staticResourceMatcher);
  const variable = templates.filter((t) => t.hasVariables).map(variableResourceMatcher);
  // One fixed pattern (the common case): its matcher itself, without a wrapper call.
  if (variable.length === 0 && fixed.length === 1) return fixed[0]!;
  return (resource: string, context: RequestContext): boolean => {
    for (const m of fixed) if (m(resource)) return true;
    for (const m of variable) if (m(resource, context)) return true;
    return false;
  };
}

/**
 * A key for a tuple of strings: equal keys, equal tuples. INVARIANT: every string is length-prefixed, so no
 * characters inside one can make two tuples meet. (JSON.stringify did the same at several times the cost.)
 */
function listKey(values: readonly string[]): string {
  let key = `${values.length}[`;
  for (const value of values) key += `${value.length}:${value}`;
  return key;
}

function tupleKey(substitute: boolean, parts: readonly string[]): string {
  return (substitute ? 'v' : 'n') + listKey(parts);
}

/** Compiles one statement. Condition faults are returned rather than thrown. */
export function compileStatement(
  statement: Statement,
  policy: PolicyDocument,
  policyName: string,
): CompiledStatement | PolicyFault[] {
  const substitute = policy.version === '2012-10-17';
  const faults: PolicyFault[] = [];
  const conditions: CompiledCondition[] = [];
  for (const clause of statement.conditions) {
    const compiled = compileCondition(clause, substitute);
    if ('fault' in compiled) {
      faults.push({
        path: `${statement.path}.Condition.${clause.operator}.${clause.key}`,
        code: compiled.code,
        message: compiled.fault,
      });
    } else conditions.push(compiled);
  }
  if (faults.length > 0) return faults;

  const actionPatterns = statement.action ?? statement.notAction ?? [];
  const positive = compileActions(actionPatterns);
  const matchesAction = statement.notAction !== undefined ? (a: string) => !positive(a) : positive;
  let matchesResource: (resource: string, context: RequestContext) => boolean;
  if (statement.resource !== undefined) matchesResource = compileResources(statement.resource, substitute);
  else if (statement.notResource !== undefined) {
    const inner = compileResources(statement.notResource, substitute);
    matchesResource = (resource, context) => !inner(resource, context);
  } else {
    // No Resource element (trust policies): the statement is about the resource it is attached to.
    matchesResource = () => true;
  }
  return {
    policy: policyName,
    index: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    services: statement.notAction !== undefined ? undefined : servicesOf(actionPatterns),
    matchesAction,
    matchesResource,
    resourceKey: tupleKey(substitute, [
      statement.resource === undefined ? '-' : listKey(statement.resource),
      statement.notResource === undefined ? '-' : listKey(statement.notResource),
    ]),
    conditionKeys: conditions.map(({ clause }) =>
      tupleKey(substitute, [clause.operator, clause.key, listKey(clause.values)]),
    ),
    principal: statement.principal && compilePrincipal(statement.principal),
    notPrincipal: statement.notPrincipal && compilePrincipal(statement.notPrincipal),
    conditions,
  };
}
