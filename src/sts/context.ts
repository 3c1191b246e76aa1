import type { OperationContext } from '../operation/context.js';

/** Mints the session token of temporary credentials (src/auth/session-token.ts, keyed by the master key). */
export interface SessionTokenMinter {
  mint(accessKeyId: string, expiresAt: Date): string;
}

/** What STS operations need beyond the common context: a way to mint session tokens. */
export interface StsContext extends OperationContext {
  readonly tokens: SessionTokenMinter;
}
