/**
 * How long a credential report stays current: GenerateCredentialReport makes a new one only when the last is older
 * than this, and GetCredentialReport refuses a report older than this (IAM User Guide, "Getting credential reports").
 */
export const REPORT_LIFETIME_MS = 4 * 60 * 60 * 1000;

/** True when a report generated at `generatedAt` is older than four hours at `now`. */
export function isExpired(generatedAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(generatedAt) > REPORT_LIFETIME_MS;
}
