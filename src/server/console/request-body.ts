import type { HttpRequest } from '../http.js';

/**
 * The fields of a console request: a JSON object (`content-type: application/json`) or a form
 * (`application/x-www-form-urlencoded`). Only string and boolean values are kept (booleans as `true`/`false`);
 * anything unreadable is no fields at all.
 */
export function requestFields(request: HttpRequest): Map<string, string> {
  const type = request.headers['content-type']?.[0]?.split(';')[0]?.trim().toLowerCase();
  const text = request.body.toString('utf8');
  const fields = new Map<string, string>();
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return fields;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fields;
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value === 'string') fields.set(key, value);
      else if (typeof value === 'boolean') fields.set(key, String(value));
    }
    return fields;
  }
  for (const [key, value] of new URLSearchParams(text)) if (!fields.has(key)) fields.set(key, value);
  return fields;
}
