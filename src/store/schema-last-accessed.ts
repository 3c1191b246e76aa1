/**
 * The table of migration `0007-service-last-accessed`: the reports of GenerateServiceLastAccessedDetails. A report
 * is computed from the audit trail when it is generated and kept as JSON text, so that GetServiceLastAccessedDetails
 * and GetServiceLastAccessedDetailsWithEntities page over the same snapshot.
 */
export interface ServiceLastAccessedJobsTable {
  /** The JobId: a UUID. Primary key. */
  job_id: string;
  account_id: string;
  /** The user, group, role or policy the report is about. */
  arn: string;
  /** `SERVICE_LEVEL` or `ACTION_LEVEL`. */
  granularity: string;
  /** `IN_PROGRESS`, `COMPLETED` or `FAILED`. */
  status: string;
  created_at: string;
  completed_at: string;
  /** The report (src/iam/service-last-accessed/report.ts), as JSON text. */
  report: string;
}

/** The tables the migration adds to the `Database` interface. */
export interface LastAccessedTables {
  service_last_accessed_jobs: ServiceLastAccessedJobsTable;
}
