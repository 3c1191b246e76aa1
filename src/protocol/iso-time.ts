/**
 * ISO 8601 texts of instants, in UTC. Formatting a Date costs about a microsecond here, and the dates written in a
 * busy second (response timestamps, audit events) mostly share that second, so the last second's text is kept.
 * INVARIANT: the memo is invisible: a time always gets the text its own Date would write.
 */

let memoSecond = Number.NaN;
let memoText = '';
let memoSeconds = '';

/** Brings the memo to the instant's second. */
function toSecond(ms: number): void {
  const second = Math.floor(ms / 1000);
  if (second !== memoSecond) {
    // toISOString always ends in `.sssZ`.
    memoText = new Date(second * 1000).toISOString().slice(0, -5);
    memoSeconds = `${memoText}Z`;
    memoSecond = second;
  }
}

/** `2026-01-02T03:04:05`: the instant's second, without zone (toISOString's form, whatever the year's width). */
function secondText(ms: number): string {
  toSecond(ms);
  return memoText;
}

/** ISO 8601 in UTC to the second, as IAM and STS write dates (`2026-01-02T03:04:05Z`). */
export function isoSeconds(date: Date): string {
  toSecond(date.getTime());
  return memoSeconds;
}

/** ISO 8601 in UTC to the millisecond (`2026-01-02T03:04:05.678Z`), exactly as `toISOString` writes it. */
export function isoMillis(date: Date): string {
  const ms = date.getTime();
  const fraction = ((ms % 1000) + 1000) % 1000;
  return `${secondText(ms)}.${fraction < 10 ? '00' : fraction < 100 ? '0' : ''}${fraction}Z`;
}
