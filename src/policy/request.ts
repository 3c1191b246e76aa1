import { parseArn } from './arn.js';
import { intern } from './intern.js';
import { RequestContext, type ContextInput } from './context.js';
import { derivePrincipal, principalArnKey, principalTypeKey, type RequestPrincipal } from './principal.js';

/** Who makes a request, as a caller describes it. */
export interface PrincipalInput {
  /** The principal's ARN: a user, role, assumed-role session, federated user, the account root, or `*`. */
  readonly arn: string;
  /** The principal's tags, which become `aws:PrincipalTag/…`. */
  readonly tags?: Readonly<Record<string, string>> | undefined;
  /** The principal's unique id, which becomes `aws:userid`. */
  readonly userId?: string | undefined;
  /** For an assumed-role session: the full ARN of its role, with the role's path. */
  readonly roleArn?: string | undefined;
  readonly canonicalUserId?: string | undefined;
}

/** A request as a caller describes it. */
export interface RequestInput {
  /** The principal: its ARN, a description, or one prepared once for many requests. */
  readonly principal: string | PrincipalInput | PreparedPrincipal;
  readonly action: string;
  /** The resource ARN; `*` when the action takes no resource. */
  readonly resource?: string | undefined;
  /** The account that owns the resource; by default the resource ARN's account, else the principal's. */
  readonly resourceAccount?: string | undefined;
  readonly context?: Readonly<Record<string, ContextInput>> | undefined;
  /**
   * The clock. When given, `aws:CurrentTime` and `aws:EpochTime` are set from it unless the context has them.
   * The engine never reads the system clock itself.
   */
  readonly now?: Date | number | undefined;
}

/** A request ready for evaluation: the principal derived, the context complete. */
export interface AuthorizationRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  readonly context: RequestContext;
}

/**
 * A principal with the context keys AWS derives from it, prepared once and shared by all of its requests.
 */
export class PreparedPrincipal {
  readonly principal: RequestPrincipal;
  readonly context: RequestContext;

  constructor(input: string | PrincipalInput) {
    const principalInput: PrincipalInput = typeof input === 'string' ? { arn: input } : input;
    this.principal = derivePrincipal(principalInput.arn, principalInput);
    this.context = RequestContext.from(principalKeys(this.principal, principalInput));
  }
}

/** The context keys AWS derives from the principal. */
function principalKeys(principal: RequestPrincipal, input: PrincipalInput): Record<string, ContextInput> {
  const keys: Record<string, ContextInput> = {};
  if (principal.kind !== 'anonymous' && principal.kind !== 'service' && principal.kind !== 'webIdentity') {
    keys['aws:PrincipalArn'] = principalArnKey(principal);
    keys['aws:PrincipalAccount'] = principal.account;
    keys['aws:PrincipalIsAWSService'] = 'false';
  }
  const type = principalTypeKey(principal);
  if (type !== undefined) keys['aws:PrincipalType'] = type;
  if (principal.kind === 'user') keys['aws:username'] = principal.name;
  if (principal.kind === 'service') {
    keys['aws:PrincipalServiceName'] = principal.arn;
    keys['aws:PrincipalIsAWSService'] = 'true';
  }
  if (input.userId !== undefined) keys['aws:userid'] = input.userId;
  else if (principal.kind === 'root') keys['aws:userid'] = principal.account;
  for (const [tag, value] of Object.entries(input.tags ?? {})) keys[`aws:PrincipalTag/${tag}`] = value;
  return keys;
}

/** The keys the clock gives (`aws:CurrentTime`, `aws:EpochTime`), set where the caller's context has none. */
function clockKeys(now: RequestInput['now']): Record<string, ContextInput> | undefined {
  if (now === undefined) return undefined;
  const ms = typeof now === 'number' ? now : now.getTime();
  // A clock outside the range of a Date cannot be written as a time: the request then has no clock keys,
  // exactly as when no clock is given.
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  return {
    'aws:currenttime': `${new Date(ms).toISOString().slice(0, 19)}Z`,
    'aws:epochtime': String(Math.floor(ms / 1000)),
  };
}

/** Builds an evaluable request. Keys given in `context` win over derived ones. */
export function createRequest(input: RequestInput): AuthorizationRequest {
  const prepared =
    input.principal instanceof PreparedPrincipal ? input.principal : new PreparedPrincipal(input.principal);
  const { principal } = prepared;
  const resource = input.resource ?? '*';
  const context = RequestContext.from(input.context, prepared.context, clockKeys(input.now));
  // A resource ARN without a 12-digit account (S3 buckets, AWS managed policies' `aws`) belongs to no other
  // account: the request is judged as within the principal's own.
  const arnAccount = parseArn(resource)?.account;
  const resourceAccount =
    input.resourceAccount ||
    (arnAccount !== undefined && /^\d{12}$/.test(arnAccount) ? arnAccount : principal.account);
  return { principal, action: intern(input.action), resource, resourceAccount, context };
}
