// Policy validation. Action format ("Actions/Conditions must be prefaced by a vendor"; one colon), condition keys
// need a vendor prefix, resources must be ARNs or "*", IAM resources carry no region, and variables need version
// 2012-10-17:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_policies.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
// Condition operators and their values:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { describe, expect, it } from 'vitest';
import type { PolicyFault } from './fault.js';
import { awsMessageFor } from './fault.js';
import { compilePolicy, parsePolicy, validatePolicy } from './index.js';

const ALLOW = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

// `null` writes a document without a Version element.
function faults(statement: Record<string, unknown>, version: string | null = '2012-10-17') {
  const document =
    version === null ? { Statement: [statement] } : { Version: version, Statement: [statement] };
  return validatePolicy(document).map(({ path, code }) => ({ path, code }));
}

describe('validatePolicy', () => {
  it('finds nothing wrong with a valid policy', () => {
    expect(validatePolicy({ Version: '2012-10-17', Statement: [ALLOW] })).toEqual([]);
    expect(faults({ ...ALLOW, Action: '*', Resource: 'arn:aws:iam::111122223333:role/*' })).toEqual([]);
  });

  it('InvalidActionFormat for an action without a vendor, at its index', () => {
    expect(faults({ ...ALLOW, Action: ['s3:GetObject', 'GetObject'] })).toEqual([
      { path: '$.Statement[0].Action[1]', code: 'InvalidActionFormat' },
    ]);
  });

  it('InvalidActionFormat for an action with two colons, with the AWS message', () => {
    const [fault] = validatePolicy({
      Version: '2012-10-17',
      Statement: [{ ...ALLOW, NotAction: 's3:Get:Object', Action: undefined }],
    });
    expect(fault).toMatchObject({ path: '$.Statement[0].NotAction', code: 'InvalidActionFormat' });
    expect(fault && awsMessageFor(fault)).toBe(
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    );
  });

  it('InvalidActionVendor for a vendor with characters a vendor cannot have', () => {
    expect(faults({ ...ALLOW, Action: 's 3:GetObject' })).toEqual([
      { path: '$.Statement[0].Action', code: 'InvalidActionVendor' },
    ]);
  });

  it('allows wildcards in the vendor of an action', () => {
    expect(faults({ ...ALLOW, Action: 's*:Get*' })).toEqual([]);
  });

  it('InvalidResourceFormat for a resource that is not an ARN, at its index', () => {
    expect(faults({ ...ALLOW, Resource: ['arn:aws:s3:::bucket', 'bucket'] })).toEqual([
      { path: '$.Statement[0].Resource[1]', code: 'InvalidResourceFormat' },
    ]);
  });

  it('InvalidResourceFormat for an unknown partition, and in NotResource', () => {
    expect(faults({ ...ALLOW, Resource: undefined, NotResource: 'arn:aws-mars:s3:::bucket' })).toEqual([
      { path: '$.Statement[0].NotResource', code: 'InvalidResourceFormat' },
    ]);
  });

  it('InvalidResourceFormat for an IAM resource with a region', () => {
    expect(faults({ ...ALLOW, Resource: 'arn:aws:iam:us-east-1:111122223333:user/alice' })).toEqual([
      { path: '$.Statement[0].Resource', code: 'InvalidResourceFormat' },
    ]);
  });

  it('InvalidConditionValue for a value the operator cannot read, at the condition key', () => {
    const condition = {
      NumericLessThan: { 's3:max-keys': 'ten' },
      IpAddress: { 'aws:SourceIp': '10.0.0.0/33' },
    };
    expect(faults({ ...ALLOW, Condition: condition })).toEqual([
      { path: '$.Statement[0].Condition.NumericLessThan.s3:max-keys', code: 'InvalidConditionValue' },
      { path: '$.Statement[0].Condition.IpAddress.aws:SourceIp', code: 'InvalidConditionValue' },
    ]);
  });

  it('accepts a condition key without a vendor prefix, as AWS does (recorded CreatePolicy calls)', () => {
    expect(faults({ ...ALLOW, Condition: { StringEquals: { username: 'alice' } } })).toEqual([]);
  });

  it('accepts a vendor with a dot, as AWS does (recorded: `s3.s`)', () => {
    expect(faults({ ...ALLOW, Action: 's3.s:GetObject' })).toEqual([]);
  });

  it('VariablesNeedVersion when a policy without version 2012-10-17 uses variables', () => {
    const statement = { ...ALLOW, Resource: 'arn:aws:s3:::bucket/${aws:username}/*' };
    expect(faults(statement, null)).toEqual([{ path: '$.Statement[0]', code: 'VariablesNeedVersion' }]);
    expect(faults(statement, '2008-10-17')).toEqual([
      { path: '$.Statement[0]', code: 'VariablesNeedVersion' },
    ]);
    expect(faults(statement)).toEqual([]);
  });

  it('VariablesNeedVersion for a variable in a condition value', () => {
    expect(
      faults({ ...ALLOW, Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*' } } }, null),
    ).toEqual([{ path: '$.Statement[0]', code: 'VariablesNeedVersion' }]);
  });

  it('reports grammar faults and semantic faults of several statements at once', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        { ...ALLOW, Action: 'GetObject', Resource: 'bucket', Unknown: 1 },
        { ...ALLOW, Sid: 'x', Condition: { DateLessThan: { 'aws:CurrentTime': 'soon' } } },
        { ...ALLOW, Sid: 'x' },
      ],
    };
    expect(validatePolicy(document).map(({ path, code }) => ({ path, code }))).toEqual([
      { path: '$.Statement[0].Unknown', code: 'UnknownElement' },
      { path: '$.Statement[2].Sid', code: 'DuplicateSid' },
      { path: '$.Statement[0].Action', code: 'InvalidActionFormat' },
      { path: '$.Statement[0].Resource', code: 'InvalidResourceFormat' },
      { path: '$.Statement[1].Condition.DateLessThan.aws:CurrentTime', code: 'InvalidConditionValue' },
    ]);
  });

  it('validates by policy kind', () => {
    const withPrincipal = { ...ALLOW, Principal: '*' };
    expect(
      validatePolicy({ Version: '2012-10-17', Statement: [withPrincipal] }, 'identity').map((f) => f.code),
    ).toEqual(['PrincipalNotAllowed']);
    expect(
      validatePolicy({ Version: '2012-10-17', Statement: [ALLOW] }, 'resource').map((f) => f.code),
    ).toEqual(['MissingPrincipal']);
  });
});

describe('compilePolicy', () => {
  function compileFaults(condition: Record<string, unknown>): Pick<PolicyFault, 'path' | 'code'>[] {
    const parsed = parsePolicy({
      Version: '2012-10-17',
      Statement: [ALLOW, { ...ALLOW, Condition: condition }],
    });
    if (!parsed.ok) throw new Error('the test policy must parse');
    const compiled = compilePolicy(parsed.policy, 'p');
    return Array.isArray(compiled) ? compiled.map(({ path, code }) => ({ path, code })) : [];
  }

  it('UnknownOperator for an operator that does not exist, at the condition key', () => {
    expect(compileFaults({ StringEqualz: { 'aws:username': 'alice' } })).toEqual([
      { path: '$.Statement[1].Condition.StringEqualz.aws:username', code: 'UnknownOperator' },
    ]);
  });

  it('UnknownOperator for Null with a set qualifier or IfExists', () => {
    expect(compileFaults({ NullIfExists: { 'aws:TokenIssueTime': 'true' } })).toEqual([
      { path: '$.Statement[1].Condition.NullIfExists.aws:TokenIssueTime', code: 'UnknownOperator' },
    ]);
  });

  it('compiles every statement of a valid policy', () => {
    expect(compileFaults({ 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'team-*' } })).toEqual([]);
  });
});
