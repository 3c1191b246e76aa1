/**
 * CloudTrail writes an API call's parameters and response with each member name's first letter lower-cased
 * (`UserName` becomes `userName`, `SAMLProviderArn` becomes `sAMLProviderArn`), and IAM's and STS's timestamps
 * in the Java `MMM d, yyyy, h:mm:ss a` style (`Nov 27, 2026, 9:00:00 PM`, UTC), as its documented example events
 * show. This module turns a decoded input or an operation's output into that shape.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A timestamp as CloudTrail writes it inside requestParameters and responseElements (UTC). */
export function cloudTrailDate(date: Date): string {
  const hours = date.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}, ` +
    `${twelve}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`
  );
}

/** `UserName` → `userName`. */
export function cloudTrailMemberName(name: string): string {
  return name.length === 0 ? name : name[0]!.toLowerCase() + name.slice(1);
}

/**
 * A value in CloudTrail's shape: member names lower-cased at their first letter, dates formatted, at any depth.
 * Members named in `omit` are left out wherever they appear (redaction.ts's backstop, applied in the same pass).
 */
export function toCloudTrailShape(value: unknown, omit?: ReadonlySet<string>): unknown {
  if (value instanceof Date) return cloudTrailDate(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((item) => toCloudTrailShape(item, omit));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined && omit?.has(key) !== true)
        out[cloudTrailMemberName(key)] = toCloudTrailShape(member, omit);
    }
    return out;
  }
  return value;
}
