// Wildcard matching. In the Resource element `*` and `?` stay within one colon-delimited ARN segment, except that a
// `*` that is the last character of a segment "can expand to match beyond the colon boundaries":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
// Action and StringLike wildcards match any characters:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compilePieces,
  compileWildcard,
  hasWildcard,
  regexSourceFor,
  type PatternPiece,
  type WildcardMode,
} from './glob.js';

describe('hasWildcard', () => {
  it('finds a star or a question mark anywhere', () => {
    expect([hasWildcard('s3:Get*'), hasWildcard('a?c'), hasWildcard('plain:text')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('compileWildcard in anything mode', () => {
  const matches = (pattern: string, candidate: string, ignoreCase = false) =>
    compileWildcard(pattern, 'anything', ignoreCase)(candidate);

  it('a lone star matches everything, including the empty text', () => {
    expect([matches('*', ''), matches('*', 'iam:CreateUser'), matches('*', 'a:b/c')]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('text without wildcards must be equal, not merely a prefix', () => {
    expect(matches('s3:GetObject', 's3:GetObject')).toBe(true);
    expect(matches('s3:GetObject', 's3:GetObjectAcl')).toBe(false);
    expect(matches('s3:GetObject', 's3:getobject')).toBe(false);
  });

  it('a trailing star matches any continuation, and none', () => {
    expect([
      matches('s3:Get*', 's3:Get'),
      matches('s3:Get*', 's3:GetObject'),
      matches('s3:Get*', 's3:Put'),
    ]).toEqual([true, true, false]);
  });

  it('a star crosses colons and slashes', () => {
    expect(
      matches('arn:*:finance/*', 'arn:aws:x:us-east-2:999999999999:store/a:111122223333:finance/doc'),
    ).toBe(true);
  });

  it('a question mark matches exactly one character, a colon included', () => {
    expect([
      matches('a?c', 'abc'),
      matches('a?c', 'a:c'),
      matches('a?c', 'ac'),
      matches('a?c', 'abbc'),
    ]).toEqual([true, true, false, false]);
  });

  it('a leading or inner star matches a run in the middle', () => {
    expect(matches('*Object*', 's3:GetObjectAcl')).toBe(true);
    expect(matches('iam:*User', 'iam:CreateUser')).toBe(true);
    expect(matches('iam:*User', 'iam:CreateUsers')).toBe(false);
  });

  it('is anchored at both ends', () => {
    expect(matches('Get?bject', 's3:GetObject')).toBe(false);
    expect(matches('s3:Get?bject', 's3:GetObjectAcl')).toBe(false);
  });

  it('treats regex characters in the pattern literally', () => {
    expect(matches('a.b*', 'axb')).toBe(false);
    expect(matches('a.b*', 'a.bc')).toBe(true);
    expect(matches('(x)+[y]?', '(x)+[y]z')).toBe(true);
    expect(matches('(x)+[y]?', 'xx[y]z')).toBe(false);
    expect(matches('$^*', '$^anything')).toBe(true);
  });

  it('lower-cases the pattern when asked to ignore case (candidates come lower-cased)', () => {
    expect(matches('S3:Get*', 's3:getobject', true)).toBe(true);
    expect(matches('IAM:?etUser', 'iam:getuser', true)).toBe(true);
    expect(matches('S3:Get*', 's3:getobject')).toBe(false);
  });
});

describe('compileWildcard in resource mode', () => {
  const matches = (pattern: string, candidate: string) => compileWildcard(pattern, 'resource')(candidate);

  it('a star at the end of the pattern runs past colons', () => {
    expect(
      matches(
        'arn:aws:logs:us-east-1:111122223333:log-group:*',
        'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:web',
      ),
    ).toBe(true);
  });

  it('a star that ends a segment (before a colon) may run past colons', () => {
    expect(matches('arn:aws:iam::*:role/Admin', 'arn:aws:iam::111122223333:role/Admin')).toBe(true);
    expect(
      matches('arn:aws:sns:*:111122223333:alerts', 'arn:aws:sns:us-east-1:extra:111122223333:alerts'),
    ).toBe(true);
  });

  it('a star inside a segment stays within that segment', () => {
    expect(
      matches('arn:aws:sns:us-*-1:111122223333:alerts', 'arn:aws:sns:us-east-1:111122223333:alerts'),
    ).toBe(true);
    expect(
      matches('arn:aws:sns:us-*-1:111122223333:alerts', 'arn:aws:sns:us-east:x-1:111122223333:alerts'),
    ).toBe(false);
  });

  it('a star inside the resource segment does not cross a colon', () => {
    expect(matches('arn:aws:s3:::bucket/*.txt', 'arn:aws:s3:::bucket/a/b.txt')).toBe(true);
    expect(matches('arn:aws:s3:::bucket/*.txt', 'arn:aws:s3:::bucket/a:b.txt')).toBe(false);
  });

  it('a question mark never matches a colon', () => {
    expect(matches('arn:aws:s3:::a?b', 'arn:aws:s3:::a_b')).toBe(true);
    expect(matches('arn:aws:s3:::a?b', 'arn:aws:s3:::a:b')).toBe(false);
  });

  it('text without wildcards is compared exactly and case-sensitively', () => {
    expect(matches('arn:aws:s3:::bucket', 'arn:aws:s3:::bucket')).toBe(true);
    expect(matches('arn:aws:s3:::bucket', 'arn:aws:s3:::Bucket')).toBe(false);
    expect(matches('arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key')).toBe(false);
  });
});

describe('regexSourceFor', () => {
  it('matches literal pieces literally, even a star or a question mark', () => {
    const source = regexSourceFor(
      [
        { text: 'home/', wild: true },
        { text: 'a*?', wild: false },
        { text: '/*', wild: true },
      ],
      'anything',
    );
    const regex = new RegExp(source, 's');
    expect(regex.test('home/a*?/x')).toBe(true);
    expect(regex.test('home/abc/x')).toBe(false);
  });

  it('applies the segment rule across pieces: a wild star before a literal colon ends its segment', () => {
    const pieces = [
      { text: 'arn:aws:sns:*', wild: true },
      { text: ':111122223333:t', wild: false },
    ];
    expect(new RegExp(regexSourceFor(pieces, 'resource'), 's').test('arn:aws:sns:a:b:111122223333:t')).toBe(
      true,
    );
  });

  it('produces an anchored source', () => {
    const source = regexSourceFor([{ text: 'abc', wild: true }], 'resource');
    expect(new RegExp(source).test('xabc')).toBe(false);
    expect(new RegExp(source).test('abcx')).toBe(false);
    expect(new RegExp(source).test('abc')).toBe(true);
  });
});

/**
 * The rules above, written as the plainest dynamic program: going back from the pattern's end, `here[j]` says
 * whether pattern characters i… match candidate characters j…. Every compiled form (equality, prefix regex, regex,
 * automaton) must agree with it.
 */
function referenceMatch(pieces: readonly PatternPiece[], candidate: string, mode: WildcardMode): boolean {
  const flat = pieces.flatMap((piece) => [...piece.text].map((ch) => ({ ch, wild: piece.wild })));
  const n = candidate.length;
  let next = Array.from({ length: n + 1 }, (_, j) => j === n);
  for (let i = flat.length - 1; i >= 0; i--) {
    const { ch, wild } = flat[i]!;
    const here = new Array<boolean>(n + 1).fill(false);
    if (wild && ch === '*') {
      const crossesColons = mode === 'anything' || i === flat.length - 1 || flat[i + 1]!.ch === ':';
      here[n] = next[n]!;
      for (let j = n - 1; j >= 0; j--)
        here[j] = next[j]! || ((crossesColons || candidate[j] !== ':') && here[j + 1]!);
    } else {
      for (let j = 0; j < n; j++) {
        const one = wild && ch === '?' ? mode === 'anything' || candidate[j] !== ':' : candidate[j] === ch;
        here[j] = one && next[j + 1]!;
      }
    }
    next = here;
  }
  return next[0]!;
}

describe('every compiled form agrees with the rules', () => {
  // Few letters, so that patterns and candidates meet often; colons and slashes, so that segments matter.
  const patternText = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/', '*', '?'), maxLength: 14 });
  const candidate = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/'), maxLength: 16 });
  const mode = fc.constantFrom<WildcardMode>('anything', 'resource');

  it('compileWildcard, on whole patterns', () => {
    fc.assert(
      fc.property(patternText, candidate, mode, (pattern, text, m) => {
        expect(compileWildcard(pattern, m)(text)).toBe(
          referenceMatch([{ text: pattern, wild: true }], text, m),
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it('compilePieces, with literal pieces (substituted variables, escapes) among wild ones', () => {
    const pieces = fc.array(fc.record({ text: patternText, wild: fc.boolean() }), { maxLength: 4 });
    fc.assert(
      fc.property(pieces, candidate, mode, (ps, text, m) => {
        expect(compilePieces(ps, m)(text)).toBe(referenceMatch(ps, text, m));
      }),
      { numRuns: 20_000 },
    );
  });
});
