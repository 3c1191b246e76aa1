import type { AwsError } from '../errors/aws-error.js';
import type { ServiceModel } from './model.js';
import { xmlText } from './xml-text.js';

/**
 * AWS's Query error envelope:
 * `<ErrorResponse xmlns="…"><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>`.
 * The HTTP status that goes with it is `error.status`.
 */
export function encodeErrorDocument(model: ServiceModel, error: AwsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${xmlText(model.xmlNamespace)}">` +
    `<Error><Type>${error.type}</Type><Code>${xmlText(error.code)}</Code>` +
    // AWS sends some errors without a message (recorded: ReportNotPresent); those have no Message element.
    (error.message === '' ? '' : `<Message>${xmlText(error.message)}</Message>`) +
    `</Error>` +
    `<RequestId>${xmlText(requestId)}</RequestId>` +
    `</ErrorResponse>`
  );
}
