import type { OperationContext } from '../operation/context.js';
import type { LookupEventsInput, LookupEventsOutput } from '../protocol/models/cloudtrail-types.js';
import { lookupQueryOf } from './lookup-input.js';
import { eventPage, resourcesOf } from './lookup-query.js';
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
  const resources = await resourcesOf(
    ctx.store,
    page.map((row) => row.seq),
  );
  const last = page.at(-1);
  return {
    Events: page.map((row) => ({
      EventId: row.event_id,
      EventName: row.event_name,
      ReadOnly: row.read_only === 1 ? 'true' : 'false',
      ...(row.access_key_id === null ? {} : { AccessKeyId: row.access_key_id }),
      EventTime: new Date(row.event_time),
      EventSource: row.event_source,
      ...(row.username === null ? {} : { Username: row.username }),
      Resources: resources.get(row.seq) ?? [],
      CloudTrailEvent: row.record,
    })),
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
