import cloudtrailJson from './models/cloudtrail.json' with { type: 'json' };
import { type RawModel, ServiceModel } from './model.js';

/** The services iamd speaks over AWS's JSON 1.1 protocol. */
export type JsonService = 'cloudtrail';

/** A JSON-protocol service: its model and the `X-Amz-Target` prefix its operations are named under. */
export interface JsonServiceModel {
  readonly service: JsonService;
  readonly model: ServiceModel;
  /** `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`: a target is `<prefix>.<Operation>`. */
  readonly targetPrefix: string;
  /** `application/x-amz-json-1.1`. */
  readonly contentType: string;
}

interface JsonRawModel extends RawModel {
  readonly metadata: RawModel['metadata'] & { readonly targetPrefix: string; readonly jsonVersion: string };
}

function jsonService(service: JsonService, raw: JsonRawModel): JsonServiceModel {
  return {
    service,
    model: new ServiceModel(raw),
    targetPrefix: raw.metadata.targetPrefix,
    contentType: `application/x-amz-json-${raw.metadata.jsonVersion}`,
  };
}

/** CloudTrail, pruned to the operations iamd serves (scripts/generate-models.mjs). */
export const JSON_SERVICES: Readonly<Record<JsonService, JsonServiceModel>> = {
  cloudtrail: jsonService('cloudtrail', cloudtrailJson as JsonRawModel),
};

/**
 * The service and operation an `X-Amz-Target` header names, or undefined when no JSON service has that prefix.
 * Clients write the prefix two ways, and AWS takes both: the model's full `targetPrefix` (aws-sdk v2, the AWS CLI)
 * or only its last segment, the Smithy service name (`CloudTrail_20131101.LookupEvents`, SDK v3).
 * The operation may still be unknown to the model: the caller answers UnknownOperationException then.
 */
export function jsonTarget(target: string): { service: JsonServiceModel; operation: string } | undefined {
  const dot = target.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const prefix = target.slice(0, dot);
  const service = Object.values(JSON_SERVICES).find(
    (s) => s.targetPrefix === prefix || s.targetPrefix.endsWith(`.${prefix}`),
  );
  return service === undefined ? undefined : { service, operation: target.slice(dot + 1) };
}
