import { describe, expect, it } from 'vitest';
import { MemberConstraints, checkPathPrefix } from './member-constraints.js';

function thrown(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('MemberConstraints', () => {
  it('reports every fault in one ValidationError, as AWS does', () => {
    const message = thrown(() =>
      new MemberConstraints()
        .length('roleName', 'x'.repeat(65), 1, 64)
        .range('maxSessionDuration', 1, 3600, 43200)
        .throwIfAny(),
    );
    expect(message).toBe(
      "2 validation errors detected: Value at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64; " +
        "Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    );
  });

  it('matches patterns in full', () => {
    expect(thrown(() => checkPathPrefix('/a/'))).toBeUndefined();
    expect(
      thrown(() =>
        new MemberConstraints()
          .pattern('path', '/a/b', String.raw`(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`)
          .throwIfAny(),
      ),
    ).toMatch(/Value at 'path'/);
    expect(thrown(() => checkPathPrefix('no-slash'))).toMatch(/Value at 'pathPrefix'/);
  });
});
