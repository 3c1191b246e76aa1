import type { Caller } from '../operation/context.js';
import type { UserIdentity } from './record.js';

/**
 * CloudTrail's userIdentity for an authenticated caller (the "CloudTrail userIdentity element" page): the identity
 * type, its unique id and ARN, the access key the request was signed with and, for temporary credentials,
 * `sessionContext` with the session's issuer and attributes (creation time and whether it was MFA-authenticated).
 */
export function userIdentityOf(caller: Caller): UserIdentity {
  // A caller is built once per credential and reused by its requests (src/server/caller.ts); so is its identity.
  let identity = identities.get(caller);
  if (identity === undefined) identities.set(caller, (identity = identityOf(caller)));
  return identity;
}

const identities = new WeakMap<Caller, UserIdentity>();

function identityOf(caller: Caller): UserIdentity {
  const base = { arn: caller.arn, accountId: caller.accountId, accessKeyId: caller.accessKeyId };
  const attributes = sessionAttributes(caller);
  const session = attributes === undefined ? {} : { sessionContext: { attributes } };
  switch (caller.kind) {
    case 'root':
      return { type: 'Root', principalId: caller.accountId, ...base, ...session };
    case 'user':
      return { type: 'IAMUser', principalId: caller.userId, ...base, userName: caller.userName, ...session };
    case 'assumedRole': {
      const roleArn = caller.roleArn ?? '';
      return {
        type: 'AssumedRole',
        principalId: caller.userId,
        ...base,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: caller.roleId ?? '',
            arn: roleArn,
            accountId: caller.accountId,
            userName: roleArn.slice(roleArn.lastIndexOf('/') + 1),
          },
          attributes: attributes ?? { creationDate: '', mfaAuthenticated: 'false' },
        },
      };
    }
    case 'federatedUser': {
      const issuer = caller.sessionIssuerArn ?? '';
      const isRoot = issuer.endsWith(':root');
      return {
        type: 'FederatedUser',
        principalId: caller.userId,
        ...base,
        sessionContext: {
          sessionIssuer: {
            type: isRoot ? 'Root' : 'IAMUser',
            principalId: isRoot ? caller.accountId : (caller.policyHolder?.id ?? ''),
            arn: issuer,
            accountId: caller.accountId,
            userName: isRoot ? caller.accountId : issuer.slice(issuer.lastIndexOf('/') + 1),
          },
          attributes: attributes ?? { creationDate: '', mfaAuthenticated: 'false' },
        },
      };
    }
  }
}

/**
 * The userIdentity of a request whose authentication failed: only what the request itself claimed, the access
 * key id of its credential scope. `Unknown` is CloudTrail's type for an identity it cannot establish.
 */
export function unauthenticatedIdentity(accessKeyId: string | undefined): UserIdentity {
  return accessKeyId === undefined ? { type: 'Unknown' } : { type: 'Unknown', accessKeyId };
}

/** The session attributes of temporary credentials, from the context keys the session carries. */
function sessionAttributes(
  caller: Caller,
): { creationDate: string; mfaAuthenticated: 'true' | 'false' } | undefined {
  if (!caller.accessKeyId.startsWith('ASIA')) return undefined;
  const issued = caller.context?.['aws:TokenIssueTime'];
  const mfa = caller.context?.['aws:MultiFactorAuthPresent'];
  return {
    creationDate: typeof issued === 'string' ? issued : '',
    mfaAuthenticated: mfa === 'true' || caller.mfaAuthenticatedAt !== undefined ? 'true' : 'false',
  };
}
