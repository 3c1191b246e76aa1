import type {
  ConditionClause,
  Effect,
  PolicyDocument,
  PolicyVersion,
  PrincipalBlock,
  Statement,
} from './ast.js';
import type { FaultCode, PolicyFault } from './fault.js';
import { PolicyValidationError } from './fault.js';

/**
 * Where a policy is used. It decides which elements are required or forbidden:
 * identity-style policies may not name a principal, resource policies must, and trust policies carry no Resource.
 * `any` (the default) checks the grammar only, as the simulator does.
 */
export type PolicyKind = 'any' | 'identity' | 'resource' | 'trust' | 'scp' | 'rcp';

/** The outcome of parsing: the typed document, or every fault found. */
export type ParseResult =
  | { readonly ok: true; readonly policy: PolicyDocument }
  | { readonly ok: false; readonly faults: readonly PolicyFault[] };

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_ELEMENTS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const PRINCIPAL_KINDS: Record<string, 'aws' | 'service' | 'federated' | 'canonicalUser'> = {
  AWS: 'aws',
  Service: 'service',
  Federated: 'federated',
  CanonicalUser: 'canonicalUser',
};

/** Collects faults while a document is walked. */
class FaultSink {
  readonly faults: PolicyFault[] = [];
  add(path: string, code: FaultCode, message: string): void {
    this.faults.push({ path, code, message });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/**
 * Parses a policy document (JSON text or an already-parsed value) into its typed form.
 * It never throws: every fault is returned with its JSON path.
 */
export function parsePolicy(input: unknown, kind: PolicyKind = 'any'): ParseResult {
  const { policy, faults } = parsePolicyPartially(input, kind);
  if (faults.length > 0 || policy === undefined) return { ok: false, faults };
  return { ok: true, policy };
}

/**
 * Parses as much of a document as can be parsed, with the faults found. The validator uses the partial
 * document to go on and report semantic faults alongside grammar faults.
 */
export function parsePolicyPartially(
  input: unknown,
  kind: PolicyKind = 'any',
): { policy: PolicyDocument | undefined; faults: PolicyFault[] } {
  const sink = new FaultSink();
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'unparseable';
      sink.add('$', 'InvalidJson', `The policy is not valid JSON: ${detail}.`);
      return { policy: undefined, faults: sink.faults };
    }
  }
  const policy = parseDocument(raw, kind, sink);
  return { policy, faults: sink.faults };
}

/** Like `parsePolicy`, but throws a `PolicyValidationError` that carries every fault. */
export function parsePolicyOrThrow(input: unknown, kind: PolicyKind = 'any'): PolicyDocument {
  const result = parsePolicy(input, kind);
  if (!result.ok) throw new PolicyValidationError(result.faults);
  return result.policy;
}

function parseDocument(raw: unknown, kind: PolicyKind, sink: FaultSink): PolicyDocument | undefined {
  if (!isRecord(raw)) {
    sink.add('$', 'SyntaxError', `A policy must be a JSON object, not ${describe(raw)}.`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL.has(key)) sink.add(`$.${key}`, 'UnknownElement', `\`${key}\` is not a policy element.`);
  }
  const version = parseVersion(raw['Version'], sink);
  const idValue = raw['Id'];
  if (idValue !== undefined && typeof idValue !== 'string') {
    sink.add('$.Id', 'SyntaxError', `Id must be a string, not ${describe(idValue)}.`);
  }
  const statementValue = raw['Statement'];
  const statements: Statement[] = [];
  if (statementValue === undefined) {
    sink.add('$', 'MissingStatement', 'A policy must have a `Statement` element.');
  } else if (Array.isArray(statementValue)) {
    statementValue.forEach((item, i) => {
      const statement = parseStatement(item, `$.Statement[${i}]`, i, kind, sink);
      if (statement) statements.push(statement);
    });
  } else if (isRecord(statementValue)) {
    const statement = parseStatement(statementValue, '$.Statement', 0, kind, sink);
    if (statement) statements.push(statement);
  } else {
    sink.add(
      '$.Statement',
      'SyntaxError',
      `Statement must be an object or a list, not ${describe(statementValue)}.`,
    );
  }
  checkUniqueSids(statementValue, sink);
  return { version, id: typeof idValue === 'string' ? idValue : undefined, statements };
}

function parseVersion(value: unknown, sink: FaultSink): PolicyVersion | undefined {
  if (value === undefined) return undefined;
  if (value === '2012-10-17' || value === '2008-10-17') return value;
  sink.add(
    '$.Version',
    'UnsupportedVersion',
    `Version must be \`2012-10-17\` or \`2008-10-17\`, not \`${typeof value === 'string' ? value : describe(value)}\`.`,
  );
  return undefined;
}

/** Sids must be unique; checked on the raw statements, so that a statement with other faults still counts. */
function checkUniqueSids(statementValue: unknown, sink: FaultSink): void {
  if (!Array.isArray(statementValue)) return;
  const seen = new Set<string>();
  statementValue.forEach((raw, i) => {
    const sid = isRecord(raw) ? raw['Sid'] : undefined;
    if (typeof sid !== 'string' || sid === '') return;
    if (seen.has(sid)) {
      sink.add(
        `$.Statement[${i}].Sid`,
        'DuplicateSid',
        `The Sid \`${sid}\` is used by more than one statement.`,
      );
    }
    seen.add(sid);
  });
}

function parseStatement(
  raw: unknown,
  path: string,
  index: number,
  kind: PolicyKind,
  sink: FaultSink,
): Statement | undefined {
  if (!isRecord(raw)) {
    sink.add(path, 'SyntaxError', `A statement must be a JSON object, not ${describe(raw)}.`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_ELEMENTS.has(key)) {
      sink.add(`${path}.${key}`, 'UnknownElement', `\`${key}\` is not a statement element.`);
    }
  }
  const sidValue = raw['Sid'];
  let sid: string | undefined;
  if (sidValue !== undefined) {
    if (typeof sidValue === 'string') sid = sidValue;
    else sink.add(`${path}.Sid`, 'InvalidSid', `Sid must be a string, not ${describe(sidValue)}.`);
  }
  const effect = parseEffect(raw['Effect'], path, sink);
  const principal = parsePrincipal(raw['Principal'], `${path}.Principal`, sink);
  const notPrincipal = parsePrincipal(raw['NotPrincipal'], `${path}.NotPrincipal`, sink);
  const action = parseStringList(raw['Action'], `${path}.Action`, sink);
  const notAction = parseStringList(raw['NotAction'], `${path}.NotAction`, sink);
  const resource = parseStringList(raw['Resource'], `${path}.Resource`, sink);
  const notResource = parseStringList(raw['NotResource'], `${path}.NotResource`, sink);
  const conditions = parseConditions(raw['Condition'], `${path}.Condition`, sink);

  exclusive('Principal', principal, 'NotPrincipal', notPrincipal, path, sink);
  exclusive('Action', action, 'NotAction', notAction, path, sink);
  exclusive('Resource', resource, 'NotResource', notResource, path, sink);
  if (action === undefined && notAction === undefined) {
    sink.add(path, 'MissingAction', 'The statement has neither `Action` nor `NotAction`.');
  } else if (isEmptyList(raw['Action']) || isEmptyList(raw['NotAction'])) {
    // An empty list is what AWS reports as a statement without actions.
    sink.add(path, 'MissingAction', 'The statement lists no actions.');
  }
  if (isEmptyList(raw['Resource']) || isEmptyList(raw['NotResource'])) {
    sink.add(path, 'MissingResource', 'The statement lists no resources.');
  }
  checkElementsForKind(kind, raw, path, sink);
  if (effect === undefined) return undefined;
  const scalarElements = ['Action', 'NotAction', 'Resource', 'NotResource'].filter(
    (element) => typeof raw[element] === 'string',
  );
  return {
    index,
    path,
    scalarElements,
    sid,
    effect,
    principal,
    notPrincipal,
    action,
    notAction,
    resource,
    notResource,
    conditions,
  };
}

function checkElementsForKind(
  kind: PolicyKind,
  raw: Record<string, unknown>,
  path: string,
  sink: FaultSink,
): void {
  const hasPrincipal = raw['Principal'] !== undefined || raw['NotPrincipal'] !== undefined;
  const hasResource = raw['Resource'] !== undefined || raw['NotResource'] !== undefined;
  switch (kind) {
    case 'identity':
    case 'scp':
      if (hasPrincipal) {
        sink.add(
          path,
          'PrincipalNotAllowed',
          'This kind of policy may not have a `Principal` or `NotPrincipal`.',
        );
      }
      if (!hasResource && kind === 'identity') {
        sink.add(path, 'MissingResource', 'The statement has neither `Resource` nor `NotResource`.');
      }
      return;
    case 'resource':
    case 'rcp':
      if (!hasPrincipal && kind === 'resource') {
        sink.add(
          path,
          'MissingPrincipal',
          'A resource-based policy statement must have a `Principal` or `NotPrincipal`.',
        );
      }
      return;
    case 'trust':
      if (!hasPrincipal) {
        sink.add(
          path,
          'MissingPrincipal',
          'A trust policy statement must have a `Principal` or `NotPrincipal`.',
        );
      }
      if (hasResource) sink.add(`${path}.Resource`, 'ProhibitedElement', 'Has prohibited field Resource');
      return;
    case 'any':
      return;
  }
}

function exclusive(a: string, av: unknown, b: string, bv: unknown, path: string, sink: FaultSink): void {
  if (av !== undefined && bv !== undefined) {
    sink.add(path, 'BothElements', `A statement may have \`${a}\` or \`${b}\`, not both.`);
  }
}

function parseEffect(value: unknown, path: string, sink: FaultSink): Effect | undefined {
  if (value === undefined) {
    sink.add(path, 'MissingEffect', 'The statement has no `Effect`.');
    return undefined;
  }
  if (value === 'Allow' || value === 'Deny') return value;
  sink.add(
    `${path}.Effect`,
    'InvalidEffect',
    `Effect must be \`Allow\` or \`Deny\`, not \`${typeof value === 'string' ? value : describe(value)}\`.`,
  );
  return undefined;
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** A string or a list of strings; anything else is a fault. Returns `undefined` when the element is absent. */
function parseStringList(value: unknown, path: string, sink: FaultSink): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    const out: string[] = [];
    value.forEach((item, i) => {
      if (typeof item === 'string') out.push(item);
      else sink.add(`${path}[${i}]`, 'SyntaxError', `Expected a string, not ${describe(item)}.`);
    });
    return out;
  }
  sink.add(path, 'SyntaxError', `Expected a string or a list of strings, not ${describe(value)}.`);
  return [];
}

function parsePrincipal(value: unknown, path: string, sink: FaultSink): PrincipalBlock | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return { kind: 'any' };
  if (!isRecord(value)) {
    sink.add(path, 'InvalidPrincipal', `A principal must be \`*\` or an object, not ${describe(value)}.`);
    return { kind: 'map', aws: [], service: [], federated: [], canonicalUser: [] };
  }
  const lists = {
    aws: [] as string[],
    service: [] as string[],
    federated: [] as string[],
    canonicalUser: [] as string[],
  };
  for (const [key, raw] of Object.entries(value)) {
    // INVARIANT: only own keys: a key such as `constructor` must not find an inherited member.
    const target = Object.hasOwn(PRINCIPAL_KINDS, key) ? PRINCIPAL_KINDS[key] : undefined;
    if (target === undefined) {
      sink.add(
        `${path}.${key}`,
        'InvalidPrincipal',
        `\`${key}\` is not a principal type (AWS, Service, Federated, CanonicalUser).`,
      );
      continue;
    }
    // A loop, not push(...list): a list of a hundred thousand principals must not overflow the stack.
    for (const entry of parseStringList(raw, `${path}.${key}`, sink) ?? []) lists[target].push(entry);
  }
  if (Object.keys(value).length === 0) sink.add(path, 'InvalidPrincipal', 'The principal names no one.');
  return { kind: 'map', ...lists };
}

function scalarToString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function parseConditions(value: unknown, path: string, sink: FaultSink): ConditionClause[] {
  if (value === undefined) return [];
  if (!isRecord(value)) {
    sink.add(path, 'SyntaxError', `Condition must be an object, not ${describe(value)}.`);
    return [];
  }
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const opPath = `${path}.${operator}`;
    if (!isRecord(block)) {
      sink.add(
        opPath,
        'SyntaxError',
        `The \`${operator}\` block must be an object of keys and values, not ${describe(block)}.`,
      );
      continue;
    }
    for (const [key, rawValues] of Object.entries(block)) {
      const keyPath = `${opPath}.${key}`;
      const list = Array.isArray(rawValues) ? rawValues : [rawValues];
      const values: string[] = [];
      list.forEach((item, i) => {
        const text = scalarToString(item);
        if (text === undefined) {
          const where = Array.isArray(rawValues) ? `${keyPath}[${i}]` : keyPath;
          sink.add(
            where,
            'SyntaxError',
            `A condition value must be a string, number or boolean, not ${describe(item)}.`,
          );
        } else {
          values.push(text);
        }
      });
      clauses.push({ operator, key, values });
    }
  }
  return clauses;
}
