import type { ScalarType } from './model.js';

/**
 * Reads one Query parameter's text as its model type. Text that is not a value of the type yields the sentence
 * of a ValidationError clause instead.
 *
 * Not verified against AWS: the wording for unreadable numbers, booleans, timestamps and blobs (AWS's SDKs never
 * send them, so no recorded response shows it). It follows the form of AWS's other constraint sentences.
 */

/** A parsed value, or the constraint it failed. */
export type ScalarResult =
  | { readonly ok: true; readonly value: string | number | boolean | Date | Uint8Array }
  | { readonly ok: false; readonly constraint: string };

/** The sentences for text that is not of the member's type. */
export const TYPE_TEXT = {
  integer: 'Member must be an integer',
  number: 'Member must be a number',
  boolean: 'Member must be a boolean',
  timestamp: 'Member must be a timestamp in ISO 8601 format or seconds since the epoch',
  blob: 'Member must be base64-encoded',
} as const;

const INTEGER = /^[+-]?[0-9]+$/;
const DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/;
const EPOCH_SECONDS = /^-?[0-9]+(?:\.[0-9]+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Java's int, which the models' `integer` maps to.
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Parses `text` as a value of `type`. */
export function parseScalar(type: ScalarType, text: string): ScalarResult {
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'integer':
    case 'long': {
      const n = INTEGER.test(text) ? Number(text) : NaN;
      const [min, max] =
        type === 'integer' ? [INT_MIN, INT_MAX] : [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
      return Number.isInteger(n) && n >= min && n <= max
        ? { ok: true, value: n }
        : { ok: false, constraint: TYPE_TEXT.integer };
    }
    case 'float':
    case 'double': {
      const n = DECIMAL.test(text) ? Number(text) : NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, constraint: TYPE_TEXT.number };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true') return { ok: true, value: true };
      if (lower === 'false') return { ok: true, value: false };
      return { ok: false, constraint: TYPE_TEXT.boolean };
    }
    case 'timestamp': {
      const date = ISO_8601.test(text)
        ? new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
        : EPOCH_SECONDS.test(text)
          ? new Date(Number(text) * 1000)
          : undefined;
      return date && !Number.isNaN(date.getTime())
        ? { ok: true, value: date }
        : { ok: false, constraint: TYPE_TEXT.timestamp };
    }
    case 'blob':
      return BASE64.test(text)
        ? { ok: true, value: new Uint8Array(Buffer.from(text, 'base64')) }
        : { ok: false, constraint: TYPE_TEXT.blob };
  }
}
