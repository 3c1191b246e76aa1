import type { MissingKeys } from './conditions/dispatch.js';
import type { Decision, EvalDecision, MatchedStatement, PolicyType } from './decision.js';
import type { CompiledPolicy } from './policy-list.js';
import { PolicyList, type SharedConditionTest } from './policy-list.js';
import type { RequestContext } from './context.js';
import type { PrincipalMatch, RequestPrincipal } from './principal.js';
import { rcpsGovern } from './rcp-services.js';
import { resourcePolicyRequired } from './resource-policy-required.js';
import type { AuthorizationRequest } from './request.js';
import type { CompiledStatement } from './statement.js';

/** The policies that apply to a request, by type, as a caller supplies them. */
export interface PolicySetInput {
  readonly identity?: readonly CompiledPolicy[] | undefined;
  /** The permissions boundary; absent or null when the principal has none. */
  readonly boundary?: CompiledPolicy | null | undefined;
  /** Session policies; absent (or empty) when the session was created without any. */
  readonly session?: readonly CompiledPolicy[] | undefined;
  /** The resource-based policy (or trust policy); absent or null when the resource has none. */
  readonly resource?: CompiledPolicy | null | undefined;
  /** SCPs by organization level, root first. Absent when the principal's account is in no organization. */
  readonly scps?: readonly (readonly CompiledPolicy[])[] | undefined;
  /** RCPs by organization level, root first. Absent when the resource's account is in no organization. */
  readonly rcps?: readonly (readonly CompiledPolicy[])[] | undefined;
  /** The organization's management account, which SCPs and RCPs do not restrict. */
  readonly managementAccount?: string | undefined;
}

/**
 * A set of compiled policies, indexed for evaluation. Build it once per principal and resource, and evaluate
 * any number of requests against it.
 */
export interface PolicySet {
  readonly identity: PolicyList;
  readonly boundary: PolicyList | undefined;
  readonly session: PolicyList | undefined;
  readonly resource: PolicyList | undefined;
  readonly scps: readonly PolicyList[] | undefined;
  readonly rcps: readonly PolicyList[] | undefined;
  readonly managementAccount: string | undefined;
}

/** Indexes a policy set for evaluation. */
export function createPolicySet(input: PolicySetInput): PolicySet {
  return {
    identity: new PolicyList('identity', input.identity ?? []),
    boundary: input.boundary ? new PolicyList('boundary', [input.boundary]) : undefined,
    // A session created without session policies is not limited by any: an empty list is no list.
    session: input.session?.length ? new PolicyList('session', input.session) : undefined,
    resource: input.resource ? new PolicyList('resource', [input.resource]) : undefined,
    scps: input.scps?.map((level) => new PolicyList('scp', level)),
    rcps: input.rcps?.map((level) => new PolicyList('rcp', level)),
    managementAccount: input.managementAccount,
  };
}

/** What one list of policies said about a request. */
interface ListVerdict {
  allow: boolean;
  deny: boolean;
  /** For resource policies: the strongest way an allowing statement named the principal. */
  grant: PrincipalMatch | undefined;
}

/** Per-request scratch state: the explanation being collected. */
interface Trace {
  readonly matched: MatchedStatement[];
  readonly missing: MissingKeys;
}

// How strongly a resource-policy allow names the principal; higher wins.
const GRANT_STRENGTH: Record<PrincipalMatch, number> = {
  account: 1,
  wildcard: 2,
  service: 2,
  webIdentity: 2,
  role: 3,
  exact: 4,
};

function principalApplies(
  statement: CompiledStatement,
  principal: RequestPrincipal,
  hasBoundary: boolean,
): PrincipalMatch | undefined {
  if (statement.principal !== undefined) return statement.principal.match(principal);
  if (statement.notPrincipal !== undefined) {
    // INVARIANT: AWS applies a Deny with NotPrincipal to every principal that has a permissions boundary,
    // whatever the NotPrincipal lists (IAM User Guide, "Permissions boundaries for IAM entities").
    if (statement.effect === 'Deny' && hasBoundary) return 'wildcard';
    return statement.notPrincipal.excludes(principal) ? undefined : 'wildcard';
  }
  // A resource-policy statement without a principal names no one.
  return undefined;
}

function allHold(
  conditions: readonly SharedConditionTest[],
  context: RequestContext,
  missing: MissingKeys,
): boolean {
  for (let i = 0; i < conditions.length; i++) if (!conditions[i]!.holds(context, missing)) return false;
  return true;
}

function evaluateList(
  list: PolicyList,
  request: AuthorizationRequest,
  hasBoundary: boolean,
  trace: Trace,
): ListVerdict {
  const verdict: ListVerdict = { allow: false, deny: false, grant: undefined };
  const listed = list.statementsFor(request.action);
  const checksPrincipal = list.type === 'resource';
  for (let i = 0; i < listed.length; i++) {
    const entry = listed[i]!;
    if (!entry.resource.matches(request.resource, request.context)) continue;
    let grant: PrincipalMatch | undefined;
    if (checksPrincipal) {
      grant = principalApplies(entry.statement, request.principal, hasBoundary);
      if (grant === undefined) continue;
    }
    if (!allHold(entry.conditions, request.context, trace.missing)) continue;
    trace.matched.push(entry.match);
    if (entry.deny) verdict.deny = true;
    else {
      verdict.allow = true;
      if (
        grant !== undefined &&
        (verdict.grant === undefined || GRANT_STRENGTH[grant] > GRANT_STRENGTH[verdict.grant])
      ) {
        verdict.grant = grant;
      }
    }
  }
  return verdict;
}

/** Every level must allow; returns whether all did and whether any denied. */
function evaluateLevels(
  levels: readonly PolicyList[],
  request: AuthorizationRequest,
  trace: Trace,
): { allAllow: boolean; deny: boolean } {
  let allAllow = true;
  let deny = false;
  for (const level of levels) {
    const verdict = evaluateList(level, request, false, trace);
    allAllow &&= verdict.allow;
    deny ||= verdict.deny;
  }
  return { allAllow, deny };
}

function decide(
  decision: EvalDecision,
  blockedBy: PolicyType | undefined,
  reason: string,
  trace: Trace,
): Decision {
  return {
    decision,
    blockedBy,
    reason,
    matchedStatements: trace.matched,
    missingContextKeys: trace.missing.length < 2 ? trace.missing : [...new Set(trace.missing)],
  };
}

/** True for the callers that IAM policies speak for: users, roles, sessions, federated users and root. */
function isIamPrincipal(kind: RequestPrincipal['kind']): boolean {
  return kind !== 'anonymous' && kind !== 'service' && kind !== 'webIdentity';
}

/**
 * Decides a request against a policy set, as AWS's policy evaluation logic does (IAM User Guide, "Policy
 * evaluation logic"): an explicit deny in any policy wins; SCPs and RCPs must allow at every level; within one
 * account an identity-based or a resource-based allow suffices, subject to permissions boundaries and session
 * policies; across accounts both sides must allow.
 */
export function evaluate(set: PolicySet, request: AuthorizationRequest): Decision {
  const trace: Trace = { matched: [], missing: [] };
  const principal = request.principal;
  const iamPrincipal = isIamPrincipal(principal.kind);
  const hasBoundary = set.boundary !== undefined;

  // SCPs restrict the principals of member accounts; RCPs the resources of member accounts.
  const scpsApply =
    set.scps !== undefined &&
    iamPrincipal &&
    !principal.serviceLinked &&
    principal.account !== set.managementAccount;
  // RCPs also restrict AWS service principals: AWS's own example RCPs deny them by `aws:PrincipalIsAWSService`
  // (Organizations User Guide, resource control policy examples, confused deputy protection).
  const rcpsApply =
    set.rcps !== undefined &&
    !principal.serviceLinked &&
    request.resourceAccount !== set.managementAccount &&
    rcpsGovern(request.action);

  const scp = scpsApply ? evaluateLevels(set.scps!, request, trace) : undefined;
  const rcp = rcpsApply ? evaluateLevels(set.rcps!, request, trace) : undefined;
  const resource = set.resource ? evaluateList(set.resource, request, hasBoundary, trace) : undefined;
  const identity = iamPrincipal ? evaluateList(set.identity, request, false, trace) : undefined;
  const boundary =
    set.boundary && iamPrincipal ? evaluateList(set.boundary, request, false, trace) : undefined;
  const session = set.session && iamPrincipal ? evaluateList(set.session, request, false, trace) : undefined;
  // A federated user's session (GetFederationToken) created without a session policy has no permissions.
  const sessionRequired = principal.kind === 'federatedUser';

  const denier: PolicyType | undefined = scp?.deny
    ? 'scp'
    : rcp?.deny
      ? 'rcp'
      : resource?.deny
        ? 'resource'
        : identity?.deny
          ? 'identity'
          : boundary?.deny
            ? 'boundary'
            : session?.deny
              ? 'session'
              : undefined;
  if (denier !== undefined)
    return decide('explicitDeny', denier, `An explicit deny in the ${denier} policies.`, trace);
  if (scp && !scp.allAllow)
    return decide('implicitDeny', 'scp', 'A service control policy level allows nothing here.', trace);
  if (rcp && !rcp.allAllow)
    return decide('implicitDeny', 'rcp', 'A resource control policy level allows nothing here.', trace);

  const resourceGrant = resource?.allow ? resource.grant : undefined;
  if (!iamPrincipal) {
    return resourceGrant !== undefined
      ? decide('allowed', undefined, 'The resource-based policy allows the request.', trace)
      : decide(
          'implicitDeny',
          'resource',
          'Only a resource-based policy can allow this principal, and none does.',
          trace,
        );
  }

  const sameAccount = principal.account === request.resourceAccount;
  // Trust and key policies must allow by themselves. When the caller supplies no such policy, the request is
  // judged on the other policies alone (docs/scenario-format.md).
  const mustBeGranted = set.resource !== undefined && resourcePolicyRequired(request.action);
  if (mustBeGranted && resourceGrant === undefined) {
    return decide(
      'implicitDeny',
      'resource',
      'Trust and key policies must allow the principal, and this one does not.',
      trace,
    );
  }
  if (principal.kind === 'root') {
    if (sameAccount)
      return decide('allowed', undefined, 'The root user may do anything in its own account.', trace);
    return resourceGrant !== undefined
      ? decide('allowed', undefined, "The resource-based policy allows the other account's root user.", trace)
      : decide(
          'implicitDeny',
          'resource',
          'No resource-based policy allows this cross-account request.',
          trace,
        );
  }

  const boundaryAllows = boundary === undefined || boundary.allow;
  const sessionAllows = session === undefined ? !sessionRequired : session.allow;
  if (sameAccount && resourceGrant !== undefined && resourceGrant !== 'account') {
    // A resource policy that names the user or the session itself (or everyone) is not limited by implicit
    // denies in the identity policies, the permissions boundary or the session policy. One that names the
    // session's role still falls under the boundary and the session policy; so do trust and key policies.
    const unlimited = (resourceGrant === 'exact' || resourceGrant === 'wildcard') && !mustBeGranted;
    if (unlimited)
      return decide('allowed', undefined, 'The resource-based policy names the principal.', trace);
    if (!boundaryAllows)
      return decide(
        'implicitDeny',
        'boundary',
        'The permissions boundary does not allow the request.',
        trace,
      );
    if (!sessionAllows)
      return decide('implicitDeny', 'session', 'The session policy does not allow the request.', trace);
    return decide('allowed', undefined, 'The resource-based policy allows the request.', trace);
  }
  if (!identity!.allow) {
    return decide('implicitDeny', 'identity', 'No identity-based policy allows the request.', trace);
  }
  if (!boundaryAllows)
    return decide('implicitDeny', 'boundary', 'The permissions boundary does not allow the request.', trace);
  if (!sessionAllows)
    return decide('implicitDeny', 'session', 'The session policy does not allow the request.', trace);
  if (!sameAccount && resourceGrant === undefined) {
    return decide(
      'implicitDeny',
      'resource',
      'No resource-based policy allows this cross-account request.',
      trace,
    );
  }
  return decide('allowed', undefined, 'The identity-based policies allow the request.', trace);
}
