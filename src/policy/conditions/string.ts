import type { RequestContext } from '../context.js';
import { compileWildcard, compilePieces, type Matcher } from '../glob.js';
import { resolveTemplate, resolveTemplateText, type Template } from '../variables.js';
import type { OperatorSpec, ValueTest } from './operator.js';

/** The flags that tell one string operator from another. */
interface StringFlags {
  readonly negated: boolean;
  readonly ignoreCase: boolean;
  readonly like: boolean;
}

/** Builds one operator of the String family from its flags. */
function stringOperator(name: string, flags: StringFlags): OperatorSpec {
  return {
    name,
    family: 'String',
    negated: flags.negated,
    acceptsVariables: true,
    testsPresence: false,
    compile: (values) => compileStringValues(values, flags),
  };
}

function compileStringValues(values: readonly Template[], flags: StringFlags): ValueTest {
  const fixed = values.filter((t) => !t.hasVariables);
  const variable = values.filter((t) => t.hasVariables);
  const fixedTest = flags.like ? likeTest(fixed) : equalsTest(fixed, flags.ignoreCase);
  if (variable.length === 0) return (value) => fixedTest(value);
  return (value, context) => {
    if (fixedTest(value)) return true;
    // A value whose variable has no value matches nothing (so a negated operator holds).
    for (const template of variable) {
      const matched = flags.like
        ? likeOne(template, value, context)
        : equalsOne(template, value, context, flags);
      if (matched) return true;
    }
    return false;
  };
}

function equalsTest(templates: readonly Template[], ignoreCase: boolean): (value: string) => boolean {
  const set = new Set(templates.map((t) => textOf(t, ignoreCase)));
  if (ignoreCase) return (value) => set.has(value.toLowerCase());
  return (value) => set.has(value);
}

function textOf(template: Template, ignoreCase: boolean): string {
  const text = template.parts.map((p) => ('text' in p ? p.text : '')).join('');
  return ignoreCase ? text.toLowerCase() : text;
}

function likeTest(templates: readonly Template[]): (value: string) => boolean {
  const matchers: Matcher[] = templates.map((t) =>
    t.parts.every((p) => p.kind === 'text') ? compileWildcard(t.raw, 'anything') : literalAwareMatcher(t),
  );
  if (matchers.length === 1) return matchers[0]!;
  return (value) => {
    for (let i = 0; i < matchers.length; i++) if (matchers[i]!(value)) return true;
    return false;
  };
}

function literalAwareMatcher(template: Template): Matcher {
  const pieces = template.parts.map((p) => ({ text: 'text' in p ? p.text : '', wild: p.kind === 'text' }));
  return compilePieces(pieces, 'anything');
}

function equalsOne(template: Template, value: string, context: RequestContext, flags: StringFlags): boolean {
  const text = resolveTemplateText(template, context);
  if (text === undefined) return false;
  return flags.ignoreCase ? text.toLowerCase() === value.toLowerCase() : text === value;
}

function likeOne(template: Template, value: string, context: RequestContext): boolean {
  const pieces = resolveTemplate(template, context);
  if (pieces === undefined) return false;
  return compilePieces(pieces, 'anything')(value);
}

/** The six String operators. */
export const STRING_OPERATORS: readonly OperatorSpec[] = [
  stringOperator('StringEquals', { negated: false, ignoreCase: false, like: false }),
  stringOperator('StringNotEquals', { negated: true, ignoreCase: false, like: false }),
  stringOperator('StringEqualsIgnoreCase', { negated: false, ignoreCase: true, like: false }),
  stringOperator('StringNotEqualsIgnoreCase', { negated: true, ignoreCase: true, like: false }),
  stringOperator('StringLike', { negated: false, ignoreCase: false, like: true }),
  stringOperator('StringNotLike', { negated: true, ignoreCase: false, like: true }),
];
