import { timingSafeEqual } from 'node:crypto';
import type { AuthFailureListener } from '../auth/auth-failure.js';
import type { SecretBox } from '../auth/secret-box.js';
import { sessionTokenError, type SessionTokens } from '../auth/session-token.js';
import { verifySigV4 } from '../auth/sigv4.js';
import type { AuthThrottle } from '../auth/auth-throttle.js';
import { AwsError } from '../errors/aws-error.js';
import type { Store } from '../store/store.js';
import { tokenHash } from '../sts/session.js';
import type { Authenticate } from './app.js';
import { keyOwner, type KeyOwner } from './caller.js';

/** What authentication needs. */
export interface AuthenticationDeps {
  readonly store: Store;
  readonly partition: string;
  readonly secrets: SecretBox;
  readonly tokens: SessionTokens;
  readonly clock: () => Date;
  /** Counts signature failures per access key id and per source address, and locks them out (see throttle.ts). */
  readonly throttle?: AuthThrottle | undefined;
  /** Told of every failed signature, and of every request refused by a lockout. */
  readonly onAuthFailure?: AuthFailureListener | undefined;
}

/** The failures the throttle counts: a wrong signature, or a key that does not exist (or a token that does not fit). */
const COUNTED_FAILURES = new Set(['SignatureDoesNotMatch', 'InvalidClientTokenId']);

/**
 * AWS's throttling error, answered while a key or address is locked out. It is what AWS's APIs answer when a
 * caller sends too many requests (HTTP 400, "Rate exceeded"); the signature is not checked while locked.
 */
function rateExceeded(): AwsError {
  return new AwsError('Throttling', 'Rate exceeded');
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';
/**
 * Last-used data is written at most once a minute per key, to keep signed reads off the write path: the first use of
 * a key is always written, later uses when the stored one is a minute old or more (docs/architecture.md).
 */
const LAST_USED_INTERVAL_MS = 60_000;

/** SigV4 authentication, with a cache of who each access key belongs to. */
export interface Authenticator {
  readonly authenticate: Authenticate;
  /** Forgets every cached key: keys, users or sessions may have changed. */
  forget(): void;
}

const MAX_CACHED_KEYS = 10_000;

/** True when a use of the key at `now` must be written: never written, or last written a minute ago or more. */
function isDueForLastUsed(owner: KeyOwner, recorded: number | undefined, now: Date): boolean {
  const last = recorded ?? (owner.lastUsedAt == null ? undefined : Date.parse(owner.lastUsedAt));
  if (last === undefined) return true;
  const elapsed = now.getTime() - last;
  // A clock set back (or another node's later write) counts as due, so the stored date never stays in the future.
  return elapsed < 0 || elapsed >= LAST_USED_INTERVAL_MS;
}

/**
 * SigV4 authentication: verifies the signature with the key's secret (opened from its sealed form only for the
 * comparison), then, for temporary credentials, the session token: it must be the one minted with the key, and
 * unexpired.
 */
export function sigV4Authenticator(deps: AuthenticationDeps): Authenticator {
  // When each loaded owner's key was last written as used. Keyed by the owner object, which `forget` drops with the
  // cache: a reloaded owner starts from the stored date, so a reset or a new key is never taken for a recent use.
  const lastRecorded = new WeakMap<KeyOwner, number>();
  // Who each key belongs to, as loaded from the store (the secret stays sealed here). Cleared by `forget`.
  const owners = new Map<string, KeyOwner | undefined>();
  const signingKeys = new Map<string, Buffer>();
  const ownerOf = async (accessKeyId: string): Promise<KeyOwner | undefined> => {
    if (owners.has(accessKeyId)) return owners.get(accessKeyId);
    const loaded = await keyOwner(deps.store, deps.partition, accessKeyId);
    if (owners.size >= MAX_CACHED_KEYS) owners.clear();
    owners.set(accessKeyId, loaded);
    return loaded;
  };
  const authenticate: Authenticate = async (request, params) => {
    const now = deps.clock();
    let accessKeyId: string | undefined;
    const keyOf = () => (accessKeyId === undefined ? undefined : `key:${accessKeyId}`);
    try {
      const result = await verified(request, params, now, (id) => {
        accessKeyId = id;
        const check = deps.throttle?.check(keyOf(), request.sourceIp, now);
        if (check !== undefined && !check.allowed) throw rateExceeded();
      });
      if (accessKeyId !== undefined) deps.throttle?.success(`key:${accessKeyId}`);
      return result;
    } catch (error) {
      const code = error instanceof AwsError ? error.code : undefined;
      if (code === 'Throttling' || (code !== undefined && COUNTED_FAILURES.has(code))) {
        if (code !== 'Throttling') deps.throttle?.failure(keyOf(), request.sourceIp, now);
        deps.onAuthFailure?.({
          kind: 'signature',
          at: now,
          sourceIp: request.sourceIp,
          userAgent: request.headers['user-agent']?.[0],
          accessKeyId,
          errorCode: code,
          throttled: code === 'Throttling',
        });
      }
      throw error;
    }
  };
  const verified = async (
    request: Parameters<Authenticate>[0],
    _params: URLSearchParams,
    now: Date,
    beforeSecret: (accessKeyId: string) => void,
  ): ReturnType<Authenticate> => {
    let owner: KeyOwner | undefined;
    const verified = await verifySigV4(
      {
        method: request.method,
        path: request.path,
        query: request.query,
        headers: request.headers,
        body: request.body,
      },
      {
        now,
        signingKeys,
        secrets: async (accessKeyId) => {
          beforeSecret(accessKeyId);
          owner = await ownerOf(accessKeyId);
          if (owner === undefined) return undefined;
          // Opened only when no derived signing key is cached for this key and day.
          return new SealedSecret(deps.secrets, owner.secretCiphertext);
        },
      },
    );
    if (owner === undefined) throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
    if (owner.tokenHash !== undefined) {
      const token = verified.sessionToken;
      if (token === undefined) throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
      const check = deps.tokens.check(token, owner.caller.accessKeyId, now);
      if (check !== 'ok') throw sessionTokenError(check);
      // INVARIANT: the token is also the one stored with the session (a token minted for the key but not
      // issued, which cannot happen, would still be refused).
      const expected = Buffer.from(owner.tokenHash, 'hex');
      const actual = Buffer.from(tokenHash(token), 'hex');
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
        throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
      }
    }
    const keyId = owner.caller.accessKeyId;
    if (keyId.startsWith('AKIA') && isDueForLastUsed(owner, lastRecorded.get(owner), now)) {
      lastRecorded.set(owner, now.getTime());
      await deps.store.db
        .updateTable('access_keys')
        .set({
          last_used_at: now.toISOString(),
          last_used_service: verified.scope.service,
          last_used_region: verified.scope.region,
        })
        .where('id', '=', keyId)
        .execute();
    }
    return { caller: owner.caller, region: verified.scope.region };
  };
  return {
    authenticate,
    forget: () => {
      owners.clear();
      signingKeys.clear();
    },
  };
}

/**
 * A key's secret, opened from its sealed form when read. A class rather than an object literal with a getter,
 * which V8 builds on a slow path, and this is made on every signed request.
 */
class SealedSecret {
  constructor(
    private readonly box: SecretBox,
    private readonly sealed: string,
  ) {}

  get secretAccessKey(): string {
    return this.box.open(this.sealed);
  }
}
