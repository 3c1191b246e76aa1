import type { CloudTrailRecord } from './record.js';

/**
 * A record's stored text: exactly `JSON.stringify(record)`, written faster. A record's members are mostly strings
 * that need no escaping, and its userIdentity is one object per caller (src/audit/identity.ts), whose text is kept:
 * about half the cost of `JSON.stringify` on a read's record, which every recorded request pays
 * (docs/benchmarks.md). record-text.test.ts holds it to `JSON.stringify` on records of every kind.
 */
export function recordText(record: CloudTrailRecord): string {
  let text = '';
  // A record is a plain object literal: for…in gives its own members in the order JSON.stringify writes them.
  for (const key in record) {
    const value = record[key as keyof CloudTrailRecord];
    if (value === undefined) continue;
    text += `${text === '' ? '{"' : ',"'}${key}":${
      typeof value === 'string'
        ? stringText(value)
        : key === 'userIdentity'
          ? identityText(value as CloudTrailRecord['userIdentity'])
          : JSON.stringify(value)
    }`;
  }
  return text === '' ? '{}' : `${text}}`;
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
