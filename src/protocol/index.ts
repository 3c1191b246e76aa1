import type { AwsError } from '../errors/aws-error.js';
import { ConstraintChecker } from './constraint-check.js';
import { SERVICE_CONSTRAINTS } from './constraints.js';
import { encodeErrorDocument } from './error-encode.js';
import { SERVICE_MODELS, type Service } from './model.js';
import { type DecodedQuery, QueryDecoder } from './query-decode.js';
import { URL_ENCODED_OUTPUT_MEMBERS } from './url-encoded-documents.js';
import { XmlEncoder } from './xml-encode.js';

/**
 * The Query/XML codec of IAM and STS: one decoder and one encoder per service, both driven by the service
 * model, serve every operation. The server calls these three functions and nothing else.
 */

export type { Service } from './model.js';
export type { DecodedQuery } from './query-decode.js';

const DECODERS: Readonly<Record<Service, QueryDecoder>> = {
  iam: new QueryDecoder(SERVICE_MODELS.iam, new ConstraintChecker(SERVICE_CONSTRAINTS.iam)),
  sts: new QueryDecoder(SERVICE_MODELS.sts, new ConstraintChecker(SERVICE_CONSTRAINTS.sts)),
};

const ENCODERS: Readonly<Record<Service, XmlEncoder>> = {
  iam: new XmlEncoder(SERVICE_MODELS.iam, URL_ENCODED_OUTPUT_MEMBERS.iam),
  sts: new XmlEncoder(SERVICE_MODELS.sts, URL_ENCODED_OUTPUT_MEMBERS.sts),
};

/**
 * Decodes a Query request body (`application/x-www-form-urlencoded`, or parameters already parsed from a GET
 * query string) into the operation it names and that operation's input, keyed by model member names.
 * Throws AwsError only: MissingAction, InvalidAction, or one ValidationError listing every violation.
 */
export function decodeQuery(service: Service, body: string | URLSearchParams): DecodedQuery {
  return DECODERS[service].decode(body);
}

/**
 * The XML response body for a successful call: `<XResponse>` with `<XResult>` (when the operation has an
 * output) and the request id. IAM's policy documents are URL-encoded here, so operations return plain JSON.
 */
export function encodeResult(
  service: Service,
  operation: string,
  output: unknown,
  requestId: string,
): string {
  return ENCODERS[service].encodeResult(operation, output, requestId);
}

/** The XML error body for an AwsError; send it with HTTP status `error.status` and content type text/xml. */
export function encodeError(service: Service, error: AwsError, requestId: string): string {
  return encodeErrorDocument(SERVICE_MODELS[service], error, requestId);
}
