// CloudTrail record contents (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html):
// eventID is a GUID CloudTrail generates to identify each event, and LookupEvents returns it as an opaque string.
// iamd's are UUIDs of version 7 (RFC 9562), so that they sort by time (docs/audit.md, "Choices").
import { describe, expect, it } from 'vitest';
import { carriesTime, eventIdAt, eventIdTime } from './event-id.js';

describe('eventIdAt', () => {
  it('is a UUID version 7 with the RFC 9562 variant', () => {
    expect(eventIdAt(new Date())).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('carries the time in its first 48 bits', () => {
    const time = new Date('2026-11-28T00:40:00.123Z');
    const id = eventIdAt(time);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(time.getTime());
  });

  it('sorts by time as text, and differs between events of one millisecond', () => {
    const earlier = eventIdAt(new Date(1_800_000_000_000));
    const later = eventIdAt(new Date(1_800_000_000_001));
    expect(earlier < later).toBe(true);
    const same = new Set(Array.from({ length: 1000 }, () => eventIdAt(new Date(1_800_000_000_000))));
    expect(same.size).toBe(1000);
  });

  it('gives its time back to eventIdTime, and other ids give none', () => {
    const time = new Date('2026-12-06T12:00:00.456Z');
    expect(eventIdTime(eventIdAt(time))).toBe(time.getTime());
    expect(eventIdTime('0b6e1c2a-8f3e-4d5c-9a7b-1c2d3e4f5a6b')).toBeUndefined();
    expect(eventIdTime(`${eventIdAt(time)}x`)).toBeUndefined();
    expect(eventIdTime(eventIdAt(time).toUpperCase())).toBeUndefined();
  });

  it('carriesTime: a version-7 id of exactly that millisecond', () => {
    const ms = Date.parse('2026-12-06T12:00:00.456Z');
    const id = eventIdAt(new Date(ms));
    expect(carriesTime(id, ms)).toBe(true);
    expect(carriesTime(id, ms + 1)).toBe(false);
    expect(carriesTime(`${id.slice(0, 14)}4${id.slice(15)}`, ms)).toBe(false);
    expect(carriesTime(`${id.slice(0, 35)}g`, ms)).toBe(false);
    expect(carriesTime('event-1', ms)).toBe(false);
  });
});
