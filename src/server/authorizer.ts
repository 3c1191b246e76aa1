import {
  compilePolicyOrThrow,
  createPolicySet,
  createRequest,
  evaluate,
  PreparedPrincipal,
  type CompiledPolicy,
  type ContextInput,
  type Decision,
  type PolicySet,
  type PolicySetInput,
} from '../policy/index.js';
import type { AuthorizeOptions, Caller } from '../operation/context.js';
import type { Store } from '../store/store.js';
import { accessDenied } from './access-denied.js';

/** A policy document with the name it is explained by. */
export interface NamedDocument {
  readonly name: string;
  readonly document: string;
}

/** Everything that applies to a caller, loaded from the store. */
export interface CallerPolicies {
  readonly identity: readonly NamedDocument[];
  readonly boundary?: NamedDocument | undefined;
  /** Session policies; absent when the credentials carry none. */
  readonly session?: readonly NamedDocument[] | undefined;
  /** Principal tags (the user's or role's, with session tags on top). */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Loads the policies that apply to a caller, through `store` when given (a request's transaction view) or else
 * through the store the source was built on.
 */
export type CallerPolicySource = (caller: Caller, store?: Store) => Promise<CallerPolicies>;

/** The facts about the request itself that become global condition keys. */
export interface RequestFacts {
  readonly now: Date;
  readonly sourceIp: string;
  readonly secureTransport: boolean;
  readonly region: string;
  readonly userAgent?: string | undefined;
  /**
   * The store view of the request's transaction, for a request that runs in one (src/audit/audited-call.ts):
   * policies not yet cached are then loaded through it, and not cached, since the transaction may roll back.
   */
  readonly store?: Store | undefined;
}

interface Prepared {
  readonly input: PolicySetInput;
  readonly set: PolicySet;
  readonly principal: PreparedPrincipal;
}

const MAX_CACHED_CALLERS = 10_000;

/**
 * Authorizes every API call with the policy engine. Each caller's policies are loaded and compiled once and
 * cached by access key; any change to identities or policies clears the cache (`invalidate`).
 */
export class Authorizer {
  private readonly cache = new Map<string, Promise<Prepared>>();
  private readonly trustPolicies = new Map<string, CompiledPolicy>();

  constructor(private readonly source: CallerPolicySource) {}

  /** Forgets every cached policy set: identities, attachments or policies changed. */
  invalidate(): void {
    this.cache.clear();
  }

  /** Evaluates a request; returns the decision (for explanations and tests). */
  async decide(
    caller: Caller,
    action: string,
    resource: string,
    facts: RequestFacts,
    extra: Readonly<Record<string, ContextInput>> = {},
    options: AuthorizeOptions = {},
  ): Promise<Decision> {
    const prepared = await this.prepared(caller, facts.store);
    let set = prepared.set;
    if (options.resourcePolicy !== undefined) {
      set = createPolicySet({ ...prepared.input, resource: this.trustPolicy(options.resourcePolicy) });
    }
    const request = createRequest({
      principal: prepared.principal,
      action,
      resource,
      resourceAccount: options.resourceAccount,
      now: facts.now,
      context: {
        'aws:SourceIp': facts.sourceIp,
        'aws:SecureTransport': facts.secureTransport ? 'true' : 'false',
        'aws:RequestedRegion': facts.region,
        ...(facts.userAgent !== undefined ? { 'aws:UserAgent': facts.userAgent } : {}),
        ...caller.context,
        ...(caller.mfaAuthenticatedAt !== undefined
          ? {
              'aws:MultiFactorAuthAge': String(
                Math.max(0, Math.floor((facts.now.getTime() - caller.mfaAuthenticatedAt.getTime()) / 1000)),
              ),
            }
          : {}),
        ...extra,
      },
    });
    return evaluate(set, request);
  }

  /** Throws AWS's AccessDenied unless the caller may perform the action. */
  async authorize(
    caller: Caller,
    action: string,
    resource: string,
    facts: RequestFacts,
    extra?: Readonly<Record<string, ContextInput>>,
    options?: AuthorizeOptions,
  ): Promise<void> {
    const decision = await this.decide(caller, action, resource, facts, extra, options);
    if (decision.decision !== 'allowed') throw accessDenied(caller.arn, action, resource, decision);
  }

  private prepared(caller: Caller, store: Store | undefined): Promise<Prepared> {
    const key = `${caller.accessKeyId}|${caller.arn}`;
    let entry = this.cache.get(key);
    if (entry === undefined && store !== undefined) return this.load(caller, store);
    if (entry === undefined) {
      if (this.cache.size >= MAX_CACHED_CALLERS) this.cache.clear();
      entry = this.load(caller);
      this.cache.set(key, entry);
      // A failed load must not stay cached.
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }

  private async load(caller: Caller, store?: Store): Promise<Prepared> {
    const policies = await this.source(caller, store);
    const compile = (d: NamedDocument) => compilePolicyOrThrow(d.document, d.name);
    const input: PolicySetInput = {
      identity: policies.identity.map(compile),
      boundary: policies.boundary && compile(policies.boundary),
      session: policies.session?.map(compile),
    };
    const principal = new PreparedPrincipal({
      arn: caller.arn,
      tags: policies.tags,
      userId: caller.userId,
      roleArn: caller.roleArn,
    });
    return { input, set: createPolicySet(input), principal };
  }

  private trustPolicy(document: string): CompiledPolicy {
    let compiled = this.trustPolicies.get(document);
    if (compiled === undefined) {
      if (this.trustPolicies.size >= 1000) this.trustPolicies.clear();
      compiled = compilePolicyOrThrow(document, 'resource-policy');
      this.trustPolicies.set(document, compiled);
    }
    return compiled;
  }
}
