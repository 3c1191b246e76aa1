import { compileWildcard, type Matcher } from '../../policy/glob.js';
import { SERVICE_MODELS } from '../../protocol/model.js';
import { SERVICE_NAMES } from './service-names.js';

/**
 * The services whose actions IAM tracks one by one in ACTION_LEVEL reports. AWS tracks IAM's (and a few services'
 * iamd does not serve); iamd tracks the two services it serves, IAM and STS, from their models' operations.
 */
export const TRACKED_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  iam: SERVICE_MODELS.iam.operationNames(),
  sts: SERVICE_MODELS.sts.operationNames(),
};

/** What a set of policies allows, as last-accessed reports see it: namespaces, and tracked actions per namespace. */
export interface AllowedActions {
  /** Every namespace some Allow statement grants an action of. */
  readonly namespaces: ReadonlySet<string>;
  /** Whether the policies allow `namespace:action`, for the tracked namespaces. */
  allows(namespace: string, action: string): boolean;
}

/**
 * Reads the Allow statements of policy documents (JSON text) for the services they grant, as AWS's service last
 * accessed data lists them: every service that an `Action` of an Allow statement names or matches (`*`, `iam:*`,
 * `s*:Get*`), or that a `NotAction` leaves allowed. Conditions and resources are not considered (AWS reports what
 * the policies could allow). Deny statements do not remove services, as in AWS's reports.
 */
export function allowedActions(documents: readonly string[]): AllowedActions {
  const statements: { readonly not: boolean; readonly actions: Matcher[]; readonly namespaces: Matcher[] }[] =
    [];
  const candidates = new Set(Object.keys(SERVICE_NAMES));
  for (const document of documents) {
    for (const statement of statementsOf(document)) {
      const not = statement['Action'] === undefined;
      const patterns = stringsOf(not ? statement['NotAction'] : statement['Action']);
      for (const pattern of patterns) {
        // Namespaces written out in full count even when iamd has no name for them.
        const colon = pattern.indexOf(':');
        if (colon > 0 && !/[*?]/.test(pattern.slice(0, colon)))
          candidates.add(pattern.slice(0, colon).toLowerCase());
      }
      if (statement['Effect'] !== 'Allow') continue;
      statements.push({
        not,
        actions: patterns.map((p) => compileWildcard(p, 'anything', true)),
        namespaces: patterns.map((p) => {
          const colon = p.indexOf(':');
          return compileWildcard(colon === -1 ? p : p.slice(0, colon), 'anything', true);
        }),
      });
    }
  }
  const allows = (namespace: string, action: string): boolean => {
    const full = `${namespace}:${action}`.toLowerCase();
    return statements.some((s) => s.actions.some((m) => m(full)) !== s.not);
  };
  const grants = (namespace: string): boolean =>
    statements.some((s) =>
      s.not ? !s.actions.some((m) => m(`${namespace}:*`)) : s.namespaces.some((m) => m(namespace)),
    );
  return { namespaces: new Set([...candidates].filter(grants)), allows };
}

function statementsOf(document: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return [];
  }
  const statement = (parsed as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(statement) ? statement : [statement];
  return list.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null);
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
