/**
 * The services iamd names in last-accessed reports: namespace (the action prefix) → the name AWS reports as
 * ServiceName (Service Authorization Reference, each service's page title). A policy that allows `*`, or a
 * wildcard namespace, is reported for the services of this table that it matches; a namespace a policy names
 * that is not here is reported under its namespace as its name. See docs/audit-queries.md.
 */
export const SERVICE_NAMES: Readonly<Record<string, string>> = {
  acm: 'AWS Certificate Manager',
  apigateway: 'Amazon API Gateway',
  athena: 'Amazon Athena',
  autoscaling: 'Amazon EC2 Auto Scaling',
  cloudformation: 'AWS CloudFormation',
  cloudfront: 'Amazon CloudFront',
  cloudtrail: 'AWS CloudTrail',
  cloudwatch: 'Amazon CloudWatch',
  codebuild: 'AWS CodeBuild',
  codecommit: 'AWS CodeCommit',
  codedeploy: 'AWS CodeDeploy',
  codepipeline: 'AWS CodePipeline',
  'cognito-idp': 'Amazon Cognito User Pools',
  config: 'AWS Config',
  dynamodb: 'Amazon DynamoDB',
  ec2: 'Amazon EC2',
  ecr: 'Amazon Elastic Container Registry',
  ecs: 'Amazon Elastic Container Service',
  eks: 'Amazon Elastic Kubernetes Service',
  elasticloadbalancing: 'Elastic Load Balancing',
  events: 'Amazon EventBridge',
  firehose: 'Amazon Data Firehose',
  glue: 'AWS Glue',
  guardduty: 'Amazon GuardDuty',
  iam: 'AWS Identity and Access Management',
  kinesis: 'Amazon Kinesis',
  kms: 'AWS Key Management Service',
  lambda: 'AWS Lambda',
  logs: 'Amazon CloudWatch Logs',
  organizations: 'AWS Organizations',
  rds: 'Amazon RDS',
  route53: 'Amazon Route 53',
  s3: 'Amazon S3',
  secretsmanager: 'AWS Secrets Manager',
  ses: 'Amazon SES',
  signin: 'AWS Sign-In',
  sns: 'Amazon SNS',
  sqs: 'Amazon SQS',
  ssm: 'AWS Systems Manager',
  states: 'AWS Step Functions',
  sts: 'AWS Security Token Service',
  tag: 'Amazon Resource Group Tagging API',
};

/** The name a namespace is reported under. */
export function serviceName(namespace: string): string {
  return SERVICE_NAMES[namespace] ?? namespace;
}
