import { loadPrincipalPolicies } from '../iam/principal-policies.js';
import type { ManagedPolicyCatalog } from '../operation/managed-policies.js';
import type { Store } from '../store/store.js';
import type { CallerPolicies, CallerPolicySource } from './authorizer.js';
import { passwordChangeGrant } from './password-change-grant.js';

/**
 * The policies that apply to a caller: the root user has none (the engine allows it in its own account); a
 * user or a role session has its holder's identity policies, boundary and tags, with session policies and
 * session tags on top. IAM users also get what the account password policy grants (AllowUsersToChangePassword).
 */
export function storePolicySource(store: Store, catalog: ManagedPolicyCatalog): CallerPolicySource {
  return async (caller): Promise<CallerPolicies> => {
    const sessionPolicies = caller.sessionPolicies?.map((document, i) => ({
      name: `session-policy-${i + 1}`,
      document,
    }));
    if (caller.policyHolder === undefined)
      return { identity: [], tags: { ...caller.sessionTags }, session: sessionPolicies };
    const loaded = await loadPrincipalPolicies(store, catalog, caller.accountId, caller.policyHolder);
    const grant = await passwordChangeGrant(store, caller);
    return {
      identity: [
        ...loaded.identity.map((p) => ({ name: p.label, document: p.document })),
        ...(grant === undefined ? [] : [grant]),
      ],
      boundary: loaded.boundary && { name: loaded.boundary.label, document: loaded.boundary.document },
      session: sessionPolicies,
      tags: { ...loaded.tags, ...caller.sessionTags },
    };
  };
}
