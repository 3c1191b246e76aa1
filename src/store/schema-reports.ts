/**
 * The table of migration `0005-credential-reports`: the newest credential report of each account. The report is
 * kept as the CSV text GetCredentialReport returns (it holds no secret: dates, flags and names only).
 */

/** The newest credential report of an account. One row per account. */
export interface CredentialReportsTable {
  /** Primary key. */
  account_id: string;
  /** When the report was generated, ISO 8601 with milliseconds. Reports expire four hours after it. */
  generated_at: string;
  /** The report, CSV text (RFC 4180), header line first. */
  content: string;
}

/** The tables the reports migration adds to the `Database` interface. */
export interface ReportTables {
  credential_reports: CredentialReportsTable;
}
