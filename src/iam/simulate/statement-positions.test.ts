import { describe, expect, it } from 'vitest';
import { statementSpans } from './statement-positions.js';

describe('statementSpans', () => {
  it('reproduces the positions AWS recorded for a one-line document', () => {
    // json.dumps of the recorded test's policy; AWS answered StartPosition 1:41, EndPosition 1:113.
    const doc =
      '{"Version": "2012-10-17", "Statement": {"Sid": "", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}}';
    expect(statementSpans(doc)).toEqual([{ start: { Line: 1, Column: 41 }, end: { Line: 1, Column: 113 } }]);
  });

  it('finds each statement of a list over several lines, ignoring braces inside strings', () => {
    const doc = [
      '{',
      '  "Statement": [',
      '    {"Effect": "Allow", "Action": "a:b", "Resource": "x{}]"},',
      '    {',
      '      "Effect": "Deny", "Action": "c:d", "Resource": "*"',
      '    }',
      '  ],',
      '  "Version": "2012-10-17"',
      '}',
    ].join('\n');
    expect(statementSpans(doc)).toEqual([
      { start: { Line: 3, Column: 6 }, end: { Line: 3, Column: 61 } },
      { start: { Line: 4, Column: 6 }, end: { Line: 6, Column: 6 } },
    ]);
  });

  it('gives nothing for text that is not a policy', () => {
    expect(statementSpans('not json')).toEqual([]);
  });
});
