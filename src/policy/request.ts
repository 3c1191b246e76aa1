import { parseArn } from './arn.js';
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
  readonly principal: string | PrincipalInput;
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

/** The context keys AWS derives from the principal, and from the clock when one is given. */
function derivedKeys(principal: RequestPrincipal, input: PrincipalInput, now: RequestInput['now']) {
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
  if (now !== undefined) {
    const ms = typeof now === 'number' ? now : now.getTime();
    keys['aws:CurrentTime'] = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    keys['aws:EpochTime'] = String(Math.floor(ms / 1000));
  }
  return keys;
}

/** Builds an evaluable request. Keys given in `context` win over derived ones. */
export function createRequest(input: RequestInput): AuthorizationRequest {
  const principalInput: PrincipalInput =
    typeof input.principal === 'string' ? { arn: input.principal } : input.principal;
  const principal = derivePrincipal(principalInput.arn, principalInput);
  const resource = input.resource ?? '*';
  const context = RequestContext.from(input.context).withDefaults(
    derivedKeys(principal, principalInput, input.now),
  );
  const resourceAccount = input.resourceAccount || parseArn(resource)?.account || principal.account;
  return { principal, action: input.action, resource, resourceAccount, context };
}
