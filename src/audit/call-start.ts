import { parseCredentialScope } from '../auth/sigv4.js';
import type { HttpRequest } from '../server/http.js';
import type { CallStart } from './audited-call.js';
import type { AuditedService } from './operation-kind.js';
import { SECRET_MEMBERS } from './redaction.js';

/**
 * What a request says about itself before it is authenticated: its action, the access key id and region its
 * credential scope claims (recorded for calls whose authentication fails), where it came from.
 */
export function callStart(
  request: HttpRequest,
  params: URLSearchParams,
  service: AuditedService,
  requestId: string,
  accountId: string,
): CallStart {
  let claimed: { accessKeyId: string; region: string } | undefined;
  try {
    claimed = parseCredentialScope(request);
  } catch {
    // Unsigned, or not parseably: authentication refuses it, and the event names no key.
  }
  const secrets: string[] = [];
  for (const [name, value] of params) {
    if (value !== '' && SECRET_MEMBERS.has(name.slice(name.lastIndexOf('.') + 1))) secrets.push(value);
  }
  return {
    secretValues: secrets,
    service,
    action: params.get('Action'),
    accountId,
    requestId,
    sourceIp: request.sourceIp,
    userAgent: request.headers['user-agent']?.[0],
    host: request.headers['host']?.[0],
    claimedAccessKeyId: claimed?.accessKeyId,
    claimedRegion: claimed?.region,
    tls: request.tls,
  };
}
