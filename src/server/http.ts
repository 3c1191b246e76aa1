/** An HTTP request as the app sees it: no sockets, so the app can be tested without a port. */
export interface HttpRequest {
  readonly method: string;
  /** The path, without the query string. */
  readonly path: string;
  /** The raw query string, without `?`. */
  readonly query: string;
  /** Header names lower-cased; every line of a repeated header kept apart, as SigV4 needs them. */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body: Buffer;
  readonly sourceIp: string;
  /** True when the request came over TLS. */
  readonly secure: boolean;
  /** Over TLS: the protocol version and cipher suite (CloudTrail's tlsDetails). */
  readonly tls?: { readonly version: string; readonly cipher: string } | undefined;
}

/** An HTTP response. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}
