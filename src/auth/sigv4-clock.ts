import { sigv4Errors } from './sigv4-errors.js';

/**
 * How far a request's time may be from the server's clock, either way: 15 minutes
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/signing-elements.html, "Protect against replay").
 */
export const MAX_CLOCK_SKEW_SECONDS = 15 * 60;

/** A time in ISO 8601 basic format, as SigV4 writes it: `20260101T000000Z`. */
export function formatAmzDate(time: Date): string {
  return time
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Parses `YYYYMMDDTHHMMSSZ`; anything else, or a date that does not exist, is AWS's IncompleteSignature. */
export function parseAmzDate(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (match !== null) {
    const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const time = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    // Date rolls 20260231 over into March; comparing the fields back catches it.
    const valid =
      time.getUTCFullYear() === year &&
      time.getUTCMonth() === month - 1 &&
      time.getUTCDate() === day &&
      time.getUTCHours() === hour &&
      time.getUTCMinutes() === minute &&
      time.getUTCSeconds() === second;
    if (valid) return time;
  }
  throw sigv4Errors.badDate(value);
}

/** AWS prints the window in minutes where it can. */
function windowText(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min.` : `${seconds} sec.`;
}

/**
 * Rejects a request signed more than 15 minutes before or after `now`. A presigned request is also rejected
 * once `X-Amz-Expires` seconds have passed since it was signed. AWS's services other than S3 never honour a
 * presigned request for longer than the skew window, whatever `X-Amz-Expires` says, so a longer expiry is capped
 * to it (as AWS does); a shorter one is enforced.
 */
export function checkSigningTime(signedAt: Date, amzDate: string, now: Date, expiresSeconds?: number): void {
  const past = Math.min(MAX_CLOCK_SKEW_SECONDS, expiresSeconds ?? MAX_CLOCK_SKEW_SECONDS);
  const earliest = new Date(now.getTime() - past * 1000);
  if (signedAt.getTime() < earliest.getTime()) {
    throw sigv4Errors.signatureExpired(
      amzDate,
      formatAmzDate(earliest),
      formatAmzDate(now),
      windowText(past),
    );
  }
  const latest = new Date(now.getTime() + MAX_CLOCK_SKEW_SECONDS * 1000);
  if (signedAt.getTime() > latest.getTime()) {
    throw sigv4Errors.signatureNotYetCurrent(
      amzDate,
      formatAmzDate(latest),
      formatAmzDate(now),
      windowText(MAX_CLOCK_SKEW_SECONDS),
    );
  }
}
