import { arnParts, parseArn } from '../arn.js';
import type { RequestContext } from '../context.js';
import { compileWildcard, compilePieces, type Matcher, type PatternPiece } from '../glob.js';
import { resolveTemplate, type Template } from '../variables.js';
import type { OperatorSpec, ValueTest } from './operator.js';

/** A matcher for one ARN, part by part: a wildcard never runs from one colon-delimited part into the next. */
type ArnMatcher = (value: string) => boolean;

/** Splits pattern pieces at the first five colons, keeping each character's literal/wild flag. */
function splitParts(pieces: readonly PatternPiece[]): PatternPiece[][] {
  const parts: PatternPiece[][] = [[]];
  for (const piece of pieces) {
    let rest = piece.text;
    while (parts.length < 6) {
      const colon = rest.indexOf(':');
      if (colon === -1) break;
      parts[parts.length - 1]!.push({ text: rest.slice(0, colon), wild: piece.wild });
      parts.push([]);
      rest = rest.slice(colon + 1);
    }
    parts[parts.length - 1]!.push({ text: rest, wild: piece.wild });
  }
  return parts;
}

function partMatcher(part: readonly PatternPiece[]): Matcher {
  if (part.every((p) => p.wild)) return compileWildcard(part.map((p) => p.text).join(''), 'anything');
  return compilePieces(part, 'anything');
}

function piecesMatcher(pieces: readonly PatternPiece[]): ArnMatcher {
  const parts = splitParts(pieces);
  if (parts.length < 6) {
    // Not ARN-shaped: each of the six parts is compared on its own, so only a bare `*` can match an ARN.
    const text = pieces.map((p) => p.text).join('');
    const anything = text === '*' && pieces.every((p) => p.wild);
    return (value) => anything || value === text;
  }
  const matchers = parts.map(partMatcher);
  return (value) => {
    const arn = parseArn(value);
    if (arn === undefined) return false;
    const target = arnParts(arn);
    if (!matchers[0]!('arn')) return false;
    for (let i = 0; i < 5; i++) if (!matchers[i + 1]!(target[i]!)) return false;
    return true;
  };
}

function compileArnValues(values: readonly Template[]): ValueTest {
  const fixed = values.filter((t) => !t.hasVariables).map((t) => piecesMatcher(staticPieces(t)));
  const variable = values.filter((t) => t.hasVariables);
  return (value: string, context: RequestContext) => {
    for (const m of fixed) if (m(value)) return true;
    // A value whose variable has no value matches nothing (so a negated operator holds).
    for (const template of variable) {
      const pieces = resolveTemplate(template, context);
      if (pieces !== undefined && piecesMatcher(pieces)(value)) return true;
    }
    return false;
  };
}

function staticPieces(template: Template): PatternPiece[] {
  return template.parts.map((p) => ({ text: 'text' in p ? p.text : '', wild: p.kind === 'text' }));
}

function arnOperator(name: string, negated: boolean): OperatorSpec {
  return {
    name,
    family: 'Arn',
    negated,
    acceptsVariables: true,
    testsPresence: false,
    compile: compileArnValues,
  };
}

/**
 * ArnEquals and ArnLike behave alike: each of the ARN's colon-delimited parts is compared separately, and each
 * may hold `*` and `?`.
 */
export const ARN_OPERATORS: readonly OperatorSpec[] = [
  arnOperator('ArnEquals', false),
  arnOperator('ArnLike', false),
  arnOperator('ArnNotEquals', true),
  arnOperator('ArnNotLike', true),
];
