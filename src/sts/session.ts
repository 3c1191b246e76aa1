import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { StsContext } from './context.js';

/** Who a set of temporary credentials acts as; stored as JSON with the session. */
export type SessionPrincipal =
  | {
      readonly kind: 'assumedRole';
      readonly roleId: string;
      readonly roleArn: string;
      readonly roleName: string;
      readonly sessionName: string;
      readonly sourceIdentity?: string | undefined;
      readonly tags: Readonly<Record<string, string>>;
      readonly transitiveTagKeys: readonly string[];
      readonly mfa: boolean;
      /** When the MFA code behind the session was entered (ISO 8601); carried along role chains. */
      readonly mfaAuthenticatedAt?: string | undefined;
    }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly userName: string;
      readonly userArn: string;
      readonly mfa: boolean;
      readonly mfaAuthenticatedAt?: string | undefined;
    }
  | { readonly kind: 'root'; readonly mfa: boolean; readonly mfaAuthenticatedAt?: string | undefined }
  | {
      readonly kind: 'federatedUser';
      readonly name: string;
      readonly parentUserId: string | undefined;
      readonly parentArn: string;
    };

/** Temporary credentials as STS returns them. */
export interface Credentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: Date;
}

/** SHA-256 of a session token, hex: what the store keeps instead of the token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Mints temporary credentials (ASIA…) that act as `principal`, limited by the session policies, and stores the
 * session: the secret sealed under the master key, the token only as a hash.
 */
export async function issueCredentials(
  ctx: StsContext,
  tx: Transaction<Database>,
  principal: SessionPrincipal,
  durationSeconds: number,
  sessionPolicies: readonly string[] | undefined,
  accountId: string = ctx.accountId,
): Promise<Credentials> {
  const accessKeyId = ctx.ids.accessKeyId('ASIA');
  const secretAccessKey = ctx.ids.secretAccessKey();
  // AWS reports expirations to the second.
  const expiration = new Date(Math.floor(ctx.now.getTime() / 1000) * 1000 + durationSeconds * 1000);
  const sessionToken = ctx.tokens.mint(accessKeyId, expiration);
  await tx
    .insertInto('sessions')
    .values({
      access_key_id: accessKeyId,
      account_id: accountId,
      secret_ciphertext: ctx.secrets.seal(secretAccessKey),
      token_hash: tokenHash(sessionToken),
      expires_at: expiration.toISOString(),
      created_at: ctx.now.toISOString(),
      principal: JSON.stringify(principal),
      policies: sessionPolicies === undefined ? null : JSON.stringify(sessionPolicies),
    })
    .execute();
  return {
    AccessKeyId: accessKeyId,
    SecretAccessKey: secretAccessKey,
    SessionToken: sessionToken,
    Expiration: expiration,
  };
}
