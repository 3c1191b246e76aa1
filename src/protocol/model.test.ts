import { describe, expect, it } from 'vitest';
import { SERVICE_MODELS, ServiceModel } from './model.js';

describe('the IAM and STS models', () => {
  it('carry the service metadata the wire needs', () => {
    expect(SERVICE_MODELS.iam.apiVersion).toBe('2010-05-08');
    expect(SERVICE_MODELS.iam.xmlNamespace).toBe('https://iam.amazonaws.com/doc/2010-05-08/');
    expect(SERVICE_MODELS.sts.apiVersion).toBe('2011-06-15');
    expect(SERVICE_MODELS.sts.xmlNamespace).toBe('https://sts.amazonaws.com/doc/2011-06-15/');
  });

  it('hold every operation', () => {
    expect(SERVICE_MODELS.iam.operationNames()).toHaveLength(159);
    expect(SERVICE_MODELS.sts.operationNames()).toHaveLength(8);
  });

  it('describe an operation: input members, required ones, and the result wrapper', () => {
    const op = SERVICE_MODELS.iam.operation('CreateUser')!;
    expect(op.input!.members.map((m) => m.name)).toEqual(['Path', 'UserName', 'PermissionsBoundary', 'Tags']);
    expect([...op.input!.required]).toEqual(['UserName']);
    expect(op.resultWrapper).toBe('CreateUserResult');
    expect(op.output!.members.map((m) => m.name)).toEqual(['User']);
  });

  it('resolve shape references into their shapes', () => {
    const model = SERVICE_MODELS.iam;
    const tags = model.operation('CreateUser')!.input!.members.find((m) => m.name === 'Tags')!;
    const list = model.resolve(tags.ref);
    expect(list).toMatchObject({ kind: 'list', memberName: 'member', flattened: false });
    const tag = list.kind === 'list' ? model.resolve(list.member) : undefined;
    expect(tag).toMatchObject({ kind: 'structure', required: new Set(['Key', 'Value']) });
  });

  it('know operations without output', () => {
    const op = SERVICE_MODELS.iam.operation('DeleteUser')!;
    expect(op.output).toBeUndefined();
    expect(op.resultWrapper).toBeUndefined();
  });

  it('answer undefined for unknown operations, inherited property names included', () => {
    expect(SERVICE_MODELS.iam.operation('Nope')).toBeUndefined();
    expect(SERVICE_MODELS.iam.operation('constructor')).toBeUndefined();
    expect(SERVICE_MODELS.iam.operation('__proto__')).toBeUndefined();
  });
});

describe('ServiceModel.resolve', () => {
  const model = new ServiceModel({
    metadata: { apiVersion: '1' },
    operations: {},
    shapes: { Named: { type: 'list', member: {} }, Num: { type: 'integer' } },
  });

  it('treats a shape without a type as a string', () => {
    expect(model.resolve({})).toEqual({ kind: 'string' });
  });

  it("lays a reference's own traits over the named shape", () => {
    expect(model.resolve({ shape: 'Named', flattened: true })).toMatchObject({
      kind: 'list',
      flattened: true,
    });
    expect(model.resolve({ shape: 'Num' })).toEqual({ kind: 'integer' });
  });

  it('refuses unknown shapes and types', () => {
    expect(() => model.resolve({ shape: 'Missing' })).toThrow('the model has no shape Missing');
    expect(() => model.resolve({ type: 'union' })).toThrow('unknown shape type union');
  });
});
