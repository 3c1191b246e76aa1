import type { IdGenerator } from '../auth/ids.js';
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
  /** Context keys the credentials carry (MFA, session tags, source identity, token issue time). */
  readonly context?: Readonly<Record<string, ContextInput>> | undefined;
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
  ): Promise<void>;
  /** Tells the authorizer that identities, policies or attachments changed, so cached policy sets are stale. */
  policiesChanged(): void;
}

/** One operation: decoded input in, output out (shaped as the service model's output structure). */
export type Operation<I, O> = (ctx: OperationContext, input: I) => Promise<O>;

/** A service's operations, keyed by operation name, typed from the generated model types. */
export type OperationTable<Ops extends { [K in keyof Ops]: { input: unknown; output: unknown } }> = {
  [K in keyof Ops]?: Operation<Ops[K]['input'], Ops[K]['output']>;
};
