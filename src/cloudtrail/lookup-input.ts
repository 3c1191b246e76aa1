import { AwsError } from '../errors/aws-error.js';
import type { LookupEventsInput } from '../protocol/models/cloudtrail-types.js';

/** LookupEvents' attribute keys (API_LookupAttribute: AttributeKey's valid values). */
export const ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;
export type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];

/** A LookupEvents request, checked: at most one attribute, a time range in order, a page size. */
export interface LookupQuery {
  readonly attribute?: { readonly key: AttributeKey; readonly value: string } | undefined;
  /** Inclusive bounds, ISO 8601 with milliseconds, as audit_events.event_time holds them. */
  readonly start?: string | undefined;
  readonly end?: string | undefined;
  /** `insight` asks for CloudTrail Insights events, which iamd never has. */
  readonly insights: boolean;
  readonly limit: number;
}

const MAX_RESULTS = 50;
const MAX_VALUE_LENGTH = 2000;

/**
 * Checks LookupEvents' input as the API reference states it: one lookup attribute at most, of a known key, with a
 * value of 1 to 2000 characters; StartTime not after EndTime; MaxResults 1 to 50 (default 50); EventCategory
 * `insight` only.
 */
export function lookupQueryOf(input: LookupEventsInput): LookupQuery {
  const attributes = input.LookupAttributes ?? [];
  if (attributes.length > 1) {
    throw new AwsError(
      'InvalidLookupAttributesException',
      'You cannot specify more than one lookup attribute.',
    );
  }
  let attribute: LookupQuery['attribute'];
  const first = attributes[0];
  if (first !== undefined) {
    const key = ATTRIBUTE_KEYS.find((k) => k === first.AttributeKey);
    if (key === undefined) {
      throw new AwsError(
        'InvalidLookupAttributesException',
        `${first.AttributeKey} is not a valid attribute key. Valid keys: ${ATTRIBUTE_KEYS.join(', ')}.`,
      );
    }
    if (first.AttributeValue.length < 1 || first.AttributeValue.length > MAX_VALUE_LENGTH) {
      throw new AwsError(
        'InvalidLookupAttributesException',
        `The attribute value must be between 1 and ${MAX_VALUE_LENGTH} characters long.`,
      );
    }
    if (key === 'ReadOnly' && first.AttributeValue !== 'true' && first.AttributeValue !== 'false') {
      throw new AwsError('InvalidLookupAttributesException', 'The value of ReadOnly must be true or false.');
    }
    attribute = { key, value: first.AttributeValue };
  }
  if (input.StartTime !== undefined && input.EndTime !== undefined && input.StartTime > input.EndTime) {
    throw new AwsError('InvalidTimeRangeException', 'The start time must not be after the end time.');
  }
  const limit = input.MaxResults ?? MAX_RESULTS;
  if (limit < 1 || limit > MAX_RESULTS) {
    throw new AwsError('InvalidMaxResultsException', `MaxResults must be between 1 and ${MAX_RESULTS}.`);
  }
  if (input.EventCategory !== undefined && input.EventCategory !== 'insight') {
    throw new AwsError(
      'InvalidEventCategoryException',
      `${input.EventCategory} is not a valid event category. The only valid category is insight.`,
    );
  }
  return {
    attribute,
    start: iso(input.StartTime),
    end: iso(input.EndTime),
    insights: input.EventCategory === 'insight',
    limit,
  };
}

/** A bound as event_time compares: ISO 8601 with milliseconds; out-of-range dates clamp to the ends of time. */
function iso(date: Date | undefined): string | undefined {
  if (date === undefined) return undefined;
  const ms = date.getTime();
  if (ms < 0) return '0000-00-00T00:00:00.000Z';
  if (ms > 253402300799999) return '9999-12-31T23:59:59.999Z';
  return date.toISOString();
}
