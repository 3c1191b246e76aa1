import type { CloudTrailRecord } from '../../../src/audit/record.js';
import type { RunningServer } from '../../../src/server/start.js';

/** Every event the server has recorded so far, oldest first (buffered events are flushed first). */
export async function recordsOf(server: RunningServer): Promise<CloudTrailRecord[]> {
  await server.audit!.flush();
  const rows = await server.store.db.selectFrom('audit_events').select('record').orderBy('seq').execute();
  return rows.map((row) => JSON.parse(row.record) as CloudTrailRecord);
}

/** The raw record texts, for scanning. */
export async function recordTexts(server: RunningServer): Promise<string[]> {
  await server.audit!.flush();
  const rows = await server.store.db.selectFrom('audit_events').select('record').orderBy('seq').execute();
  return rows.map((row) => row.record);
}

/** The one event with this name (and, when given, error code); fails unless there is exactly one. */
export function only(
  records: readonly CloudTrailRecord[],
  eventName: string,
  errorCode?: string,
): CloudTrailRecord {
  const found = records.filter((r) => r.eventName === eventName && r.errorCode === errorCode);
  if (found.length !== 1)
    throw new Error(
      `expected one ${eventName}${errorCode ? `/${errorCode}` : ''} event, found ${found.length}`,
    );
  return found[0]!;
}
