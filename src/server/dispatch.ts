import { AwsError } from '../errors/aws-error.js';
import type { OperationContext } from '../operation/context.js';
import { STS_OPERATIONS } from '../sts/operations.js';
import type { StsContext } from '../sts/context.js';
import { IAM_OPERATIONS } from '../iam/operations.js';
import type { Service } from './error-response.js';
import type { HttpRequest } from './http.js';

/** The protocol codec as the app uses it (src/protocol). */
export interface ProtocolCodec {
  /** Which service a request is for: the SigV4 credential scope's service, else the action's. */
  serviceOf(request: HttpRequest, params: URLSearchParams): Service;
  decode(service: Service, params: URLSearchParams): { operation: string; input: unknown };
  encodeResult(service: Service, operation: string, output: unknown, requestId: string): string;
  encodeError(service: Service, error: AwsError, requestId: string): string;
}

/** An operation with its input and output erased, as the dispatcher calls it. */
type Handler = (ctx: StsContext & OperationContext, input: unknown) => Promise<unknown>;

const TABLES: Record<Service, Readonly<Record<string, unknown>>> = {
  iam: IAM_OPERATIONS,
  sts: STS_OPERATIONS,
};
const API_VERSION: Record<Service, string> = { iam: '2010-05-08', sts: '2011-06-15' };

/**
 * The implementation of an operation. An action the service model knows but iamd does not implement yet is
 * refused with InvalidAction, as AWS refuses unknown actions (docs/compatibility.md lists which).
 */
export function operationFor(service: Service, operation: string): Handler {
  const handler = TABLES[service][operation];
  if (typeof handler !== 'function') {
    throw new AwsError(
      'InvalidAction',
      `Could not find operation ${operation} for version ${API_VERSION[service]}`,
    );
  }
  // INVARIANT: the codec decoded `input` with this operation's input shape, so the erased types line up.
  return handler as Handler;
}

/** Whether iamd implements an operation (for docs/compatibility.md). */
export function implemented(service: Service, operation: string): boolean {
  return typeof TABLES[service][operation] === 'function';
}
