import { flattened } from './flat-string.js';
import type { CloudTrailRecord } from './record.js';

/**
 * A record's stored text: exactly `JSON.stringify(record)`, written faster. A record's members are mostly strings
 * that need no escaping, and its userIdentity is one object per caller (src/audit/identity.ts), whose text is kept:
 * about half the cost of `JSON.stringify` on a read's record, which every recorded request pays
 * (docs/benchmarks.md). Most of what is left is joining the members' texts, and one caller's events of one operation
 * differ only in a few members: their time, ids and parameters. So the text between those members is kept per
 * caller and operation (a Layout), and an event whose other members equal the last one's is written from it.
 * record-text.test.ts holds it to `JSON.stringify` on records of every kind, and on runs of them.
 */
export function recordText(record: CloudTrailRecord): string {
  // Flattened once here, where the chain hash and the database's binding would each copy its pieces again.
  return flattened(fromLayout(record) ?? withLayout(record));
}

/** The members that vary from one event to the next of a caller's run of calls of one operation (and objects). */
const VARYING: ReadonlySet<string> = new Set([
  'eventTime',
  'errorMessage',
  'requestParameters',
  'responseElements',
  'additionalEventData',
  'requestID',
  'eventID',
  'resources',
  'tlsDetails',
]);

/**
 * A record's members, in order, with the texts between its varying members. A record written from it has the same
 * members in the same order, and the same values for every member that is not varying.
 */
interface Layout {
  readonly keys: readonly string[];
  /** Per member: whether it varies. */
  readonly varying: readonly boolean[];
  /** Per member: its value, for a member that does not vary. */
  readonly values: readonly unknown[];
  /** The text before each varying member, and after the last one (with the closing brace). */
  readonly segments: readonly string[];
}

// Kept per userIdentity object (one per caller) and eventName, up to MAX_LAYOUTS names per caller: a failed call's
// eventName is the Action it sent, whatever that was, and a caller's identity may live as long as the server.
const layouts = new WeakMap<object, Map<string, Layout>>();
const MAX_LAYOUTS = 64;

function layoutOf(record: CloudTrailRecord): Layout | undefined {
  const identity: unknown = record.userIdentity;
  if (typeof identity !== 'object' || identity === null) return undefined;
  return layouts.get(identity)?.get(record.eventName);
}

/** The text from the record's layout, or undefined when it has none or the record does not fit it. */
function fromLayout(record: CloudTrailRecord): string | undefined {
  const layout = layoutOf(record);
  if (layout === undefined) return undefined;
  const { keys, varying, values, segments } = layout;
  let text = '';
  let i = 0;
  let v = 0;
  for (const key in record) {
    if (key !== keys[i]) return undefined;
    const value = record[key as keyof CloudTrailRecord];
    if (varying[i]) text = `${text}${segments[v++]}${memberText(key, value)}`;
    else if (value !== values[i]) return undefined;
    i++;
  }
  return i === keys.length ? `${text}${segments[v]}` : undefined;
}

/** Writes the record's text member by member, and keeps its layout when the record can have one. */
function withLayout(record: CloudTrailRecord): string {
  const keys: string[] = [];
  const varying: boolean[] = [];
  const values: unknown[] = [];
  const segments: string[] = [];
  let text = '';
  let segment = '';
  // A record is a plain object literal: for…in gives its own members in the order JSON.stringify writes them.
  for (const key in record) {
    const value = record[key as keyof CloudTrailRecord];
    const member = memberText(key, value);
    text += member;
    // An object's text is written each time (but the identity's, kept per object): it may be another object, or
    // changed since.
    const varies =
      VARYING.has(key) || (typeof value === 'object' && value !== null && key !== 'userIdentity');
    keys.push(key);
    varying.push(varies);
    values.push(varies ? undefined : value);
    if (varies) {
      segments.push(segment);
      segment = '';
    } else segment += member;
  }
  if (text === '') return '{}';
  segments.push(`${segment}}`);
  // Every member's text starts with a comma, and the first one's is replaced by the opening brace. A layout is kept
  // when the first member present does not vary: then its first segment starts with that comma, and the brace is
  // written into it once.
  const identity: unknown = record.userIdentity;
  if (typeof identity === 'object' && identity !== null && segments[0]!.startsWith(',')) {
    segments[0] = `{${segments[0]!.slice(1)}`;
    let byName = layouts.get(identity);
    if (byName === undefined) layouts.set(identity, (byName = new Map()));
    else if (byName.size >= MAX_LAYOUTS) byName.clear();
    byName.set(record.eventName, { keys, varying, values, segments });
  }
  return `{${text.slice(1)}}`;
}

/** `,"key":value`, or nothing for an undefined member (which JSON.stringify leaves out). */
function memberText(key: string, value: unknown): string {
  if (value === undefined) return '';
  return `,"${key}":${
    typeof value === 'string'
      ? stringText(value)
      : key === 'userIdentity'
        ? identityText(value as CloudTrailRecord['userIdentity'])
        : JSON.stringify(value)
  }`;
}

// What JSON.stringify escapes in a string: quotes, backslashes, control characters and (lone) surrogates. A string
// with none of them is written as it is.
// eslint-disable-next-line no-control-regex -- the control characters are what must be found
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

function stringText(value: string): string {
  return ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`;
}

const identities = new WeakMap<object, string>();

/** The text of a userIdentity, kept per object: identities are built once per caller and never changed. */
function identityText(identity: CloudTrailRecord['userIdentity']): string {
  let text = identities.get(identity);
  if (text === undefined) identities.set(identity, (text = JSON.stringify(identity)));
  return text;
}
