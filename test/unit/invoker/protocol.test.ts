// The pure invoker protocol: event validation, ALLOWED_CALLS, command and error naming, IAM policy building.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_INVOKER_NAME,
  commandName,
  errorName,
  formatAllowedCalls,
  isCallAllowed,
  parseAllowedCalls,
  parseAllowedRegions,
  validateEvent,
} from '../../../src/core/invoker/protocol';
import {
  iamActionsFor,
  invokerPolicy,
  invokerTrustPolicy,
  samePolicy,
  type IamCatalog,
} from '../../../src/core/invoker/policy';

void test('the CDK payload shape validates as is', () => {
  const cdk = { service: 's3', action: 'getObject', region: 'us-west-2', parameters: { Bucket: 'b', Key: 'k' } };
  assert.deepEqual(validateEvent(cdk), { event: cdk, errors: [] });
  const full = {
    ...cdk,
    endpoint: 'https://s3.us-west-2.amazonaws.com',
    assumeRoleArn: 'arn:aws:iam::222222222222:role/T',
    externalId: 'ext-123',
  };
  assert.deepEqual(validateEvent(full).errors, []);
  assert.equal(DEFAULT_INVOKER_NAME, 'sfn-crossings-invoker');
});

void test('validation reports every problem with a message', () => {
  const { event, errors } = validateEvent({
    service: 'S3',
    action: 'get-object',
    region: 'mars',
    endpoint: 'ftp://x',
    assumeRoleArn: 'role/x',
    Region: 'x',
  });
  assert.equal(event, undefined);
  assert.equal(errors.length, 6);
  assert.ok(errors.some((e) => /did you mean "region"/.test(e)));
  assert.ok(errors.some((e) => /"endpoint" must be an http\(s\) URL/.test(e)));
  for (const region of ['us-gov-west-1', 'cn-north-1', 'ap-southeast-4', 'eu-central-2']) {
    assert.deepEqual(validateEvent({ service: 'sfn', action: 'startExecution', region }).errors, [], region);
  }
});

void test('ALLOWED_CALLS parsing: invalid entries are reported and never allowed', () => {
  const { calls, errors } = parseAllowedCalls(
    ' s3:GetObject,dynamodb:*  cloudwatch-logs:putLogEvents,bad, s3:getObject ,x:y:z',
  );
  assert.deepEqual(calls, [
    { service: 's3', action: 'getObject' },
    { service: 'dynamodb', action: '*' },
    { service: 'cloudwatch-logs', action: 'putLogEvents' },
  ]);
  assert.equal(errors.length, 2);
  assert.equal(isCallAllowed(calls, 's3', 'GETOBJECT'), true);
  assert.equal(isCallAllowed(calls, 's3', 'putObject'), false);
  assert.equal(isCallAllowed(calls, 'dynamodb', 'deleteTable'), true);
  assert.equal(isCallAllowed([], 's3', 'getObject'), false);
  assert.equal(formatAllowedCalls(calls), 'cloudwatch-logs:putLogEvents,dynamodb:*,s3:getObject');
  assert.equal(parseAllowedRegions('*'), undefined);
  assert.deepEqual(parseAllowedRegions('eu-west-1, us-east-1'), ['eu-west-1', 'us-east-1']);
});

void test('command and error names', () => {
  assert.equal(commandName('getObject'), 'GetObjectCommand');
  assert.equal(commandName('listObjectsV2'), 'ListObjectsV2Command');
  assert.equal(errorName('s3', 'NoSuchKey', 'prefixed'), 'S3.NoSuchKeyException');
  assert.equal(
    errorName('dynamodb', 'ConditionalCheckFailedException', 'prefixed'),
    'DynamoDb.ConditionalCheckFailedException',
  );
  assert.equal(errorName('acm-pca', 'ResourceNotFoundException', 'prefixed'), 'AcmPca.ResourceNotFoundException');
  assert.equal(
    errorName('cloudwatch-logs', 'ResourceNotFoundException', 'prefixed'),
    'CloudWatchLogs.ResourceNotFoundException',
  );
  assert.equal(errorName('s3', 'NoSuchKey', 'plain'), 'NoSuchKey');
});

void test('IAM actions: the API catalog by default, a fallback when the catalog does not know', () => {
  assert.deepEqual(iamActionsFor({ service: 'sfn', action: 'startExecution' }), ['states:StartExecution']);
  assert.deepEqual(iamActionsFor({ service: 's3', action: 'listBuckets' }), ['s3:ListAllMyBuckets']);
  assert.deepEqual(iamActionsFor({ service: 'api-gateway', action: 'getRestApis' }), ['apigateway:GET']);
  assert.deepEqual(iamActionsFor({ service: 'dynamodb', action: '*' }), ['dynamodb:*']);
  const empty: IamCatalog = { findService: () => undefined, iamActionFor: () => undefined };
  assert.deepEqual(iamActionsFor({ service: 'sfn', action: 'startExecution' }, empty), ['states:StartExecution']);
  assert.deepEqual(iamActionsFor({ service: 's3', action: 'listBuckets' }, empty), ['s3:ListAllMyBuckets']);
  assert.deepEqual(iamActionsFor({ service: 'cloudwatch-logs', action: 'putLogEvents' }, empty), ['logs:PutLogEvents']);
  const catalog: IamCatalog = {
    findService: (name) => (name === 'location' ? { iamPrefix: 'geo' } : undefined),
    iamActionFor: (service, op) =>
      service === 'location' && op === 'searchPlaceIndexForText' ? 'geo:SearchPlaceIndexForText' : undefined,
  };
  assert.deepEqual(iamActionsFor({ service: 'location', action: 'searchPlaceIndexForText' }, catalog), [
    'geo:SearchPlaceIndexForText',
  ]);
  assert.deepEqual(iamActionsFor({ service: 'location', action: 'getMap' }, catalog), ['geo:GetMap']);
});

void test('the role policy is exactly the allowed calls plus logs; trust is lambda with aws:SourceAccount', () => {
  const policy = invokerPolicy({
    calls: [
      { service: 's3', action: 'getObject' },
      { service: 'sfn', action: 'startExecution' },
    ],
    partition: 'aws',
    account: '123456789012',
    region: 'eu-west-1',
    functionName: 'inv',
  });
  assert.deepEqual(policy.Statement[0], {
    Sid: 'AllowedCalls',
    Effect: 'Allow',
    Action: ['s3:GetObject', 'states:StartExecution'],
    Resource: '*',
  });
  assert.deepEqual(
    policy.Statement.slice(1).map((s) => s.Action),
    ['logs:CreateLogGroup', ['logs:CreateLogStream', 'logs:PutLogEvents']],
  );
  assert.match(
    String(policy.Statement[2]!.Resource),
    /^arn:aws:logs:eu-west-1:123456789012:log-group:\/aws\/lambda\/inv:log-stream:\*$/,
  );
  const trust = invokerTrustPolicy('123456789012');
  assert.deepEqual(trust.Statement[0]!.Condition, { StringEquals: { 'aws:SourceAccount': '123456789012' } });
  assert.ok(
    samePolicy(JSON.parse(JSON.stringify(trust)), {
      ...trust,
      Statement: [{ ...trust.Statement[0], Action: ['sts:AssumeRole'] }],
    }),
  );
});
