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
  // Literal characters are escaped a run at a time: escaping each on its own was a fifth of a policy's compile time.
  let literal = '';
  // INVARIANT: a `*` ends a segment when the next pattern character is a colon or the pattern ends.
  const flat: { ch: string; wild: boolean }[] = [];
  for (const piece of pieces) for (const ch of piece.text) flat.push({ ch, wild: piece.wild });
  for (let i = 0; i < flat.length; i++) {
    const { ch, wild } = flat[i]!;
    if (!wild || (ch !== '*' && ch !== '?')) {
      literal += ch;
      continue;
    }
    source += escapeRegex(literal);
    literal = '';
    if (ch === '*') {
      const next = flat[i + 1];
      const run = mode === 'anything' || next === undefined || next.ch === ':' ? '.*' : '[^:]*';
      // An inner star is lazy: policies put stars where the text is short (a region, an account, a name's end),
      // so looking for what follows from the left finds it sooner. Lazy or greedy, the regex matches the same.
      source += next === undefined ? run : `${run}?`;
    } else {
      source += mode === 'anything' ? '.' : '[^:]';
    }
  }
  return `${source}${escapeRegex(literal)}$`;
}

/** One step of a pattern, for the automaton matcher. */
type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'one'; readonly colon: boolean }
  | { readonly kind: 'star'; readonly colon: boolean };

function tokensFor(pieces: readonly PatternPiece[], mode: WildcardMode): Token[] {
  const flat: { ch: string; wild: boolean }[] = [];
  for (const piece of pieces) for (const ch of piece.text) flat.push({ ch, wild: piece.wild });
  return flat.map(({ ch, wild }, i): Token => {
    if (wild && ch === '*') {
      const next = flat[i + 1];
      return { kind: 'star', colon: mode === 'anything' || next === undefined || next.ch === ':' };
    }
    if (wild && ch === '?') return { kind: 'one', colon: mode === 'anything' };
    return { kind: 'char', char: ch };
  });
}

/** The longest literal text every match starts with, and ends with. */
function literalEnds(tokens: readonly Token[]): { head: string; tail: string } {
  let head = '';
  for (const t of tokens) {
    if (t.kind !== 'char') break;
    head += t.char;
  }
  let tail = '';
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.kind !== 'char') break;
    tail = t.char + tail;
  }
  return { head, tail };
}

/**
 * A matcher that runs the pattern as an automaton over the candidate (bit-parallel: one bit per pattern
 * position), in time linear in the candidate's length whatever the pattern. Regexes backtrack instead, which with
 * several stars takes time that grows as a power of the candidate's length, and candidates (resource names,
 * object keys) come from requests.
 */
function automatonMatcher(pieces: readonly PatternPiece[], mode: WildcardMode): Matcher {
  const all = tokensFor(pieces, mode);
  // The literal text before the first wildcard and after the last is checked first, by one regex; the automaton
  // runs only over what lies between, so that it usually fits one 31-bit word.
  const { head, tail } = literalEnds(all);
  const tokens = all.slice(head.length, all.length - tail.length);
  if (tokens.length > 30) return arrayAutomaton(all);
  const accept = 1 << tokens.length;
  let starMask = 0;
  let colonStarMask = 0;
  let anyOneMask = 0;
  let colonOneMask = 0;
  // Masks of the positions whose literal is each character: an array for ASCII, a map beyond.
  const asciiMasks = new Int32Array(128);
  const otherMasks = new Map<number, number>();
  let longestStarRun = 0;
  let run = 0;
  tokens.forEach((t, j) => {
    const bit = 1 << j;
    run = t.kind === 'star' ? run + 1 : 0;
    longestStarRun = Math.max(longestStarRun, run);
    if (t.kind === 'star') {
      starMask |= bit;
      if (t.colon) colonStarMask |= bit;
    } else if (t.kind === 'one') {
      anyOneMask |= bit;
      if (t.colon) colonOneMask |= bit;
    } else {
      const code = t.char.charCodeAt(0);
      if (code < 128) asciiMasks[code]! |= bit;
      else otherMasks.set(code, (otherMasks.get(code) ?? 0) | bit);
    }
  });
  // Stars may match nothing: a state before a star is also a state after it, through runs of stars too.
  const close = (states: number): number => {
    let closed = states;
    for (let k = 0; k < longestStarRun; k++) closed |= (closed & starMask) << 1;
    return closed;
  };
  const start = close(1);
  const COLON = 58;
  const ends = literalEndsTest(head, tail);
  return (candidate) => {
    if (!ends(candidate)) return false;
    let states = start;
    const end = candidate.length - tail.length;
    for (let i = head.length; i < end && states !== 0; i++) {
      const code = candidate.charCodeAt(i);
      const literal = code < 128 ? asciiMasks[code]! : (otherMasks.get(code) ?? 0);
      const colon = code === COLON;
      const advance = (literal | (colon ? colonOneMask : anyOneMask)) & states;
      states = close((advance << 1) | (states & (colon ? colonStarMask : starMask)));
    }
    return (states & accept) !== 0;
  };
}

/** The same automaton over an array of states, for patterns of more than 30 steps. */
function arrayAutomaton(tokens: readonly Token[]): Matcher {
  const size = tokens.length + 1;
  const closeOverStars = (states: Uint8Array): void => {
    for (let j = 0; j < tokens.length; j++) if (states[j] && tokens[j]!.kind === 'star') states[j + 1] = 1;
  };
  return (candidate) => {
    let states = new Uint8Array(size);
    let next = new Uint8Array(size);
    states[0] = 1;
    closeOverStars(states);
    for (let i = 0; i < candidate.length; i++) {
      const ch = candidate[i]!;
      next.fill(0);
      for (let j = 0; j < tokens.length; j++) {
        if (!states[j]) continue;
        const token = tokens[j]!;
        if (token.kind === 'char') {
          if (token.char === ch) next[j + 1] = 1;
        } else if (token.kind === 'one') {
          if (token.colon || ch !== ':') next[j + 1] = 1;
        } else if (token.colon || ch !== ':') next[j] = 1;
      }
      closeOverStars(next);
      [states, next] = [next, states];
    }
    return states[tokens.length] === 1;
  };
}

/**
 * A test that the candidate starts with `head` and ends with `tail`, the two not overlapping. A regex, because V8's
 * `startsWith` and `endsWith` compare a character at a time (about 3 ns each here) while a regex compares natively.
 */
function literalEndsTest(head: string, tail: string): Matcher {
  if (head === '' && tail === '') return matchAll;
  const regex = new RegExp(`^${escapeRegex(head)}${tail === '' ? '' : `.*${escapeRegex(tail)}$`}`, 's');
  return (candidate) => regex.test(candidate);
}

/** The number of wild stars that are not the pattern's last character. */
function innerStars(pieces: readonly PatternPiece[]): number {
  let stars = 0;
  let lastIsStar = false;
  for (const piece of pieces) {
    for (const ch of piece.text) {
      lastIsStar = piece.wild && ch === '*';
      if (lastIsStar) stars++;
    }
  }
  return lastIsStar ? stars - 1 : stars;
}

/**
 * The matcher for a sequence of pieces: a regex when the pattern has at most one star before its end, the
 * automaton otherwise. A regex backtracks over every way of splitting the candidate among its stars; with one inner
 * star there are at most as many ways as the candidate has characters, and a final star matches the rest at once,
 * so the time grows with the candidate's length times the pattern's. With two inner stars or more it grows as a
 * power of the candidate's length.
 */
export function compilePieces(pieces: readonly PatternPiece[], mode: WildcardMode): Matcher {
  if (innerStars(pieces) > 1) return automatonMatcher(pieces, mode);
  const regex = new RegExp(regexSourceFor(pieces, mode), 's');
  return (candidate) => regex.test(candidate);
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
  // A prefix test (`arn:aws:s3:::bucket/*`): see literalEndsTest for why it is a regex.
  if (question === -1 && star === text.length - 1) return literalEndsTest(text.slice(0, -1), '');
  return compilePieces([{ text, wild: true }], mode);
}
