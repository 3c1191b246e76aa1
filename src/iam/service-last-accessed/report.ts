import type { Store } from '../../store/store.js';
import { type Access, activityOf, type EntityActivity, keepLatest, type ReportEntity } from './activity.js';
import { allowedActions, TRACKED_ACTIONS } from './allowed-actions.js';
import type { ReportTarget } from './report-target.js';
import { serviceName } from './service-names.js';

/** IAM's tracking period: activity of the last 400 days. */
const TRACKING_DAYS = 400;

/** One service of a stored report. */
export interface ReportService {
  readonly namespace: string;
  readonly name: string;
  readonly last?: Access | undefined;
  /** How many of the report's entities attempted to access the service. */
  readonly total: number;
  /** ACTION_LEVEL reports, tracked services: every tracked action the policies allow, with its latest access. */
  readonly tracked?: readonly { readonly action: string; readonly last?: Access | undefined }[] | undefined;
  /** The entities that could have used the permissions, most recent access first, then those with none. */
  readonly entities: readonly (ReportEntity & { readonly last?: string | undefined })[];
}

/** A report as stored with its job (JSON text in service_last_accessed_jobs.report). */
export interface Report {
  readonly services: readonly ReportService[];
}

/**
 * Computes a last-accessed report: every service the target's policies allow (by ServiceName), each with the latest
 * attempt by any of the target's entities within the tracking period, how many of them attempted it, and for
 * ACTION_LEVEL the tracked actions.
 */
export async function computeReport(
  store: Store,
  accountId: string,
  target: ReportTarget,
  actionLevel: boolean,
  now: Date,
): Promise<Report> {
  const since = new Date(now.getTime() - TRACKING_DAYS * 86_400_000).toISOString();
  const allowed = allowedActions(target.documents);
  const activities: [ReportEntity, EntityActivity][] = [];
  for (const entity of target.entities) {
    activities.push([entity, await activityOf(store, accountId, entity, since)]);
  }
  const services = [...allowed.namespaces].map((namespace): ReportService => {
    const latest = new Map<string, Access>();
    let total = 0;
    const entities = activities.map(([entity, activity]) => {
      const access = activity.services.get(namespace);
      if (access !== undefined) {
        total += 1;
        keepLatest(latest, namespace, access);
      }
      return { ...entity, last: access?.time };
    });
    entities.sort((a, b) => (b.last ?? '').localeCompare(a.last ?? '') || a.arn.localeCompare(b.arn));
    const actions = TRACKED_ACTIONS[namespace];
    const tracked =
      actionLevel && actions !== undefined
        ? actions
            .filter((action) => allowed.allows(namespace, action))
            .map((action) => {
              const byAction = new Map<string, Access>();
              for (const [, activity] of activities) {
                const access = activity.actions.get(`${namespace}:${action}`);
                if (access !== undefined) keepLatest(byAction, action, access);
              }
              return { action, last: byAction.get(action) };
            })
        : undefined;
    return { namespace, name: serviceName(namespace), last: latest.get(namespace), total, tracked, entities };
  });
  services.sort((a, b) => a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace));
  return { services };
}
