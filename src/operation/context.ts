import type { IdGenerator } from '../auth/ids.js';
import type { PasswordAttempts } from '../auth/password-attempts.js';
import type { SecretBox } from '../auth/secret-box.js';
import type { ContextInput } from '../policy/index.js';
import type { Store } from '../store/store.js';
import type { ManagedPolicyCatalog } from './managed-policies.js';

/** Who made a request, as authentication established it. */
export interface Caller {
  /** The ARN that GetCallerIdentity reports (for a session: the assumed-role ARN). */
  readonly arn: string;
  readonly accountId: string;
  /** GetCallerIdentity's UserId: AIDA… for a user, the account id for root, `AROA…:session` for a session. */
  readonly userId: string;
  readonly kind: 'root' | 'user' | 'assumedRole' | 'federatedUser';
  /** The access key the request was signed with. */
  readonly accessKeyId: string;
  /** The IAM user's name, for user callers. */
  readonly userName?: string | undefined;
  /** For temporary credentials: the role's ARN (with path) and id, for assumed-role sessions. */
  readonly roleArn?: string | undefined;
  readonly roleId?: string | undefined;
  /** For temporary credentials: when they expire. */
  readonly expiresAt?: Date | undefined;
  /**
   * When the caller last authenticated with an MFA code (sessions minted with SerialNumber and TokenCode, console
   * sessions signed in with MFA). The authorizer derives `aws:MultiFactorAuthAge` from it on every request, since the
   * age grows while the credentials stay the same.
   */
  readonly mfaAuthenticatedAt?: Date | undefined;
  /**
   * For console sessions: the SHA-256 (hex) of the session id, so that a password change made in the session ends
   * the principal's other sessions but not this one.
   */
  readonly consoleSession?: string | undefined;
  /** Context keys the credentials carry (MFA, source identity, token issue time). */
  readonly context?: Readonly<Record<string, ContextInput>> | undefined;
  /** The IAM user or role whose policies apply to the caller; absent for the root user. */
  readonly policyHolder?: { readonly type: 'user' | 'role'; readonly id: string } | undefined;
  /** For temporary credentials created with session policies: the policy documents (JSON text). */
  readonly sessionPolicies?: readonly string[] | undefined;
  /** For temporary credentials: the session tags, which override the holder's tags of the same key. */
  readonly sessionTags?: Readonly<Record<string, string>> | undefined;
  /** For federated-user sessions: the ARN of the user (or root) that called GetFederationToken. */
  readonly sessionIssuerArn?: string | undefined;
  /** For temporary credentials: the session tag keys that pass on to chained role sessions. */
  readonly transitiveTagKeys?: readonly string[] | undefined;
}

/**
 * Everything an operation may use. Operations are plain async functions over this context and their decoded
 * input; they know nothing of HTTP. They throw `AwsError` for every failure.
 */
export interface OperationContext {
  readonly store: Store;
  /** The account the request operates in: the caller's. */
  readonly accountId: string;
  readonly partition: string;
  /** The region from the request's credential scope. */
  readonly region: string;
  readonly caller: Caller;
  /** The request's clock. Operations never read the system clock themselves. */
  readonly now: Date;
  readonly requestId: string;
  readonly secrets: SecretBox;
  readonly ids: IdGenerator;
  readonly managedPolicies: ManagedPolicyCatalog;
  /**
   * Asks the policy engine whether the caller may perform `action` on `resource` (with extra request context
   * keys), and throws AWS's AccessDenied when not.
   */
  authorize(
    action: string,
    resource: string,
    context?: Readonly<Record<string, ContextInput>>,
    options?: AuthorizeOptions,
  ): Promise<void>;
  /** Tells the authorizer that identities, policies or attachments changed, so cached policy sets are stale. */
  policiesChanged(): void;
  /** Counts wrong old passwords (ChangePassword) against the sign-in lockout; absent where nothing counts them. */
  passwordAttempts?(): PasswordAttempts | undefined;
}

/** What else takes part in an authorization besides the caller's own policies. */
export interface AuthorizeOptions {
  /** The resource-based policy that applies (for sts:AssumeRole, the role's trust policy), as JSON text. */
  readonly resourcePolicy?: string | undefined;
  /** The account that owns the resource, when it is not the caller's. */
  readonly resourceAccount?: string | undefined;
}

/** One operation: decoded input in, output out (shaped as the service model's output structure). */
export type Operation<I, O> = (ctx: OperationContext, input: I) => Promise<O>;

/** A service's operations, keyed by operation name, typed from the generated model types. */
export type OperationTable<Ops extends { [K in keyof Ops]: { input: unknown; output: unknown } }> = {
  [K in keyof Ops]?: Operation<Ops[K]['input'], Ops[K]['output']>;
};
