// Policy variables: ${key}, defaults ${key, 'default'}, the escapes ${*} ${?} ${$}, substitution only in version
// 2012-10-17 (in 2008-10-17 the text is literal), multivalued keys cannot be variables, and an unresolved variable
// makes its element match nothing:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
// Policy version:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
import { describe, expect, it } from 'vitest';
import { RequestContext } from './context.js';
import { compilePolicyOrThrow, createPolicySet, createRequest, evaluate } from './index.js';
import { parseTemplate, resolveTemplate, resolveTemplateText, templateKeys } from './variables.js';

const context = RequestContext.from({
  'aws:username': 'alice',
  'aws:PrincipalTag/team': 'blue',
  'aws:TagKeys': ['a', 'b'],
});

describe('parseTemplate', () => {
  it('keeps text without variables as one text part', () => {
    expect(parseTemplate('arn:aws:s3:::bucket/*', true)).toEqual({
      raw: 'arn:aws:s3:::bucket/*',
      parts: [{ kind: 'text', text: 'arn:aws:s3:::bucket/*' }],
      hasVariables: false,
    });
  });

  it('splits text around a variable and lower-cases its key', () => {
    const template = parseTemplate('home/${AWS:UserName}/*', true);
    expect(template.parts).toEqual([
      { kind: 'text', text: 'home/' },
      { kind: 'variable', key: 'aws:username', fallback: undefined },
      { kind: 'text', text: '/*' },
    ]);
    expect(template.hasVariables).toBe(true);
  });

  it("reads a default value after a comma, keeping the default's case", () => {
    expect(parseTemplate("${aws:PrincipalTag/team, 'Company-Wide'}", true).parts).toEqual([
      { kind: 'variable', key: 'aws:principaltag/team', fallback: 'Company-Wide' },
    ]);
  });

  it('turns ${*}, ${?} and ${$} into literal characters, not variables', () => {
    const template = parseTemplate('a${*}b${?}c${$}d', true);
    expect(template.parts).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'literal', text: '*' },
      { kind: 'text', text: 'b' },
      { kind: 'literal', text: '?' },
      { kind: 'text', text: 'c' },
      { kind: 'literal', text: '$' },
      { kind: 'text', text: 'd' },
    ]);
    expect(template.hasVariables).toBe(false);
  });

  it('keeps ${...} that is not a key (no vendor prefix) as plain text', () => {
    const template = parseTemplate('x${notakey}y', true);
    expect(template.hasVariables).toBe(false);
    expect(template.parts.map((p) => ('text' in p ? p.text : '')).join('')).toBe('x${notakey}y');
  });

  it('keeps an unterminated ${ as plain text', () => {
    const template = parseTemplate('home/${aws:username', true);
    expect(template.hasVariables).toBe(false);
    expect(resolveTemplateText(template, context)).toBe('home/${aws:username');
  });

  it('substitutes nothing when substitution is off (version 2008-10-17)', () => {
    expect(parseTemplate('home/${aws:username}/${*}', false)).toEqual({
      raw: 'home/${aws:username}/${*}',
      parts: [{ kind: 'text', text: 'home/${aws:username}/${*}' }],
      hasVariables: false,
    });
  });
});

describe('resolveTemplate', () => {
  it('substitutes a single value as a literal piece and keeps policy text wild', () => {
    expect(resolveTemplate(parseTemplate('home/${aws:username}/*', true), context)).toEqual([
      { text: 'home/', wild: true },
      { text: 'alice', wild: false },
      { text: '/*', wild: true },
    ]);
  });

  it('looks keys up without regard to case', () => {
    expect(resolveTemplateText(parseTemplate('${AWS:PRINCIPALTAG/TEAM}', true), context)).toBe('blue');
  });

  it('returns undefined for a missing key without a default', () => {
    expect(
      resolveTemplate(parseTemplate('home/${aws:PrincipalTag/project}/*', true), context),
    ).toBeUndefined();
  });

  it('uses the default for a missing key', () => {
    expect(resolveTemplateText(parseTemplate("${aws:PrincipalTag/project, 'none'}/", true), context)).toBe(
      'none/',
    );
  });

  it('prefers the request value over the default', () => {
    expect(resolveTemplateText(parseTemplate("${aws:PrincipalTag/team, 'none'}", true), context)).toBe(
      'blue',
    );
  });

  it('does not substitute a multivalued key', () => {
    expect(resolveTemplate(parseTemplate('${aws:TagKeys}', true), context)).toBeUndefined();
    expect(resolveTemplateText(parseTemplate("${aws:TagKeys, 'x'}", true), context)).toBe('x');
  });

  it('makes escaped characters literal pieces', () => {
    expect(resolveTemplate(parseTemplate('faq${?}/*', true), context)).toEqual([
      { text: 'faq', wild: true },
      { text: '?', wild: false },
      { text: '/*', wild: true },
    ]);
  });
});

describe('templateKeys', () => {
  it('lists every variable key, lower-cased, and no escapes', () => {
    expect(templateKeys(parseTemplate("${aws:username}/${*}/${aws:PrincipalTag/Team, 'x'}", true))).toEqual([
      'aws:username',
      'aws:principaltag/team',
    ]);
  });
});

describe('variables through the engine', () => {
  const alice = 'arn:aws:iam::111122223333:user/alice';
  function decision(version: string | undefined, resource: string, requestContext = {}) {
    const statement = {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bucket/${aws:username}/*',
    };
    const document =
      version === undefined ? { Statement: [statement] } : { Version: version, Statement: [statement] };
    const policy = compilePolicyOrThrow(document, 'home-folder');
    const request = createRequest({
      principal: alice,
      action: 's3:GetObject',
      resource,
      context: requestContext,
    });
    return evaluate(createPolicySet({ identity: [policy] }), request).decision;
  }

  it('substitutes the variable in version 2012-10-17', () => {
    expect(decision('2012-10-17', 'arn:aws:s3:::bucket/alice/notes.txt')).toBe('allowed');
    expect(decision('2012-10-17', 'arn:aws:s3:::bucket/bob/notes.txt')).toBe('implicitDeny');
  });

  it('treats the variable as literal text in version 2008-10-17', () => {
    expect(decision('2008-10-17', 'arn:aws:s3:::bucket/alice/notes.txt')).toBe('implicitDeny');
    expect(decision('2008-10-17', 'arn:aws:s3:::bucket/${aws:username}/notes.txt')).toBe('allowed');
  });

  it('treats the variable as literal text when the policy has no Version', () => {
    expect(decision(undefined, 'arn:aws:s3:::bucket/alice/notes.txt')).toBe('implicitDeny');
    expect(decision(undefined, 'arn:aws:s3:::bucket/${aws:username}/notes.txt')).toBe('allowed');
  });

  it('matches nothing when the variable cannot be resolved', () => {
    const role = 'arn:aws:sts::111122223333:assumed-role/Reader/s1';
    const statement = {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bucket/${aws:username}/*',
    };
    const policy = compilePolicyOrThrow({ Version: '2012-10-17', Statement: [statement] }, 'home-folder');
    const request = createRequest({
      principal: role,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket//x',
    });
    expect(evaluate(createPolicySet({ identity: [policy] }), request).decision).toBe('implicitDeny');
  });
});
