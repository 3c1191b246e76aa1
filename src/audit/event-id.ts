/**
 * An eventID: a UUID version 7 (RFC 9562), whose first 48 bits are the event's Unix time in milliseconds, followed
 * by the version and 74 random bits. CloudTrail's eventID is an opaque GUID; a time-ordered one keeps the unique
 * index on event ids growing at its end, where a random UUID lands anywhere in it: over a long trail, that random
 * insert was the largest single cost of recording an event (docs/audit.md).
 */
export function eventIdAt(time: Date): string {
  // The random part comes from crypto.randomUUID (a version-4 UUID, from Node's pooled CSPRNG): its variant bits are
  // already RFC 9562's `10`, so only the time and the version nibble are written over.
  const random = crypto.randomUUID();
  const ms = time.getTime().toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${random.slice(15)}`;
}
