// The three naming schemes (SDK v3 package, Step Functions aws-sdk name, IAM prefix) round-trip through the catalog,
// and agree with the SDK v3 packages installed in node_modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allServices, findService, matchServices } from '../../../src/core/catalog/index';

// [SDK v3 package, Step Functions name, IAM prefix, serviceId]; facts from DOMAIN.md section 1 and the AWS docs.
const KNOWN: [string, string, string, string][] = [
  ['s3', 's3', 's3', 'S3'],
  ['sfn', 'sfn', 'states', 'SFN'],
  ['cloudwatch-logs', 'cloudwatchlogs', 'logs', 'CloudWatch Logs'],
  ['api-gateway', 'apigateway', 'apigateway', 'API Gateway'],
  ['apigatewayv2', 'apigatewayv2', 'apigateway', 'ApiGatewayV2'],
  ['eventbridge', 'eventbridge', 'events', 'EventBridge'],
  ['cognito-identity-provider', 'cognitoidentityprovider', 'cognito-idp', 'Cognito Identity Provider'],
  ['bedrock-agent', 'bedrockagent', 'bedrock', 'Bedrock Agent'],
  ['bedrock-agent-runtime', 'bedrockagentruntime', 'bedrock', 'Bedrock Agent Runtime'],
  ['dynamodb', 'dynamodb', 'dynamodb', 'DynamoDB'],
  ['lambda', 'lambda', 'lambda', 'Lambda'],
  ['sts', 'sts', 'sts', 'STS'],
  ['iam', 'iam', 'iam', 'IAM'],
  ['secrets-manager', 'secretsmanager', 'secretsmanager', 'Secrets Manager'],
  ['emr', 'emr', 'elasticmapreduce', 'EMR'],
  ['location', 'location', 'geo', 'Location'],
  ['sesv2', 'sesv2', 'ses', 'SESv2'],
  ['sso-admin', 'ssoadmin', 'sso', 'SSO Admin'],
  ['elastic-load-balancing-v2', 'elasticloadbalancingv2', 'elasticloadbalancing', 'Elastic Load Balancing v2'],
  ['cloudwatch', 'cloudwatch', 'cloudwatch', 'CloudWatch'],
  ['database-migration-service', 'databasemigration', 'dms', 'Database Migration Service'],
  ['config-service', 'config', 'config', 'Config Service'],
  ['cost-explorer', 'costexplorer', 'ce', 'Cost Explorer'],
  ['iot-data-plane', 'iotdataplane', 'iot', 'IoT Data Plane'],
];

void test('every known service is found by its SDK v3 name with all three names right', () => {
  for (const [v3, sfn, iamPrefix, serviceId] of KNOWN) {
    const s = findService(v3);
    assert.ok(s, v3);
    assert.deepEqual([s.v3, s.sfn, s.iamPrefix, s.serviceId], [v3, sfn, iamPrefix, serviceId], v3);
  }
});

void test('the Step Functions name and the serviceId lead back to the same service', () => {
  for (const [v3, sfn, , serviceId] of KNOWN) {
    assert.equal(findService(sfn)?.v3, v3, sfn);
    assert.equal(findService(serviceId)?.v3, v3, serviceId);
  }
});

void test('an IAM prefix leads back to its service where the prefix belongs to one service', () => {
  const cases: [string, string][] = [
    ['states', 'sfn'],
    ['logs', 'cloudwatch-logs'],
    ['events', 'eventbridge'],
    ['cognito-idp', 'cognito-identity-provider'],
    ['apigateway', 'api-gateway'],
    ['elasticmapreduce', 'emr'],
    ['geo', 'location'],
    ['dms', 'database-migration-service'],
    ['ce', 'cost-explorer'],
    ['monitoring', 'cloudwatch'],
  ];
  for (const [prefix, v3] of cases) assert.equal(findService(prefix)?.v3, v3, prefix);
  // Shared prefixes list every owner; the service named exactly like the prefix comes first.
  const bedrock = matchServices('bedrock').map((m) => m.service.v3);
  assert.equal(bedrock[0], 'bedrock');
  assert.ok(bedrock.includes('bedrock-agent') && bedrock.includes('bedrock-runtime'));
});

void test('names are found in any casing and in package form', () => {
  assert.equal(findService('S3')?.v3, 's3');
  assert.equal(findService('CloudWatchLogs')?.v3, 'cloudwatch-logs');
  assert.equal(findService('STATES')?.v3, 'sfn');
  assert.equal(findService('@aws-sdk/client-sfn')?.v3, 'sfn');
  assert.equal(findService('client-cloudwatch-logs')?.v3, 'cloudwatch-logs');
  assert.equal(findService('not-a-service'), undefined);
  assert.equal(findService(''), undefined);
});

void test('names are unique per scheme and well formed', () => {
  const services = allServices();
  assert.ok(services.length >= 350, `only ${services.length} services`);
  for (const scheme of ['v3', 'sfn'] as const) {
    const names = services.map((s) => s[scheme]);
    assert.equal(new Set(names).size, names.length, `duplicate ${scheme} names`);
  }
  for (const s of services) {
    assert.match(s.v3, /^[a-z0-9]+(-[a-z0-9]+)*$/, s.v3);
    assert.match(s.sfn, /^[a-z0-9]+$/, s.sfn);
    assert.match(s.iamPrefix, /^[a-zA-Z0-9-]+$/, s.iamPrefix);
    assert.equal(findService(s.v3), s, `${s.v3} does not find itself`);
    assert.equal(findService(s.sfn), s, `${s.sfn} does not find its service`);
  }
});

void test('the SDK v3 packages in node_modules carry the serviceId the catalog derives their name from', () => {
  const root = path.join(__dirname, '..', '..', '..', 'node_modules', '@aws-sdk');
  const clients = fs.readdirSync(root).filter((d) => d.startsWith('client-'));
  assert.ok(clients.length >= 5, 'expected the project SDK v3 clients to be installed');
  for (const dir of clients) {
    const code = fs.readFileSync(path.join(root, dir, 'dist-cjs', 'index.js'), 'utf8');
    const serviceId = /serviceId: config\?\.serviceId \?\? "([^"]+)"/.exec(code)?.[1];
    assert.ok(serviceId, `${dir}: no serviceId`);
    const s = findService(dir.slice('client-'.length));
    assert.equal(s?.v3, dir.slice('client-'.length), dir);
    assert.equal(s?.serviceId, serviceId, dir);
  }
});

void test('every current operation of an installed SDK v3 client is a command of that package', async () => {
  const root = path.join(__dirname, '..', '..', '..', 'node_modules', '@aws-sdk');
  for (const dir of fs.readdirSync(root).filter((d) => d.startsWith('client-'))) {
    const mod = (await import(`@aws-sdk/${dir}`)) as Record<string, unknown>;
    const s = findService(dir.slice('client-'.length))!;
    for (const op of s.operations) {
      if (op.deprecated) continue; // e.g. S3 GetBucketLifecycle: in the model, gone from SDK v3
      assert.equal(typeof mod[`${op.name}Command`], 'function', `${dir}: no ${op.name}Command`);
    }
  }
});

void test('AWS-documented Step Functions names are flagged as documented', () => {
  for (const name of [
    's3',
    'sfn',
    'cloudwatchlogs',
    'apigateway',
    'eventbridge',
    'cognitoidentityprovider',
    'dynamodb',
  ]) {
    assert.equal(findService(name)?.sfnDocumented, true, name);
  }
  assert.equal(findService('bedrock-agent')?.sfnDocumented, false, 'added after the published 2022 table');
});
