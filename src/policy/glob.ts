/**
 * Wildcard matching as the policy language does it: `*` for any run of characters, `?` for one character.
 * Patterns are compiled once into the cheapest test that is exact for them: equality, a prefix test, or a regex.
 */

/**
 * How a pattern's wildcards behave.
 * - `anything`: `*` and `?` match any characters (Action, StringLike, each part of ArnLike).
 * - `resource`: the Resource element's rule, where `*` and `?` stay inside one colon-delimited ARN segment, except
 *   that a `*` which ends a segment may run past colons.
 */
export type WildcardMode = 'anything' | 'resource';

/** A compiled wildcard test. */
export type Matcher = (candidate: string) => boolean;

/** A piece of a pattern: `wild` pieces interpret `*` and `?`; other pieces are matched literally. */
export interface PatternPiece {
  readonly text: string;
  readonly wild: boolean;
}

const matchAll: Matcher = () => true;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** True when the text contains a `*` or `?`. */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Builds the regex source (anchored) for a sequence of pieces. */
export function regexSourceFor(pieces: readonly PatternPiece[], mode: WildcardMode): string {
  let source = '^';
  // INVARIANT: a `*` ends a segment when the next pattern character is a colon or the pattern ends.
  const flat: { ch: string; wild: boolean }[] = [];
  for (const piece of pieces) for (const ch of piece.text) flat.push({ ch, wild: piece.wild });
  for (let i = 0; i < flat.length; i++) {
    const { ch, wild } = flat[i]!;
    if (wild && ch === '*') {
      if (mode === 'anything') source += '.*';
      else {
        const next = flat[i + 1];
        source += next === undefined || next.ch === ':' ? '.*' : '[^:]*';
      }
    } else if (wild && ch === '?') {
      source += mode === 'anything' ? '.' : '[^:]';
    } else {
      source += escapeRegex(ch);
    }
  }
  return `${source}$`;
}

/**
 * Compiles a whole-text pattern. `ignoreCase` lower-cases the pattern; the caller must pass lower-cased candidates.
 */
export function compileWildcard(pattern: string, mode: WildcardMode, ignoreCase = false): Matcher {
  const text = ignoreCase ? pattern.toLowerCase() : pattern;
  if (text === '*') return matchAll;
  const star = text.indexOf('*');
  const question = text.indexOf('?');
  if (star === -1 && question === -1) return (candidate) => candidate === text;
  if (question === -1 && star === text.length - 1) {
    const prefix = text.slice(0, -1);
    return (candidate) => candidate.startsWith(prefix);
  }
  const regex = new RegExp(regexSourceFor([{ text, wild: true }], mode), 's');
  // Most candidates fail on the literal text before the first wildcard; test that before running the regex.
  const head = text.slice(
    0,
    Math.min(star === -1 ? text.length : star, question === -1 ? text.length : question),
  );
  if (head.length === 0) return (candidate) => regex.test(candidate);
  return (candidate) => candidate.startsWith(head) && regex.test(candidate);
}
