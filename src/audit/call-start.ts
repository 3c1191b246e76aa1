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
  return new RequestStart(request, params, service, requestId, accountId);
}

/**
 * Only a failed call needs the claimed scope (a success knows its caller) and the secret values (to hide them in an
 * error message): both are read on first use, off the path of a successful call. The getters live on the class, so
 * that reading any member is a plain property access.
 */
class RequestStart implements CallStart {
  readonly action: string | null;
  readonly sourceIp: string;
  readonly userAgent: string | undefined;
  readonly host: string | undefined;
  readonly tls: CallStart['tls'];
  #claimed: { accessKeyId: string; region: string } | undefined | null = null;

  constructor(
    private readonly request: HttpRequest,
    private readonly params: URLSearchParams,
    readonly service: AuditedService,
    readonly requestId: string,
    readonly accountId: string,
  ) {
    this.action = params.get('Action');
    this.sourceIp = request.sourceIp;
    this.userAgent = request.headers['user-agent']?.[0];
    this.host = request.headers['host']?.[0];
    this.tls = request.tls;
  }

  get claimedAccessKeyId(): string | undefined {
    return this.#claim()?.accessKeyId;
  }

  get claimedRegion(): string | undefined {
    return this.#claim()?.region;
  }

  get secretValues(): readonly string[] {
    const secrets: string[] = [];
    for (const [name, value] of this.params) {
      if (value !== '' && SECRET_MEMBERS.has(name.slice(name.lastIndexOf('.') + 1))) secrets.push(value);
    }
    return secrets;
  }

  #claim(): { accessKeyId: string; region: string } | undefined {
    if (this.#claimed !== null) return this.#claimed;
    try {
      this.#claimed = parseCredentialScope(this.request);
    } catch {
      this.#claimed = undefined; // unsigned, or not parseably: authentication refuses it, and the event names no key
    }
    return this.#claimed;
  }
}
