import type { PrincipalBlock } from './ast.js';
import { parseArn } from './arn.js';

/**
 * The principal that makes a request, derived from its ARN, and the matching of a statement's `Principal` or
 * `NotPrincipal` against it.
 */

/** What kind of principal made the request. */
export type PrincipalKind =
  'root' | 'user' | 'role' | 'assumedRole' | 'federatedUser' | 'service' | 'webIdentity' | 'anonymous';

/** The requesting principal. */
export interface RequestPrincipal {
  readonly kind: PrincipalKind;
  /** The ARN (or service name, provider, or `*`) as given. */
  readonly arn: string;
  readonly partition: string;
  /** The principal's account; empty for services, providers and anonymous callers. */
  readonly account: string;
  /** The user, role or federated-user name, or the session's role name. */
  readonly name: string;
  /** For an assumed-role session: its name. */
  readonly sessionName: string;
  /** For an assumed-role session: the role's ARN (with its path when known). */
  readonly roleArn: string;
  /** False when the role's ARN was derived from a session ARN, which does not carry the role's path. */
  readonly rolePathKnown: boolean;
  /** True for service-linked roles and their sessions (role path `/aws-service-role/`). */
  readonly serviceLinked: boolean;
  readonly userId: string | undefined;
  readonly canonicalUserId: string | undefined;
}

/** Extra facts about the principal that its ARN cannot carry. */
export interface PrincipalExtras {
  readonly roleArn?: string | undefined;
  readonly userId?: string | undefined;
  readonly canonicalUserId?: string | undefined;
}

// Identity providers that appear as bare names in `Federated` principals.
const WEB_IDENTITY_PROVIDERS = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
]);

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isServiceLinkedPath(resource: string): boolean {
  return resource.startsWith('role/aws-service-role/');
}

/** Derives the request principal from its ARN. Unknown shapes are treated as services. */
export function derivePrincipal(arnText: string, extras: PrincipalExtras = {}): RequestPrincipal {
  const base = {
    arn: arnText,
    partition: 'aws',
    account: '',
    name: '',
    sessionName: '',
    roleArn: '',
    rolePathKnown: true,
    serviceLinked: false,
    userId: extras.userId,
    canonicalUserId: extras.canonicalUserId,
  };
  if (arnText === '*' || arnText === '') return { ...base, kind: 'anonymous' };
  if (/^\d{12}$/.test(arnText)) {
    return { ...base, kind: 'root', account: arnText, arn: `arn:aws:iam::${arnText}:root` };
  }
  const arn = parseArn(arnText);
  if (arn === undefined) {
    const lower = arnText.toLowerCase();
    return { ...base, kind: WEB_IDENTITY_PROVIDERS.has(lower) ? 'webIdentity' : 'service' };
  }
  const common = { ...base, partition: arn.partition, account: arn.account };
  const resource = arn.resource;
  if (arn.service === 'iam') {
    if (resource === 'root') return { ...common, kind: 'root' };
    if (resource.startsWith('user/')) return { ...common, kind: 'user', name: lastSegment(resource) };
    if (resource.startsWith('role/')) {
      return {
        ...common,
        kind: 'role',
        name: lastSegment(resource),
        roleArn: arnText,
        serviceLinked: isServiceLinkedPath(resource),
      };
    }
    if (resource.startsWith('saml-provider/') || resource.startsWith('oidc-provider/')) {
      return { ...common, kind: 'webIdentity' };
    }
  }
  if (arn.service === 'sts') {
    if (resource.startsWith('assumed-role/')) {
      const [, roleName = '', ...session] = resource.split('/');
      const roleArn = extras.roleArn ?? `arn:${arn.partition}:iam::${arn.account}:role/${roleName}`;
      const roleResource = parseArn(roleArn)?.resource ?? '';
      return {
        ...common,
        kind: 'assumedRole',
        name: roleName,
        sessionName: session.join('/'),
        roleArn,
        rolePathKnown: extras.roleArn !== undefined,
        serviceLinked: isServiceLinkedPath(roleResource),
      };
    }
    if (resource.startsWith('federated-user/')) {
      return { ...common, kind: 'federatedUser', name: resource.slice('federated-user/'.length) };
    }
  }
  return { ...common, kind: 'service' };
}

/** The ARN that `aws:PrincipalArn` reports: the role's ARN for a session, otherwise the principal's own. */
export function principalArnKey(principal: RequestPrincipal): string {
  return principal.kind === 'assumedRole' ? principal.roleArn : principal.arn;
}

/** `aws:PrincipalType`, as AWS reports it. */
export function principalTypeKey(principal: RequestPrincipal): string | undefined {
  switch (principal.kind) {
    case 'root':
      return 'Account';
    case 'user':
      return 'User';
    case 'role':
    case 'assumedRole':
      return 'AssumedRole';
    case 'federatedUser':
      return 'FederatedUser';
    case 'anonymous':
      return 'Anonymous';
    case 'service':
    case 'webIdentity':
      return undefined;
  }
}

/**
 * How a `Principal` element named the requester. The same-account rules depend on it: a resource policy that
 * names the user or the session itself (`exact`) grants more than one that names the session's role (`role`),
 * and one that names only the account (`account`) delegates to the account's identity policies.
 */
export type PrincipalMatch = 'exact' | 'role' | 'account' | 'wildcard' | 'service' | 'webIdentity';

/** A compiled `Principal` / `NotPrincipal` block. */
export interface PrincipalMatcher {
  /** How the block names the principal, or `undefined` when it does not. */
  match(principal: RequestPrincipal): PrincipalMatch | undefined;
  /**
   * For `NotPrincipal`: true when every identity in the principal's chain (the session, its role, its account)
   * is listed, so that the statement does not apply to it.
   */
  excludes(principal: RequestPrincipal): boolean;
}

interface PrincipalSets {
  any: boolean;
  accounts: Set<string>;
  /** `account|user/path/name`: principal ARNs compare case-sensitively. */
  users: Set<string>;
  /** `account|role/path/name`. */
  roles: Set<string>;
  /** `account|name`, for sessions whose role path is unknown. */
  roleNames: Set<string>;
  sessions: Set<string>;
  federatedUsers: Set<string>;
  services: Set<string>;
  providers: Set<string>;
  canonical: Set<string>;
  uniqueIds: Set<string>;
}

function addAwsEntry(sets: PrincipalSets, entry: string): void {
  if (entry === '*') {
    sets.any = true;
    return;
  }
  if (/^\d{12}$/.test(entry)) {
    sets.accounts.add(entry);
    return;
  }
  if (/^A[A-Z]{3}[A-Z0-9]{12,}$/.test(entry)) {
    sets.uniqueIds.add(entry);
    return;
  }
  const arn = parseArn(entry);
  if (arn === undefined) return;
  const r = arn.resource;
  if (arn.service === 'iam' && r === 'root') sets.accounts.add(arn.account);
  else if (arn.service === 'iam' && r.startsWith('user/')) sets.users.add(`${arn.account}|${r}`);
  else if (arn.service === 'iam' && r.startsWith('role/')) {
    sets.roles.add(`${arn.account}|${r}`);
    sets.roleNames.add(`${arn.account}|${lastSegment(r)}`);
  } else if (arn.service === 'sts' && r.startsWith('assumed-role/')) {
    const [, role = '', ...session] = r.split('/');
    sets.sessions.add(`${arn.account}|${role}|${session.join('/')}`);
  } else if (arn.service === 'sts' && r.startsWith('federated-user/')) {
    sets.federatedUsers.add(`${arn.account}|${r.slice('federated-user/'.length)}`);
  }
}

/** Compiles a `Principal` or `NotPrincipal` block. */
export function compilePrincipal(block: PrincipalBlock): PrincipalMatcher {
  const sets: PrincipalSets = {
    any: block.kind === 'any',
    accounts: new Set(),
    users: new Set(),
    roles: new Set(),
    roleNames: new Set(),
    sessions: new Set(),
    federatedUsers: new Set(),
    services: new Set(),
    providers: new Set(),
    canonical: new Set(),
    uniqueIds: new Set(),
  };
  if (block.kind === 'map') {
    for (const entry of block.aws) addAwsEntry(sets, entry);
    for (const entry of block.service) sets.services.add(entry.toLowerCase());
    for (const entry of block.federated) sets.providers.add(entry.toLowerCase());
    for (const entry of block.canonicalUser) sets.canonical.add(entry);
    // `"Service": "*"` and friends name every principal of that kind.
    if (block.service.includes('*')) sets.services.add('*');
    if (block.federated.includes('*')) sets.providers.add('*');
  }
  return {
    match: (principal) => matchPrincipal(sets, principal),
    excludes: (principal) => excludesPrincipal(sets, principal),
  };
}

/** Whether the block names the session's role. Paths count when the role's full ARN is known. */
function namesRole(sets: PrincipalSets, p: RequestPrincipal): boolean {
  if (!p.rolePathKnown) return sets.roleNames.has(`${p.account}|${p.name}`);
  const resource = parseArn(p.roleArn)?.resource ?? '';
  return sets.roles.has(`${p.account}|${resource}`);
}

function namesUniqueId(sets: PrincipalSets, p: RequestPrincipal): boolean {
  if (p.userId === undefined || sets.uniqueIds.size === 0) return false;
  const head = p.userId.split(':')[0]!;
  return sets.uniqueIds.has(head);
}

function namesItself(sets: PrincipalSets, p: RequestPrincipal): boolean {
  switch (p.kind) {
    case 'root':
      return sets.accounts.has(p.account);
    case 'user':
      return sets.users.has(`${p.account}|${parseArn(p.arn)?.resource ?? ''}`) || namesUniqueId(sets, p);
    case 'role':
      return false;
    case 'assumedRole':
      return sets.sessions.has(`${p.account}|${p.name}|${p.sessionName}`);
    case 'federatedUser':
      return sets.federatedUsers.has(`${p.account}|${p.name}`);
    case 'service':
      return sets.services.has(p.arn.toLowerCase()) || sets.services.has('*');
    case 'webIdentity':
      return sets.providers.has(p.arn.toLowerCase()) || sets.providers.has('*');
    case 'anonymous':
      return false;
  }
}

function matchPrincipal(sets: PrincipalSets, p: RequestPrincipal): PrincipalMatch | undefined {
  if (namesItself(sets, p)) {
    if (p.kind === 'service') return 'service';
    if (p.kind === 'webIdentity') return 'webIdentity';
    return 'exact';
  }
  if ((p.kind === 'assumedRole' || p.kind === 'role') && (namesRole(sets, p) || namesUniqueId(sets, p)))
    return 'role';
  if (p.account !== '' && sets.accounts.has(p.account)) return 'account';
  if (p.canonicalUserId !== undefined && sets.canonical.has(p.canonicalUserId)) return 'exact';
  if (sets.any) return 'wildcard';
  return undefined;
}

function excludesPrincipal(sets: PrincipalSets, p: RequestPrincipal): boolean {
  if (sets.any) return true;
  const accountListed = sets.accounts.has(p.account);
  switch (p.kind) {
    case 'root':
      return accountListed;
    case 'user':
    case 'federatedUser':
      return namesItself(sets, p) && accountListed;
    case 'assumedRole':
      return namesItself(sets, p) && namesRole(sets, p) && accountListed;
    case 'role':
      return namesRole(sets, p) && accountListed;
    case 'service':
    case 'webIdentity':
      return namesItself(sets, p);
    case 'anonymous':
      return false;
  }
}
