import type { STSOperations } from '../protocol/models/sts-types.js';
import { assumeRole } from './assume-role.js';
import type { StsContext } from './context.js';
import { getAccessKeyInfo } from './get-access-key-info.js';
import { getCallerIdentity } from './get-caller-identity.js';
import { getFederationToken } from './get-federation-token.js';
import { getSessionToken } from './get-session-token.js';

/** The STS operations iamd implements, by name. */
export const STS_OPERATIONS: {
  [K in keyof STSOperations]?: (
    ctx: StsContext,
    input: STSOperations[K]['input'],
  ) => Promise<STSOperations[K]['output']>;
} = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
  GetSessionToken: getSessionToken,
  GetFederationToken: getFederationToken,
  GetAccessKeyInfo: getAccessKeyInfo,
};
