/**
 * IAM's default quotas for identities ("IAM and AWS STS quotas", IAM User Guide), as GetAccountSummary reports
 * them (recorded in shared/aws-reference, test_iam_account_summary) and as the operations enforce them.
 */
export const QUOTAS = {
  UsersQuota: 5000,
  GroupsQuota: 300,
  GroupsPerUserQuota: 10,
  AccessKeysPerUserQuota: 2,
  SigningCertificatesPerUserQuota: 2,
  RolesQuota: 1000,
  InstanceProfilesQuota: 1000,
  PoliciesQuota: 1500,
  PolicyVersionsInUseQuota: 10000,
  VersionsPerPolicyQuota: 5,
  ServerCertificatesQuota: 20,
  AttachedPoliciesPerUserQuota: 10,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: 10,
  UserPolicySizeQuota: 2048,
  GroupPolicySizeQuota: 5120,
  RolePolicySizeQuota: 10240,
  PolicySizeQuota: 6144,
  AssumeRolePolicySizeQuota: 2048,
} as const;
