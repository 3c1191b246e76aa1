import { KNOWN_SERVICE_ROLES, type ServiceRoleSpec } from './known-services.js';

/**
 * The service-linked role spec for a service principal. Services AWS was not recorded for get a role named
 * after the first label of their principal (`foo.amazonaws.com` → `AWSServiceRoleForFoo`), no policies (the
 * catalog does not say which policy AWS would attach), and no custom suffix, as most services refuse one.
 */
export function serviceRoleSpec(service: string): ServiceRoleSpec {
  const known = KNOWN_SERVICE_ROLES[service];
  if (known !== undefined) return known;
  const label = service.split('.')[0] ?? service;
  return {
    roleName: `AWSServiceRoleFor${label.charAt(0).toUpperCase()}${label.slice(1)}`,
    policies: [],
    customSuffix: false,
  };
}

/** The trust policy AWS gives a service-linked role: the service may assume it (recorded GetRole responses). */
export function serviceTrustPolicy(service: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
}
