import type { ContextInput, PrincipalInput } from '../policy/index.js';

/**
 * The scenario format of `iamd simulate --batch` (docs/scenario-format.md), checked and typed.
 * A policy reference is a name from the file's `policies` map, or an inline document.
 */
export type PolicyRef =
  { readonly name: string; readonly label: string } | { readonly inline: unknown; readonly label: string };

/** One case, with every optional field filled in. */
export interface ScenarioCase {
  readonly id: string;
  readonly principal: PrincipalInput;
  readonly identityPolicies: readonly PolicyRef[];
  readonly permissionsBoundary: PolicyRef | undefined;
  readonly sessionPolicies: readonly PolicyRef[] | undefined;
  readonly scps: readonly (readonly PolicyRef[])[] | undefined;
  readonly rcps: readonly (readonly PolicyRef[])[] | undefined;
  readonly resourcePolicy: PolicyRef | undefined;
  readonly resourceAccount: string | undefined;
  readonly managementAccount: string | undefined;
  readonly action: string;
  readonly resource: string | undefined;
  readonly context: Readonly<Record<string, ContextInput>>;
  readonly now: number | undefined;
  readonly expect: string | undefined;
  readonly doc: string | undefined;
}

/** A whole scenario file. */
export interface Scenario {
  readonly policies: Readonly<Record<string, unknown>>;
  readonly cases: readonly ScenarioCase[];
}

/** A fault in a scenario file, naming the case and the JSON path. */
export interface ScenarioFault {
  readonly caseId: string | undefined;
  readonly path: string;
  readonly message: string;
}

const EXPECTATIONS = new Set(['allowed', 'explicitDeny', 'implicitDeny']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  readonly faults: ScenarioFault[] = [];
  constructor(private readonly policies: Readonly<Record<string, unknown>>) {}

  fault(caseId: string | undefined, path: string, message: string): void {
    this.faults.push({ caseId, path, message });
  }

  ref(value: unknown, caseId: string, path: string, label: string): PolicyRef | undefined {
    if (typeof value === 'string') {
      if (!Object.hasOwn(this.policies, value)) {
        this.fault(caseId, path, `\`${value}\` is not in the file's \`policies\`.`);
        return undefined;
      }
      return { name: value, label: value };
    }
    if (isRecord(value)) return { inline: value, label };
    this.fault(caseId, path, 'A policy must be a name from `policies` or a policy document.');
    return undefined;
  }

  refs(value: unknown, caseId: string, path: string, label: string): PolicyRef[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.fault(caseId, path, 'Expected a list of policies.');
      return [];
    }
    return value.flatMap((item, i) => this.ref(item, caseId, `${path}[${i}]`, `${label}[${i}]`) ?? []);
  }

  levels(value: unknown, caseId: string, path: string, label: string): PolicyRef[][] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.fault(caseId, path, 'Expected a list of organization levels, each a list of policies.');
      return [];
    }
    return value.map((level, i) => this.refs(level, caseId, `${path}[${i}]`, `${label}[${i}]`) ?? []);
  }

  context(value: unknown, caseId: string, path: string): Record<string, ContextInput> {
    if (value === undefined || value === null) return {};
    if (!isRecord(value)) {
      this.fault(caseId, path, 'The context must be an object of keys and values.');
      return {};
    }
    const out: Record<string, ContextInput> = {};
    for (const [key, raw] of Object.entries(value)) {
      const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
      if (scalar(raw)) out[key] = raw as string | number | boolean;
      else if (Array.isArray(raw) && raw.every(scalar)) out[key] = raw as (string | number | boolean)[];
      else this.fault(caseId, `${path}.${key}`, 'A context value must be a string or a list of strings.');
    }
    return out;
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const NOW_FAULT = '`now` must be an ISO 8601 time or epoch seconds within the range of a date.';

function nowOf(value: unknown, check: Checker, caseId: string, path: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseNow(value);
  if (ms === undefined) check.fault(caseId, path, NOW_FAULT);
  return ms;
}

function stringEntries(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (typeof value === 'string') out[key] = value;
  return out;
}

/** The largest time a JavaScript Date holds, in milliseconds either side of the epoch. */
const MAX_TIME_MS = 8.64e15;

function parseNow(value: unknown): number | undefined {
  const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME_MS ? ms : undefined;
}

function principalOf(raw: unknown, check: Checker, caseId: string, path: string): PrincipalInput {
  if (!isRecord(raw) || typeof raw['arn'] !== 'string') {
    check.fault(caseId, `${path}.principal.arn`, 'Each case needs `principal.arn`.');
    return { arn: '*' };
  }
  const tags = raw['tags'];
  if (tags !== undefined && (!isRecord(tags) || !Object.values(tags).every((v) => typeof v === 'string'))) {
    check.fault(caseId, `${path}.principal.tags`, 'Principal tags must be an object of strings.');
  }
  return {
    arn: raw['arn'],
    // Only string tags go on: a reported fault must not also break the run.
    tags: isRecord(tags) ? stringEntries(tags) : undefined,
    userId: optionalString(raw['userId']),
    roleArn: optionalString(raw['roleArn']),
    canonicalUserId: optionalString(raw['canonicalUserId']),
  };
}

/** Checks and types a parsed scenario file. Every fault is reported, with the case it belongs to. */
export function loadScenario(raw: unknown): { scenario: Scenario; faults: ScenarioFault[] } {
  if (!isRecord(raw)) {
    return {
      scenario: { policies: {}, cases: [] },
      faults: [{ caseId: undefined, path: '$', message: 'A scenario file is a JSON object.' }],
    };
  }
  const policies = isRecord(raw['policies']) ? raw['policies'] : {};
  const check = new Checker(policies);
  if (raw['policies'] !== undefined && !isRecord(raw['policies']))
    check.fault(undefined, '$.policies', '`policies` must be an object.');
  const rawCases = raw['cases'];
  if (!Array.isArray(rawCases)) {
    check.fault(undefined, '$.cases', 'A scenario file needs a `cases` list.');
    return { scenario: { policies, cases: [] }, faults: check.faults };
  }
  const fileManagement = optionalString(raw['managementAccount']);
  const fileNow = parseNow(raw['now']);
  if (raw['now'] !== undefined && fileNow === undefined) check.fault(undefined, '$.now', NOW_FAULT);
  const cases = rawCases.map((c, i): ScenarioCase => {
    const path = `$.cases[${i}]`;
    const item = isRecord(c) ? c : {};
    if (!isRecord(c)) check.fault(undefined, path, 'A case is a JSON object.');
    const id = typeof item['id'] === 'string' ? item['id'] : String(i);
    if (typeof item['action'] !== 'string')
      check.fault(id, `${path}.action`, 'Each case needs an `action` string.');
    const expect = item['expect'];
    if (expect !== undefined && (typeof expect !== 'string' || !EXPECTATIONS.has(expect))) {
      check.fault(id, `${path}.expect`, '`expect` must be `allowed`, `explicitDeny` or `implicitDeny`.');
    }
    const boundary = item['permissionsBoundary'];
    const resourcePolicy = item['resourcePolicy'];
    return {
      id,
      principal: principalOf(item['principal'], check, id, path),
      identityPolicies:
        check.refs(item['identityPolicies'], id, `${path}.identityPolicies`, 'identityPolicies') ?? [],
      permissionsBoundary:
        boundary === undefined || boundary === null
          ? undefined
          : check.ref(boundary, id, `${path}.permissionsBoundary`, 'permissionsBoundary'),
      sessionPolicies: check.refs(item['sessionPolicies'], id, `${path}.sessionPolicies`, 'sessionPolicies'),
      scps: check.levels(item['scps'], id, `${path}.scps`, 'scps'),
      rcps: check.levels(item['rcps'], id, `${path}.rcps`, 'rcps'),
      resourcePolicy:
        resourcePolicy === undefined || resourcePolicy === null
          ? undefined
          : check.ref(resourcePolicy, id, `${path}.resourcePolicy`, 'resourcePolicy'),
      resourceAccount: optionalString(item['resourceAccount']),
      managementAccount: optionalString(item['managementAccount']) ?? fileManagement,
      action: typeof item['action'] === 'string' ? item['action'] : '',
      resource: optionalString(item['resource']),
      context: check.context(item['context'], id, `${path}.context`),
      now: nowOf(item['now'], check, id, `${path}.now`) ?? fileNow,
      expect: typeof expect === 'string' ? expect : undefined,
      doc: optionalString(item['doc']),
    };
  });
  return { scenario: { policies, cases }, faults: check.faults };
}
