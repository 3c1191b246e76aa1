import type { ConditionClause } from '../ast.js';
import type { ContextValue, RequestContext } from '../context.js';
import { intern } from '../intern.js';
import { parseTemplate } from '../variables.js';
import { isValueFault, type OperatorSpec, type ValueFault, type ValueTest } from './operator.js';
import { lookupOperator } from './table.js';

/** The set operator in front of a condition operator, if any. */
export type SetQualifier = 'none' | 'ForAllValues' | 'ForAnyValue';

/** A condition operator name taken apart: qualifier, base operator and the `IfExists` flag. */
export interface OperatorName {
  readonly qualifier: SetQualifier;
  readonly base: OperatorSpec;
  readonly ifExists: boolean;
}

/** Where the keys that a request lacked are collected (duplicates allowed), for `MissingContextValues`. */
export type MissingKeys = string[];

/** One compiled condition clause. `test` is true when the clause holds for the request. */
export interface CompiledCondition {
  readonly clause: ConditionClause;
  readonly test: (context: RequestContext, missing: MissingKeys | undefined) => boolean;
}

const FOR_ALL = 'forallvalues:';
const FOR_ANY = 'foranyvalue:';
const IF_EXISTS = 'ifexists';

/** Parses an operator name such as `ForAnyValue:StringLikeIfExists`. */
export function parseOperatorName(name: string): OperatorName | ValueFault {
  let rest = name;
  let qualifier: SetQualifier = 'none';
  const lower = name.toLowerCase();
  if (lower.startsWith(FOR_ALL)) {
    qualifier = 'ForAllValues';
    rest = name.slice(FOR_ALL.length);
  } else if (lower.startsWith(FOR_ANY)) {
    qualifier = 'ForAnyValue';
    rest = name.slice(FOR_ANY.length);
  }
  let ifExists = false;
  let base = lookupOperator(rest);
  if (base === undefined && rest.toLowerCase().endsWith(IF_EXISTS)) {
    ifExists = true;
    base = lookupOperator(rest.slice(0, -IF_EXISTS.length));
  }
  if (base === undefined)
    return { code: 'UnknownOperator', fault: `\`${name}\` is not a condition operator.` };
  if (base.testsPresence && (ifExists || qualifier !== 'none')) {
    return {
      code: 'UnknownOperator',
      fault: `\`${name}\` is not a condition operator: Null takes no qualifier and no IfExists.`,
    };
  }
  return { qualifier, base, ifExists };
}

/**
 * Compiles one clause. `substitute` says whether policy variables are substituted (policy version 2012-10-17).
 */
export function compileCondition(
  clause: ConditionClause,
  substitute: boolean,
): CompiledCondition | ValueFault {
  const parsed = parseOperatorName(clause.operator);
  if ('fault' in parsed) return parsed;
  const { qualifier, base, ifExists } = parsed;
  const templates = clause.values.map((v) => parseTemplate(v, substitute && base.acceptsVariables));
  const compiled = base.compile(templates);
  if (isValueFault(compiled)) return compiled;
  const key = intern(clause.key.toLowerCase());

  if (base.testsPresence) {
    return {
      clause,
      test: (context) => compiled(isAbsent(context.get(key)) ? 'true' : 'false', context) === true,
    };
  }
  return {
    clause,
    test: (context, missing) => {
      const value = context.get(key);
      if (value === undefined) {
        missing?.push(clause.key);
        return whenAbsent(qualifier, ifExists, base.negated);
      }
      if (isNullDataset(value, qualifier)) return whenAbsent(qualifier, ifExists, base.negated);
      return whenPresent(value, qualifier, base.negated, compiled, context);
    },
  };
}

function isAbsent(value: ContextValue | undefined): boolean {
  return value === undefined || (value.kind === 'multi' && value.values.length === 0);
}

/**
 * A present value that the operator treats as no value at all: an empty list, and, under a set operator, an empty
 * string ("if the context key value resolves to a null dataset, such as an empty string": IAM User Guide,
 * multivalued context keys). A plain operator compares an empty string like any other (`"s3:prefix": ""`).
 */
function isNullDataset(value: ContextValue, qualifier: SetQualifier): boolean {
  switch (value.kind) {
    case 'multi':
      return value.values.length === 0;
    case 'single':
      return qualifier !== 'none' && value.value === '';
  }
}

/**
 * A key that the request lacks (or a null dataset): `ForAllValues` holds vacuously and `ForAnyValue` fails, with or
 * without `IfExists` ("For no matching key or a null dataset, the condition returns false"; AWS's CloudFormation
 * example pairs a `ForAnyValue:StringLikeIfExists` deny with a `Null` deny for the missing key, which only the
 * set operator's rule makes necessary). Otherwise `IfExists` holds, and a plain operator holds only when negated.
 */
function whenAbsent(qualifier: SetQualifier, ifExists: boolean, negated: boolean): boolean {
  switch (qualifier) {
    case 'ForAllValues':
      return true;
    case 'ForAnyValue':
      return false;
    case 'none':
      return ifExists || negated;
  }
}

function whenPresent(
  value: ContextValue,
  qualifier: SetQualifier,
  negated: boolean,
  test: ValueTest,
  context: RequestContext,
): boolean {
  switch (value.kind) {
    case 'single': {
      const matched = test(value.value, context);
      if (matched === undefined) return false;
      return negated ? !matched : matched;
    }
    case 'multi': {
      // INVARIANT: each element is judged in the operator's own sense (negation applied per element).
      let all = true;
      let any = false;
      for (const element of value.values) {
        const matched = test(element, context);
        if (matched === undefined) return false;
        const holds = negated ? !matched : matched;
        all &&= holds;
        any ||= holds;
      }
      switch (qualifier) {
        case 'ForAllValues':
          return all;
        case 'ForAnyValue':
          return any;
        case 'none':
          // A single-valued operator over several values: positive operators need one match, negated ones
          // need every value to miss.
          return negated ? all : any;
      }
    }
  }
}
