/**
 * An eventID: a UUID version 7 (RFC 9562), whose first 48 bits are the event's Unix time in milliseconds, followed
 * by the version and 74 random bits. CloudTrail's eventID is an opaque GUID; a time-ordered one keeps the unique
 * index on event ids growing at its end, where a random UUID lands anywhere in it: over a long trail, that random
 * insert was the largest single cost of recording an event (docs/audit.md).
 */
export function eventIdAt(time: Date): string {
  // The random part comes from crypto.randomUUID (a version-4 UUID, from Node's pooled CSPRNG): its variant bits are
  // already RFC 9562's `10`, so only the time and the version nibble are written over.
  return `${timeHead(time.getTime())}${crypto.randomUUID().slice(15)}`;
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
