import { AwsError } from '../errors/aws-error.js';

/**
 * Percent-encoding as SigV4 defines it (RFC 3986): every byte of the UTF-8 form is encoded as `%XX` with
 * upper-case hex, except the unreserved characters `A-Z a-z 0-9 - . _ ~`.
 */

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  );
}

function percent(byte: number): string {
  return '%' + byte.toString(16).toUpperCase().padStart(2, '0');
}

function hexValue(code: number | undefined): number {
  if (code === undefined) return -1;
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

/** SigV4's URI encoding of a text: its UTF-8 bytes, unreserved characters kept, the rest as `%XX`. */
export function uriEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8'))
    out += isUnreserved(byte) ? String.fromCharCode(byte) : percent(byte);
  return out;
}

/**
 * Reads the escapes of a raw (as sent) query key or value into bytes: `%XX` is the byte XX and `+` is a space,
 * as in the form encoding that the Query protocol uses. Anything else stands for its own UTF-8 bytes.
 * A broken escape is AWS's MalformedQueryString.
 */
function queryBytes(raw: string): Uint8Array {
  const source = Buffer.from(raw, 'utf8');
  const out = new Uint8Array(source.length);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const byte = source[i]!;
    if (byte === 0x25 /* % */) {
      if (i + 2 >= source.length) {
        throw new AwsError('MalformedQueryString', 'Incomplete trailing escape % sequence');
      }
      const high = hexValue(source[i + 1]);
      const low = hexValue(source[i + 2]);
      if (high < 0 || low < 0) {
        const shown = String.fromCharCode(source[i + 1]!, source[i + 2]!);
        throw new AwsError('MalformedQueryString', `Illegal hex character in escape % pattern: %${shown}`);
      }
      out[length++] = high * 16 + low;
      i += 2;
    } else if (byte === 0x2b /* + */) {
      out[length++] = 0x20;
    } else {
      out[length++] = byte;
    }
  }
  return out.subarray(0, length);
}

/**
 * The canonical form of a raw query key or value: what it stands for, encoded again with `uriEncode`. Working on
 * bytes keeps it exact even where the escapes are not valid UTF-8.
 */
export function canonicalQueryComponent(raw: string): string {
  let out = '';
  for (const byte of queryBytes(raw)) out += isUnreserved(byte) ? String.fromCharCode(byte) : percent(byte);
  return out;
}

/** The text a raw query key or value stands for. */
export function decodeQueryComponent(raw: string): string {
  return Buffer.from(queryBytes(raw)).toString('utf8');
}

/** One `key=value` pair of a raw query string, both still encoded as sent. */
export interface RawQueryPair {
  readonly key: string;
  readonly value: string;
}

/** Splits a raw query string (without the `?`) into its pairs, in order; a pair without `=` has an empty value. */
export function splitQuery(query: string): RawQueryPair[] {
  const pairs: RawQueryPair[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(eq < 0 ? { key: part, value: '' } : { key: part.slice(0, eq), value: part.slice(eq + 1) });
  }
  return pairs;
}
