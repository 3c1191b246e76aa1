/**
 * Service-linked roles as AWS creates them, per service principal: the role's name (after `AWSServiceRoleFor`
 * in most cases) and the AWS managed policies AWS attaches to it, and whether the service accepts a custom
 * suffix. Extracted from AWS's recorded responses (shared/aws-reference, pr-13720/iam/test_iam.snapshot.json,
 * TestIAMServiceRoles: GetRole and ListAttachedRolePolicies after CreateServiceLinkedRole).
 */

/** What AWS does for one service's service-linked role. */
export interface ServiceRoleSpec {
  /** The role name (without a custom suffix). */
  readonly roleName: string;
  /** The AWS managed policies attached, as paths under `arn:aws:iam::aws:policy/`. */
  readonly policies: readonly string[];
  /** True when CreateServiceLinkedRole accepts a CustomSuffix for this service. */
  readonly customSuffix: boolean;
}

/** The recorded services. */
export const KNOWN_SERVICE_ROLES: Readonly<Record<string, ServiceRoleSpec>> = {
  'accountdiscovery.ssm.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonSSM_AccountDiscovery',
    policies: ['aws-service-role/AWSSystemsManagerAccountDiscoveryServicePolicy'],
    customSuffix: false,
  },
  'acm.amazonaws.com': {
    roleName: 'AWSServiceRoleForCertificateManager',
    policies: ['aws-service-role/CertificateManagerServiceRolePolicy'],
    customSuffix: false,
  },
  'appmesh.amazonaws.com': {
    roleName: 'AWSServiceRoleForAppMesh',
    policies: ['aws-service-role/AWSAppMeshServiceRolePolicy'],
    customSuffix: false,
  },
  'autoscaling-plans.amazonaws.com': {
    roleName: 'AWSServiceRoleForAutoScalingPlans_EC2AutoScaling',
    policies: ['aws-service-role/AWSAutoScalingPlansEC2AutoScalingPolicy'],
    customSuffix: false,
  },
  'autoscaling.amazonaws.com': {
    roleName: 'AWSServiceRoleForAutoScaling',
    policies: ['aws-service-role/AutoScalingServiceRolePolicy'],
    customSuffix: true,
  },
  'backup.amazonaws.com': {
    roleName: 'AWSServiceRoleForBackup',
    policies: ['aws-service-role/AWSBackupServiceLinkedRolePolicyForBackup'],
    customSuffix: false,
  },
  'batch.amazonaws.com': {
    roleName: 'AWSServiceRoleForBatch',
    policies: ['aws-service-role/BatchServiceRolePolicy'],
    customSuffix: false,
  },
  'cassandra.application-autoscaling.amazonaws.com': {
    roleName: 'AWSServiceRoleForApplicationAutoScaling_CassandraTable',
    policies: ['aws-service-role/AWSApplicationAutoscalingCassandraTablePolicy'],
    customSuffix: false,
  },
  'cks.kms.amazonaws.com': {
    roleName: 'AWSServiceRoleForKeyManagementServiceCustomKeyStores',
    policies: ['aws-service-role/AWSKeyManagementServiceCustomKeyStoresServiceRolePolicy'],
    customSuffix: false,
  },
  'cloudtrail.amazonaws.com': {
    roleName: 'AWSServiceRoleForCloudTrail',
    policies: ['aws-service-role/CloudTrailServiceRolePolicy'],
    customSuffix: false,
  },
  'codestar-notifications.amazonaws.com': {
    roleName: 'AWSServiceRoleForCodeStarNotifications',
    policies: ['aws-service-role/AWSCodeStarNotificationsServiceRolePolicy'],
    customSuffix: false,
  },
  'config.amazonaws.com': {
    roleName: 'AWSServiceRoleForConfig',
    policies: ['aws-service-role/AWSConfigServiceRolePolicy'],
    customSuffix: false,
  },
  'connect.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonConnect',
    policies: ['aws-service-role/AmazonConnectServiceLinkedRolePolicy'],
    customSuffix: true,
  },
  'dms-fleet-advisor.amazonaws.com': {
    roleName: 'AWSServiceRoleForDMSFleetAdvisor',
    policies: ['aws-service-role/AWSDMSFleetAdvisorServiceRolePolicy'],
    customSuffix: false,
  },
  'dms.amazonaws.com': {
    roleName: 'AWSServiceRoleForDMSServerless',
    policies: ['aws-service-role/AWSDMSServerlessServiceRolePolicy'],
    customSuffix: false,
  },
  'docdb-elastic.amazonaws.com': {
    roleName: 'AWSServiceRoleForDocDB-Elastic',
    policies: ['aws-service-role/AmazonDocDB-ElasticServiceRolePolicy'],
    customSuffix: false,
  },
  'ec2-instance-connect.amazonaws.com': {
    roleName: 'AWSServiceRoleForEc2InstanceConnect',
    policies: ['aws-service-role/Ec2InstanceConnectEndpoint'],
    customSuffix: false,
  },
  'ec2.application-autoscaling.amazonaws.com': {
    roleName: 'AWSServiceRoleForApplicationAutoScaling_EC2SpotFleetRequest',
    policies: ['aws-service-role/AWSApplicationAutoscalingEC2SpotFleetRequestPolicy'],
    customSuffix: false,
  },
  'ecr.amazonaws.com': {
    roleName: 'AWSServiceRoleForECRTemplate',
    policies: ['aws-service-role/ECRTemplateServiceRolePolicy'],
    customSuffix: false,
  },
  'ecs.amazonaws.com': {
    roleName: 'AWSServiceRoleForECS',
    policies: ['aws-service-role/AmazonECSServiceRolePolicy'],
    customSuffix: false,
  },
  'eks-connector.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonEKSConnector',
    policies: ['aws-service-role/AmazonEKSConnectorServiceRolePolicy'],
    customSuffix: false,
  },
  'eks-fargate.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonEKSForFargate',
    policies: ['aws-service-role/AmazonEKSForFargateServiceRolePolicy'],
    customSuffix: false,
  },
  'eks-nodegroup.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonEKSNodegroup',
    policies: ['aws-service-role/AWSServiceRoleForAmazonEKSNodegroup'],
    customSuffix: false,
  },
  'eks.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonEKS',
    policies: ['aws-service-role/AmazonEKSServiceRolePolicy'],
    customSuffix: false,
  },
  'elasticache.amazonaws.com': {
    roleName: 'AWSServiceRoleForElastiCache',
    policies: ['aws-service-role/ElastiCacheServiceRolePolicy'],
    customSuffix: false,
  },
  'elasticbeanstalk.amazonaws.com': {
    roleName: 'AWSServiceRoleForElasticBeanstalk',
    policies: ['aws-service-role/AWSElasticBeanstalkServiceRolePolicy'],
    customSuffix: false,
  },
  'elasticfilesystem.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonElasticFileSystem',
    policies: ['aws-service-role/AmazonElasticFileSystemServiceRolePolicy'],
    customSuffix: false,
  },
  'elasticloadbalancing.amazonaws.com': {
    roleName: 'AWSServiceRoleForElasticLoadBalancing',
    policies: ['aws-service-role/AWSElasticLoadBalancingServiceRolePolicy'],
    customSuffix: false,
  },
  'email.cognito-idp.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonCognitoIdpEmailService',
    policies: ['aws-service-role/AmazonCognitoIdpEmailServiceRolePolicy'],
    customSuffix: false,
  },
  'emr-containers.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonEMRContainers',
    policies: ['aws-service-role/AmazonEMRContainersServiceRolePolicy'],
    customSuffix: false,
  },
  'emrwal.amazonaws.com': {
    roleName: 'AWSServiceRoleForEMRWAL',
    policies: ['aws-service-role/EMRDescribeClusterPolicyForEMRWAL'],
    customSuffix: false,
  },
  'fis.amazonaws.com': {
    roleName: 'AWSServiceRoleForFIS',
    policies: ['aws-service-role/AmazonFISServiceRolePolicy'],
    customSuffix: false,
  },
  'grafana.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonGrafana',
    policies: ['aws-service-role/AmazonGrafanaServiceLinkedRolePolicy'],
    customSuffix: false,
  },
  'imagebuilder.amazonaws.com': {
    roleName: 'AWSServiceRoleForImageBuilder',
    policies: ['aws-service-role/AWSServiceRoleForImageBuilder'],
    customSuffix: false,
  },
  'iotmanagedintegrations.amazonaws.com': {
    roleName: 'AWSServiceRoleForIoTManagedIntegrations',
    policies: ['aws-service-role/AWSIoTManagedIntegrationsRolePolicy'],
    customSuffix: false,
  },
  'kafka.amazonaws.com': {
    roleName: 'AWSServiceRoleForKafka',
    policies: ['aws-service-role/KafkaServiceRolePolicy'],
    customSuffix: false,
  },
  'kafkaconnect.amazonaws.com': {
    roleName: 'AWSServiceRoleForKafkaConnect',
    policies: ['aws-service-role/KafkaConnectServiceRolePolicy'],
    customSuffix: false,
  },
  'lakeformation.amazonaws.com': {
    roleName: 'AWSServiceRoleForLakeFormationDataAccess',
    policies: ['aws-service-role/LakeFormationDataAccessServiceRolePolicy'],
    customSuffix: false,
  },
  'lex.amazonaws.com': {
    roleName: 'AWSServiceRoleForLexBots',
    policies: ['aws-service-role/AmazonLexBotPolicy'],
    customSuffix: false,
  },
  'lexv2.amazonaws.com': {
    roleName: 'AWSServiceRoleForLexV2Bots',
    policies: ['aws-service-role/AmazonLexV2BotPolicy'],
    customSuffix: true,
  },
  'lightsail.amazonaws.com': {
    roleName: 'AWSServiceRoleForLightsail',
    policies: ['aws-service-role/LightsailExportAccess'],
    customSuffix: false,
  },
  'm2.amazonaws.com': {
    roleName: 'AWSServiceRoleForAWSM2',
    policies: ['aws-service-role/AWSM2ServicePolicy'],
    customSuffix: false,
  },
  'memorydb.amazonaws.com': {
    roleName: 'AWSServiceRoleForMemoryDB',
    policies: ['aws-service-role/MemoryDBServiceRolePolicy'],
    customSuffix: false,
  },
  'mq.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonMQ',
    policies: ['aws-service-role/AmazonMQServiceRolePolicy'],
    customSuffix: false,
  },
  'mrk.kms.amazonaws.com': {
    roleName: 'AWSServiceRoleForKeyManagementServiceMultiRegionKeys',
    policies: ['aws-service-role/AWSKeyManagementServiceMultiRegionKeysServiceRolePolicy'],
    customSuffix: false,
  },
  'notifications.amazonaws.com': {
    roleName: 'AWSServiceRoleForAwsUserNotifications',
    policies: ['aws-service-role/AWSUserNotificationsServiceLinkedRolePolicy'],
    customSuffix: false,
  },
  'observability.aoss.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonOpenSearchServerless',
    policies: ['aws-service-role/AmazonOpenSearchServerlessServiceRolePolicy'],
    customSuffix: false,
  },
  'opensearchservice.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonOpenSearchService',
    policies: ['aws-service-role/AmazonOpenSearchServiceRolePolicy'],
    customSuffix: false,
  },
  'ops.apigateway.amazonaws.com': {
    roleName: 'AWSServiceRoleForAPIGateway',
    policies: ['aws-service-role/APIGatewayServiceRolePolicy'],
    customSuffix: false,
  },
  'ops.emr-serverless.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonEMRServerless',
    policies: ['aws-service-role/AmazonEMRServerlessServiceRolePolicy'],
    customSuffix: false,
  },
  'opsdatasync.ssm.amazonaws.com': {
    roleName: 'AWSServiceRoleForSystemsManagerOpsDataSync',
    policies: ['aws-service-role/AWSSystemsManagerOpsDataSyncServiceRolePolicy'],
    customSuffix: false,
  },
  'opsinsights.ssm.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonSSM_OpsInsights',
    policies: ['aws-service-role/AWSSSMOpsInsightsServiceRolePolicy'],
    customSuffix: false,
  },
  'pullthroughcache.ecr.amazonaws.com': {
    roleName: 'AWSServiceRoleForECRPullThroughCache',
    policies: ['aws-service-role/AWSECRPullThroughCache_ServiceRolePolicy'],
    customSuffix: false,
  },
  'ram.amazonaws.com': {
    roleName: 'AWSServiceRoleForResourceAccessManager',
    policies: ['aws-service-role/AWSResourceAccessManagerServiceRolePolicy'],
    customSuffix: false,
  },
  'rds.amazonaws.com': {
    roleName: 'AWSServiceRoleForRDS',
    policies: ['aws-service-role/AmazonRDSServiceRolePolicy'],
    customSuffix: false,
  },
  'redshift.amazonaws.com': {
    roleName: 'AWSServiceRoleForRedshift',
    policies: ['aws-service-role/AmazonRedshiftServiceLinkedRolePolicy'],
    customSuffix: false,
  },
  'replication.cassandra.amazonaws.com': {
    roleName: 'AWSServiceRoleForKeyspacesReplication',
    policies: ['aws-service-role/KeyspacesReplicationServiceRolePolicy'],
    customSuffix: false,
  },
  'replication.ecr.amazonaws.com': {
    roleName: 'AWSServiceRoleForECRReplication',
    policies: ['aws-service-role/ECRReplicationServiceRolePolicy'],
    customSuffix: false,
  },
  'repository.sync.codeconnections.amazonaws.com': {
    roleName: 'AWSServiceRoleForGitSync',
    policies: ['aws-service-role/AWSGitSyncServiceRolePolicy'],
    customSuffix: false,
  },
  'resource-explorer-2.amazonaws.com': {
    roleName: 'AWSServiceRoleForResourceExplorer',
    policies: ['aws-service-role/AWSResourceExplorerServiceRolePolicy'],
    customSuffix: false,
  },
  'rolesanywhere.amazonaws.com': {
    roleName: 'AWSServiceRoleForRolesAnywhere',
    policies: ['aws-service-role/AWSRolesAnywhereServicePolicy'],
    customSuffix: false,
  },
  's3-outposts.amazonaws.com': {
    roleName: 'AWSServiceRoleForS3OnOutposts',
    policies: ['aws-service-role/AWSS3OnOutpostsServiceRolePolicy'],
    customSuffix: false,
  },
  'ses.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonSES',
    policies: ['aws-service-role/AmazonSESServiceRolePolicy'],
    customSuffix: false,
  },
  'shield.amazonaws.com': {
    roleName: 'AWSServiceRoleForAWSShield',
    policies: ['aws-service-role/AWSShieldServiceRolePolicy'],
    customSuffix: false,
  },
  'ssm-incidents.amazonaws.com': {
    roleName: 'AWSServiceRoleForIncidentManager',
    policies: ['aws-service-role/AWSIncidentManagerServiceRolePolicy'],
    customSuffix: false,
  },
  'ssm-quicksetup.amazonaws.com': {
    roleName: 'AWSServiceRoleForSSMQuickSetup',
    policies: ['aws-service-role/SSMQuickSetupRolePolicy'],
    customSuffix: false,
  },
  'ssm.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonSSM',
    policies: ['aws-service-role/AmazonSSMServiceRolePolicy'],
    customSuffix: false,
  },
  'sso.amazonaws.com': {
    roleName: 'AWSServiceRoleForSSO',
    policies: ['aws-service-role/AWSSSOServiceRolePolicy'],
    customSuffix: false,
  },
  'vpcorigin.cloudfront.amazonaws.com': {
    roleName: 'AWSServiceRoleForCloudFrontVPCOrigin',
    policies: ['aws-service-role/AWSCloudFrontVPCOriginServiceRolePolicy'],
    customSuffix: false,
  },
  'waf.amazonaws.com': {
    roleName: 'AWSServiceRoleForWAFLogging',
    policies: ['aws-service-role/WAFLoggingServiceRolePolicy'],
    customSuffix: false,
  },
  'wafv2.amazonaws.com': {
    roleName: 'AWSServiceRoleForWAFV2Logging',
    policies: ['aws-service-role/WAFV2LoggingServiceRolePolicy'],
    customSuffix: false,
  },
};
