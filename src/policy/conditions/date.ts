import type { OperatorSpec } from './operator.js';
import { orderedFamily } from './ordered.js';

const EPOCH = /^\s*-?\d+(\.\d+)?\s*$/;
// The W3C profile of ISO 8601: YYYY-MM, YYYY-MM-DD, optionally a time with optional fractions and zone.
const ISO = /^\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/i;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/i;

/**
 * Parses a date as the Date operators accept it: ISO 8601, or epoch seconds. Returns milliseconds since the epoch.
 * The last answer is kept: the date a request carries, `aws:CurrentTime`, changes once a second, while the requests
 * of that second each test it against their policies' dates.
 */
export function parseDate(text: string): number | undefined {
  if (text !== lastText) {
    lastMs = parseAnyDate(text);
    lastText = text;
  }
  return lastMs;
}

let lastText = '';
let lastMs: number | undefined;

function parseAnyDate(text: string): number | undefined {
  const fast = parseCanonical(text);
  if (fast !== undefined) return fast;
  if (EPOCH.test(text)) return Number(text) * 1000;
  const basic = ISO_BASIC.exec(text);
  if (basic) {
    const [, y, mo, d, h, mi, s] = basic;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  }
  if (!ISO.test(text)) return undefined;
  const yearMonth = YEAR_MONTH.exec(text);
  if (yearMonth) return Date.UTC(Number(yearMonth[1]), Number(yearMonth[2]) - 1, 1);
  // A zoneless date-time is UTC in AWS; JavaScript would read it as local time.
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) || !text.includes('T');
  const normalised = text.replace(' ', 'T');
  const ms = Date.parse(hasZone ? normalised : `${normalised}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** DateEquals, DateNotEquals, DateLessThan(Equals), DateGreaterThan(Equals). */
export const DATE_OPERATORS: readonly OperatorSpec[] = orderedFamily(
  'Date',
  parseDate,
  (text) => `\`${text}\` is not an ISO 8601 date or epoch seconds.`,
);

function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * The form AWS itself writes (`aws:CurrentTime`, `aws:TokenIssueTime`): `YYYY-MM-DDTHH:MM:SSZ`, parsed without
 * a regex because it is read on every request. Anything else goes to the general parser.
 */
function parseCanonical(text: string): number | undefined {
  if (
    text.length !== 20 ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':' ||
    text[16] !== ':' ||
    text[19] !== 'Z'
  ) {
    return undefined;
  }
  const y = digitsAt(text, 0, 4);
  const mo = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  const h = digitsAt(text, 11, 2);
  const mi = digitsAt(text, 14, 2);
  const s = digitsAt(text, 17, 2);
  if (
    y < 0 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > 31 ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    s < 0 ||
    s > 60
  )
    return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}
