import { flattened } from './flat-string.js';

/**
 * An eventID: a UUID version 7 (RFC 9562), whose first 48 bits are the event's Unix time in milliseconds, followed
 * by the version and 74 random bits. CloudTrail's eventID is an opaque GUID; a time-ordered one keeps the unique
 * index on event ids growing at its end, where a random UUID lands anywhere in it. Since migration 0008 the trail
 * keeps no index of ids at all: a lookup by EventId reads the time out of the id (`eventIdTime`) and looks among the
 * account's events of that millisecond (docs/audit.md).
 */
export function eventIdAt(time: Date): string {
  // The random part comes from crypto.randomUUID (a version-4 UUID, from Node's pooled CSPRNG): its variant bits are
  // already RFC 9562's `10`, so only the time and the version nibble are written over.
  // Flattened: the id is read whole several times (its lookup value's test, the record's text).
  return flattened(`${timeHead(time.getTime())}${crypto.randomUUID().slice(15)}`);
}

// The events of one millisecond share the time's part of their ids; writing it costs more than the rest.
let memoMs = Number.NaN;
let memoHead = '';

/** `tttttttt-tttt-7`: the 48-bit millisecond time in hex, and the version nibble. */
function timeHead(ms: number): string {
  if (ms !== memoMs) {
    const hex = ms.toString(16).padStart(12, '0');
    memoHead = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7`;
    memoMs = ms;
  }
  return memoHead;
}

const V7 = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether `id` is a version-7 UUID of the millisecond `ms` (so that `eventIdTime(id)` gives `ms`). */
export function carriesTime(id: string, ms: number): boolean {
  // The memoized head is compared first: it rules out other ids without the pattern, and the recorder's own ids
  // share their millisecond's head.
  return id.length === 36 && id.slice(0, 15) === timeHead(ms) && V7.test(id);
}

/** The Unix time in milliseconds that a version-7 UUID carries, or undefined for any other text. */
export function eventIdTime(id: string): number | undefined {
  const match = V7.exec(id);
  return match === null ? undefined : parseInt(match[1]! + match[2]!, 16);
}
