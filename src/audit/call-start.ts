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
  // Only a failed call needs the claimed scope (a success knows its caller) and the secret values (to hide them in
  // an error message): both are read on first use, off the path of a successful call.
  let claimed: { accessKeyId: string; region: string } | undefined | null = null;
  const claim = () => {
    if (claimed !== null) return claimed;
    try {
      claimed = parseCredentialScope(request);
    } catch {
      claimed = undefined; // unsigned, or not parseably: authentication refuses it, and the event names no key
    }
    return claimed;
  };
  return {
    service,
    action: params.get('Action'),
    accountId,
    requestId,
    sourceIp: request.sourceIp,
    userAgent: request.headers['user-agent']?.[0],
    host: request.headers['host']?.[0],
    tls: request.tls,
    get claimedAccessKeyId() {
      return claim()?.accessKeyId;
    },
    get claimedRegion() {
      return claim()?.region;
    },
    get secretValues() {
      const secrets: string[] = [];
      for (const [name, value] of params) {
        if (value !== '' && SECRET_MEMBERS.has(name.slice(name.lastIndexOf('.') + 1))) secrets.push(value);
      }
      return secrets;
    },
  };
}
