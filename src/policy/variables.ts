import type { RequestContext } from './context.js';
import type { PatternPiece } from './glob.js';
import { intern } from './intern.js';

/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'none'}` and the escapes `${*}`, `${?}`, `${$}`.
 * A template is parsed once; resolving it against a request yields pattern pieces in which substituted text and
 * escaped characters are literal, and the policy's own text keeps its wildcards.
 */

/** One piece of a parsed template. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'variable'; readonly key: string; readonly fallback: string | undefined };

/** A parsed template. `hasVariables` is false when it can be matched without a request. */
export interface Template {
  readonly raw: string;
  readonly parts: readonly TemplatePart[];
  readonly hasVariables: boolean;
}

const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['*', '*'],
  ['?', '?'],
  ['$', '$'],
]);
// `${key}` or `${key, 'default'}`; a key is a vendor-prefixed name that may carry a `/tag-key` suffix.
const VARIABLE = /^\s*([A-Za-z0-9_.-]+:[A-Za-z0-9_.:/+=@-]+)\s*(?:,\s*'([^']*)'\s*)?$/;

/**
 * Parses a template. With `substitute` false (policy version 2008-10-17, or no Version) the text is taken as is.
 */
export function parseTemplate(raw: string, substitute: boolean): Template {
  if (!substitute || !raw.includes('${'))
    return { raw, parts: [{ kind: 'text', text: raw }], hasVariables: false };
  const parts: TemplatePart[] = [];
  let text = '';
  let hasVariables = false;
  let i = 0;
  while (i < raw.length) {
    const first = raw.indexOf('${', i);
    if (first === -1) break;
    const close = raw.indexOf('}', first + 2);
    if (close === -1) break;
    // The innermost `${` before the `}`: the characters before it are text. Starting there keeps parsing
    // linear on inputs such as `${${${…}`.
    const open = raw.lastIndexOf('${', close);
    const body = raw.slice(open + 2, close);
    const escaped = ESCAPES.get(body);
    const variable = escaped === undefined ? VARIABLE.exec(body) : null;
    if (escaped === undefined && variable === null) {
      // Not a variable: keep the characters, and look again from the next one.
      text += raw.slice(i, open + 2);
      i = open + 2;
      continue;
    }
    text += raw.slice(i, open);
    if (text) parts.push({ kind: 'text', text });
    text = '';
    if (escaped !== undefined) parts.push({ kind: 'literal', text: escaped });
    else {
      parts.push({ kind: 'variable', key: intern(variable![1]!.toLowerCase()), fallback: variable![2] });
      hasVariables = true;
    }
    i = close + 1;
  }
  text += raw.slice(i);
  if (text) parts.push({ kind: 'text', text });
  return { raw, parts, hasVariables };
}

/**
 * Resolves a template into pattern pieces. Returns `undefined` when a variable has no single value in the
 * context and no default: AWS then treats the element as not matching.
 */
export function resolveTemplate(template: Template, context: RequestContext): PatternPiece[] | undefined {
  const pieces: PatternPiece[] = [];
  for (const part of template.parts) {
    switch (part.kind) {
      case 'text':
        pieces.push({ text: part.text, wild: true });
        break;
      case 'literal':
        pieces.push({ text: part.text, wild: false });
        break;
      case 'variable': {
        const value = context.get(part.key);
        if (value !== undefined && value.kind === 'single') pieces.push({ text: value.value, wild: false });
        else if (part.fallback !== undefined) pieces.push({ text: part.fallback, wild: false });
        else return undefined;
        break;
      }
    }
  }
  return pieces;
}

/** Resolves a template to plain text (for equality operators, where wildcards mean nothing). */
export function resolveTemplateText(template: Template, context: RequestContext): string | undefined {
  if (!template.hasVariables) return template.parts.map((p) => ('text' in p ? p.text : '')).join('');
  const pieces = resolveTemplate(template, context);
  return pieces?.map((p) => p.text).join('');
}

/** The keys a template refers to, lower-cased. */
export function templateKeys(template: Template): string[] {
  return template.parts.flatMap((p) => (p.kind === 'variable' ? [p.key] : []));
}
