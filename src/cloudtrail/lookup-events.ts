import { usernameOf } from '../audit/lookup-values.js';
import { resourcesOf } from '../audit/resources.js';
import type { OperationContext } from '../operation/context.js';
import type { LookupEventsInput, LookupEventsOutput } from '../protocol/models/cloudtrail-types.js';
import { lookupQueryOf } from './lookup-input.js';
import { eventPage } from './lookup-query.js';
import { openToken, sealToken } from './next-token.js';

/**
 * CloudTrail LookupEvents over the caller's account's audit trail: at most one lookup attribute, a time range,
 * pages of up to 50 events newest first, and NextToken. Authorized as `cloudtrail:LookupEvents` on `*`, as
 * CloudTrail does (the action has no resource type). See docs/audit-queries.md.
 */
export async function lookupEvents(
  ctx: OperationContext,
  input: LookupEventsInput,
): Promise<LookupEventsOutput> {
  await ctx.authorize('cloudtrail:LookupEvents', '*');
  const query = lookupQueryOf(input);
  const after =
    input.NextToken === undefined ? undefined : openToken(ctx.secrets, ctx.accountId, query, input.NextToken);
  // iamd records management events only, so a lookup of Insights events finds none.
  if (query.insights) return { Events: [] };
  const rows = await eventPage(ctx.store, ctx.accountId, query, after, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    Events: page.map(({ parsed, event_time, record }) => {
      const accessKeyId = parsed.userIdentity.accessKeyId;
      const username = usernameOf(parsed);
      return {
        EventId: parsed.eventID,
        EventName: parsed.eventName,
        ReadOnly: parsed.readOnly ? 'true' : 'false',
        ...(accessKeyId === undefined || accessKeyId === '' ? {} : { AccessKeyId: accessKeyId }),
        EventTime: new Date(event_time),
        EventSource: parsed.eventSource,
        ...(username === undefined ? {} : { Username: username }),
        Resources: resourcesOf(parsed).map((r) => ({ ResourceType: r.type, ResourceName: r.name })),
        CloudTrailEvent: record,
      };
    }),
    ...(rows.length > query.limit && last !== undefined
      ? {
          NextToken: sealToken(ctx.secrets, ctx.accountId, query, {
            eventTime: last.event_time,
            seq: last.seq,
          }),
        }
      : {}),
  };
}
