import { parseCredentialScope } from '../auth/sigv4.js';
import { decodeQuery, encodeError, encodeResult } from '../protocol/index.js';
import { SERVICE_MODELS } from '../protocol/model.js';
import type { ProtocolCodec } from './dispatch.js';
import type { Service } from './error-response.js';

const SERVICES: readonly Service[] = ['iam', 'sts'];

/**
 * Routes by the SigV4 credential scope's service name, so one port serves every service. A request that is not
 * signed (or not parseably) goes by its action: an STS action goes to STS, anything else to IAM, where
 * authentication then refuses it with AWS's error.
 */
function serviceOf(request: Parameters<ProtocolCodec['serviceOf']>[0], params: URLSearchParams): Service {
  try {
    const scope = parseCredentialScope({ ...request, body: request.body });
    if ((SERVICES as readonly string[]).includes(scope.service)) return scope.service as Service;
  } catch {
    // Not signed, or not parseably: decided by the action below.
  }
  const action = params.get('Action') ?? '';
  return SERVICE_MODELS.sts.operation(action) !== undefined &&
    SERVICE_MODELS.iam.operation(action) === undefined
    ? 'sts'
    : 'iam';
}

/** The protocol codec of src/protocol, as the app uses it. */
export const QUERY_CODEC: ProtocolCodec = {
  serviceOf,
  decode: (service, params) => decodeQuery(service, params),
  encodeResult,
  encodeError,
};
