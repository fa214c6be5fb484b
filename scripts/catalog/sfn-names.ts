// Step Functions `aws-sdk:<name>:<action>` integration names: the naming rule and AWS's published list.
//
// Source: "AWS SDK service integrations" in the AWS Step Functions Developer Guide,
// https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html (table "Supported services";
// the list below was taken from the guide's published table of 2022, awsdocs/aws-step-functions-developer-guide,
// doc_source/supported-services-awssdk.md). Every name in that table equals the rule in `sfnNameFor` applied to
// the service's `metadata.serviceId` (checked by the generator on every run), so no per-service exception is needed;
// services added since then (e.g. Bedrock: `aws-sdk:bedrockagent`) follow the same rule but are not flagged
// as documented.

/** Names listed in the guide's table (lower case, as used in `Resource`). */
export const DOCUMENTED_SFN_NAMES: readonly string[] = [
  'accessanalyzer', 'account', 'acm', 'acmpca', 'alexaforbusiness', 'amp', 'amplify', 'amplifybackend',
  'amplifyuibuilder', 'apigateway', 'apigatewayv2', 'appconfig', 'appconfigdata', 'appflow', 'appintegrations',
  'applicationautoscaling', 'applicationdiscovery', 'applicationinsights', 'appmesh', 'appstream', 'appsync',
  'athena', 'auditmanager', 'autoscaling', 'autoscalingplans', 'backup', 'backupgateway', 'batch', 'braket',
  'budgets', 'chime', 'chimesdkmeetings', 'cloud9', 'cloudcontrol', 'clouddirectory', 'cloudformation', 'cloudfront',
  'cloudhsm', 'cloudhsmv2', 'cloudsearch', 'cloudtrail', 'cloudwatch', 'cloudwatchlogs', 'codeartifact', 'codebuild',
  'codecommit', 'codedeploy', 'codeguruprofiler', 'codegurureviewer', 'codepipeline', 'codestar',
  'codestarconnections', 'codestarnotifications', 'cognitoidentity', 'cognitoidentityprovider', 'cognitosync',
  'comprehend', 'comprehendmedical', 'computeoptimizer', 'config', 'connect', 'connectcontactlens',
  'connectparticipant', 'costandusagereport', 'costexplorer', 'databasemigration', 'databrew', 'dataexchange',
  'datapipeline', 'datasync', 'dax', 'detective', 'devicefarm', 'devopsguru', 'directconnect', 'directory', 'dlm',
  'docdb', 'drs', 'dynamodb', 'dynamodbstreams', 'ebs', 'ec2', 'ec2instanceconnect', 'ecr', 'ecrpublic', 'ecs',
  'efs', 'eks', 'elasticache', 'elasticbeanstalk', 'elasticinference', 'elasticloadbalancing',
  'elasticloadbalancingv2', 'elasticsearch', 'elastictranscoder', 'emr', 'emrcontainers', 'eventbridge', 'evidently',
  'firehose', 'fis', 'fms', 'forecast', 'forecastquery', 'frauddetector', 'fsx', 'gamelift', 'glacier', 'glue',
  'grafana', 'greengrass', 'greengrassv2', 'groundstation', 'guardduty', 'healthlake', 'honeycode', 'iam',
  'identitystore', 'imagebuilder', 'inspector', 'inspector2', 'iot', 'iot1clickprojects', 'iotanalytics',
  'iotdeviceadvisor', 'iotevents', 'ioteventsdata', 'iotfleethub', 'iotjobsdataplane', 'iotsecuretunneling',
  'iotsitewise', 'iotthingsgraph', 'iotwireless', 'ivs', 'kafka', 'kafkaconnect', 'kendra', 'kinesis',
  'kinesisanalytics', 'kinesisanalyticsv2', 'kinesisvideo', 'kinesisvideoarchivedmedia', 'kinesisvideomedia',
  'kinesisvideosignaling', 'kms', 'lakeformation', 'lambda', 'lexmodelbuilding', 'lexmodelsv2', 'lexruntime',
  'lexruntimev2', 'licensemanager', 'lightsail', 'location', 'lookoutvision', 'macie', 'macie2', 'managedblockchain',
  'marketplacecatalog', 'marketplacecommerceanalytics', 'marketplaceentitlement', 'marketplacemetering',
  'mediaconnect', 'medialive', 'mediapackage', 'mediapackagevod', 'mediastore', 'mediatailor', 'memorydb',
  'migrationhub', 'migrationhubconfig', 'migrationhubstrategy', 'mobile', 'mq', 'mturk', 'mwaa', 'neptune',
  'networkfirewall', 'networkmanager', 'opensearch', 'opsworks', 'opsworkscm', 'organizations', 'outposts',
  'panorama', 'personalize', 'personalizeevents', 'personalizeruntime', 'pi', 'pinpoint', 'pinpointemail',
  'pinpointsmsvoice', 'polly', 'pricing', 'qldb', 'qldbsession', 'quicksight', 'ram', 'rbin', 'rds', 'rdsdata',
  'redshift', 'redshiftdata', 'rekognition', 'resiliencehub', 'resourcegroups', 'resourcegroupstaggingapi',
  'robomaker', 'route53', 'route53domains', 'route53resolver', 'rum', 's3', 's3control', 's3outposts', 'sagemaker',
  'sagemakera2iruntime', 'sagemakeredge', 'sagemakerfeaturestoreruntime', 'sagemakerruntime', 'savingsplans',
  'schemas', 'secretsmanager', 'securityhub', 'serverlessapplicationrepository', 'servicecatalog',
  'servicecatalogappregistry', 'servicediscovery', 'servicequotas', 'ses', 'sesv2', 'sfn', 'shield', 'signer', 'sms',
  'snowball', 'sns', 'sqs', 'ssm', 'sso', 'ssoadmin', 'ssooidc', 'storagegateway', 'sts', 'support', 'swf',
  'synthetics', 'textract', 'transcribe', 'transfer', 'translate', 'voiceid', 'waf', 'wafregional', 'wafv2',
  'wellarchitected', 'wisdom', 'workdocs', 'workmail', 'workmailmessageflow', 'workspaces', 'workspacesweb', 'xray',
];

/** Listed in the guide as deprecated integrations. */
export const DEPRECATED_SFN_NAMES: readonly string[] = ['mobile', 'macie'];

/** Listed in the guide's table but absent from the final SDK v2 models (the services were retired). */
export const RETIRED_SFN_NAMES: readonly string[] = ['alexaforbusiness', 'codestar', 'honeycode', 'macie', 'mobile'];

/**
 * Exceptions to the rule, keyed by serviceId. Empty: every documented name follows the rule. Add an entry
 * (with the doc URL) if AWS ever publishes a name that does not.
 */
export const SFN_NAME_EXCEPTIONS: Readonly<Record<string, string>> = {};

/**
 * The rule Step Functions' names follow (the same one the AWS SDK for Java v2 uses for its client names):
 * serviceId without spaces and hyphens, lower-cased, and without a trailing " Service" word
 * ("Database Migration Service" -> `databasemigration`, "CloudWatch Logs" -> `cloudwatchlogs`).
 */
export function sfnNameFor(serviceId: string): string {
  const exception = SFN_NAME_EXCEPTIONS[serviceId];
  if (exception) return exception;
  return serviceId
    .replace(/ Service$/, '')
    .replace(/[\s-]+/g, '')
    .toLowerCase();
}
