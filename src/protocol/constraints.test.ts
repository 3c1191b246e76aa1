import { describe, expect, it } from 'vitest';
import { ConstraintChecker } from './constraint-check.js';
import { type Constraint, SERVICE_CONSTRAINTS } from './constraints.js';
import { type RawShape, SERVICE_MODELS, type Service, type ServiceModel } from './model.js';

/** Every member name in the inputs of each operation of a model, nested members included. */
function inputMembers(model: ServiceModel): Map<string, Set<string>> {
  const byOperation = new Map<string, Set<string>>();
  for (const name of model.operationNames()) {
    const names = new Set<string>();
    const visit = (ref: RawShape, depth: number): void => {
      if (depth > 10) return;
      const shape = model.resolve(ref);
      if (shape.kind === 'structure') {
        for (const m of shape.members) {
          names.add(m.name);
          visit(m.ref, depth + 1);
        }
      } else if (shape.kind === 'list') visit(shape.member, depth + 1);
      else if (shape.kind === 'map') visit(shape.value, depth + 1);
    };
    const input = model.operation(name)?.input;
    for (const m of input?.members ?? []) {
      names.add(m.name);
      visit(m.ref, 1);
    }
    byOperation.set(name, names);
  }
  return byOperation;
}

describe.each(['iam', 'sts'] as Service[])('%s constraint table', (service) => {
  const table = SERVICE_CONSTRAINTS[service];
  const members = inputMembers(SERVICE_MODELS[service]);
  const allMembers = new Set([...members.values()].flatMap((names) => [...names]));

  it('names only members that some operation takes', () => {
    const unknown = Object.keys(table.members).filter((name) => !allMembers.has(name));
    expect(unknown).toEqual([]);
  });

  it('overrides only members that the operation takes', () => {
    for (const [operation, overrides] of Object.entries(table.operations)) {
      expect(members.has(operation), operation).toBe(true);
      for (const member of Object.keys(overrides)) {
        expect(members.get(operation)!.has(member), `${operation}.${member}`).toBe(true);
      }
    }
  });

  it('has patterns that compile as Unicode regular expressions', () => {
    expect(() => new ConstraintChecker(table)).not.toThrow();
  });

  it('has consistent bounds', () => {
    const all: Constraint[] = [
      ...Object.values(table.members),
      ...Object.values(table.operations).flatMap(Object.values),
    ];
    for (const c of all.flatMap((c) => [c, ...(c.items ? [c.items] : [])])) {
      if (c.min !== undefined && c.max !== undefined) expect(c.min).toBeLessThanOrEqual(c.max);
    }
  });
});

describe('pattern semantics', () => {
  const checker = new ConstraintChecker(SERVICE_CONSTRAINTS.iam);
  const name = checker.constraintFor('CreateUser', 'UserName')!;

  it('matches the whole value, as Java String.matches does', () => {
    expect(checker.checkString(name, 'ok', 'userName')).toEqual([]);
    expect(checker.checkString(name, 'ok not', 'userName')).toHaveLength(1);
    expect(checker.checkString(name, 'not\nok', 'userName')).toHaveLength(1);
  });

  it('keeps \\w to ASCII, as Java does', () => {
    expect(checker.checkString(name, 'José', 'userName')).toHaveLength(1);
  });
});
