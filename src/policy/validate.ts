import type { PolicyDocument, Statement } from './ast.js';
import { parseArn } from './arn.js';
import { compileCondition } from './conditions/dispatch.js';
import type { PolicyFault } from './fault.js';
import { parsePolicyPartially, type PolicyKind } from './parse.js';

/**
 * Validates a policy fully: the grammar, then the AWS rules for actions, resources and conditions.
 * Every fault is returned with its JSON path; an empty list means the policy is valid.
 */
export function validatePolicy(input: unknown, kind: PolicyKind = 'any'): PolicyFault[] {
  const { policy, faults } = parsePolicyPartially(input, kind);
  if (policy !== undefined) for (const fault of semanticFaults(policy)) faults.push(fault);
  return faults;
}

const PARTITIONS = new Set([
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
]);
// Vendors may hold dots (AWS accepts `s3.s`, recorded).
const VENDOR = /^[a-zA-Z0-9_.-]+$/;
const IAM_RESOURCE_PREFIXES = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
];

function semanticFaults(policy: PolicyDocument): PolicyFault[] {
  const faults: PolicyFault[] = [];
  const substitute = policy.version === '2012-10-17';
  for (const statement of policy.statements) {
    const path = statement.path;
    checkActions(statement, path, faults);
    checkResources(statement, path, faults);
    for (const clause of statement.conditions) {
      const where = `${path}.Condition.${clause.operator}.${clause.key}`;
      const compiled = compileCondition(clause, substitute);
      // AWS accepts condition keys without a vendor prefix (recorded CreatePolicy calls), so only the operator
      // and its values are checked.
      if ('fault' in compiled) faults.push({ path: where, code: compiled.code, message: compiled.fault });
    }
    if (!substitute) checkVariablesNeedVersion(statement, path, faults);
  }
  return faults;
}

function checkActions(statement: Statement, path: string, faults: PolicyFault[]): void {
  const element = statement.action !== undefined ? 'Action' : 'NotAction';
  (statement.action ?? statement.notAction ?? []).forEach((action, i) => {
    const where = elementPath(statement, path, element, i);
    if (action === '*') return;
    const colons = action.split(':').length - 1;
    if (colons === 0) {
      faults.push({
        path: where,
        code: 'InvalidActionFormat',
        message: `The action \`${action}\` must be prefaced by a vendor, e.g. \`iam:\`.`,
      });
    } else if (colons > 1) {
      faults.push({
        path: where,
        code: 'InvalidActionFormat',
        message: 'Actions/Condition can contain only one colon.',
      });
    } else {
      const vendor = action.slice(0, action.indexOf(':'));
      if (!VENDOR.test(vendor.replace(/[*?]/g, ''))) {
        faults.push({ path: where, code: 'InvalidActionVendor', message: `Vendor ${vendor} is not valid` });
      }
    }
  });
}

function checkResources(statement: Statement, path: string, faults: PolicyFault[]): void {
  const element = statement.resource !== undefined ? 'Resource' : 'NotResource';
  (statement.resource ?? statement.notResource ?? []).forEach((resource, i) => {
    const where = elementPath(statement, path, element, i);
    const message = resourceFault(resource);
    if (message !== undefined) faults.push({ path: where, code: 'InvalidResourceFormat', message });
  });
}

/** The AWS message for a malformed resource, or `undefined` when it is well formed. */
function resourceFault(resource: string): string | undefined {
  if (resource === '*') return undefined;
  const arn = parseArn(resource);
  if (arn === undefined) {
    const head = resource.split(':');
    if (head[0] === 'arn' && head.length >= 2 && !PARTITIONS.has(head[1]!) && !/[*?]/.test(head[1]!)) {
      return `Partition "${head[1]}" is not valid for resource "${resource}".`;
    }
    return `Resource ${resource} must be in ARN format or "*".`;
  }
  if (!PARTITIONS.has(arn.partition) && !/[*?]/.test(arn.partition)) {
    return `Partition "${arn.partition}" is not valid for resource "${resource}".`;
  }
  if (arn.service === '' || (/[*?]/.test(arn.service) && arn.service !== '*')) {
    return 'Resource vendor must be fully qualified and cannot contain regexes.';
  }
  if (arn.service === 'iam') {
    if (arn.region !== '' && arn.region !== '*')
      return `IAM resource ${resource} cannot contain region information.`;
    const r = arn.resource;
    const ok =
      r === '*' || r === 'root' || r.startsWith('${') || IAM_RESOURCE_PREFIXES.some((p) => r.startsWith(p));
    if (!ok) {
      return `IAM resource path must either be "*", root, or start with ${IAM_RESOURCE_PREFIXES.join(', ')}.`;
    }
  }
  if (
    arn.service === 's3' &&
    arn.region !== '' &&
    arn.region !== '*' &&
    !arn.resource.includes('/') &&
    !arn.resource.startsWith('accesspoint')
  ) {
    return `Resource ${resource} can not contain region information.`;
  }
  return undefined;
}

function checkVariablesNeedVersion(statement: Statement, path: string, faults: PolicyFault[]): void {
  const texts = [
    ...(statement.resource ?? []),
    ...(statement.notResource ?? []),
    ...statement.conditions.flatMap((c) => c.values),
  ];
  if (texts.some(hasVariable)) {
    faults.push({
      path,
      code: 'VariablesNeedVersion',
      message:
        'Policy variables are substituted only in policies with `"Version": "2012-10-17"`; here they are plain text.',
    });
  }
}

/** The JSON path of one value of a list element, which may have been written as a bare string. */
function elementPath(statement: Statement, path: string, element: string, i: number): string {
  return statement.scalarElements.includes(element) ? `${path}.${element}` : `${path}.${element}[${i}]`;
}

/** Whether text holds `${…}` with something inside: a linear scan (a regex here backtracks on `${${${…`). */
function hasVariable(text: string): boolean {
  const open = text.indexOf('${');
  if (open === -1) return false;
  const close = text.indexOf('}', open + 2);
  return close > open + 2 && text.lastIndexOf('${', close) + 2 < close;
}
