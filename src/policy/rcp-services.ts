/**
 * The services whose actions resource control policies govern. RCPs have no effect on other services' actions.
 * Source: AWS Organizations User Guide, "Resource control policies (RCPs)", list of AWS services that support RCPs.
 */
const RCP_SERVICES = new Set([
  's3',
  'sts',
  'kms',
  'sqs',
  'secretsmanager',
  'ecr',
  'aoss',
  'cognito-identity',
  'logs',
  'dynamodb',
]);

/** True when RCPs apply to the action's service. */
export function rcpsGovern(action: string): boolean {
  const colon = action.indexOf(':');
  return RCP_SERVICES.has((colon === -1 ? action : action.slice(0, colon)).toLowerCase());
}
