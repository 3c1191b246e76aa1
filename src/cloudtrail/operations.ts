import type { OperationTable } from '../operation/context.js';
import type { CLOUDTRAILOperations } from '../protocol/models/cloudtrail-types.js';
import { lookupEvents } from './lookup-events.js';

/** The CloudTrail operations iamd serves (over the JSON protocol, src/server/json-protocol.ts). */
export const CLOUDTRAIL_OPERATIONS: OperationTable<CLOUDTRAILOperations> = {
  LookupEvents: lookupEvents,
};
