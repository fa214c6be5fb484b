// IAM actions for operations, with the documented exceptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findService, iamActionFor } from '../../../src/core/catalog/index';

void test('the default is <iamPrefix>:<Operation>, by any service name and action casing', () => {
  assert.deepEqual(iamActionFor('sfn', 'startExecution'), ['states:StartExecution']);
  assert.deepEqual(iamActionFor('cloudwatchlogs', 'PutLogEvents'), ['logs:PutLogEvents']);
  assert.deepEqual(iamActionFor('eventbridge', 'putEvents'), ['events:PutEvents']);
  assert.deepEqual(iamActionFor('bedrock-agent', 'createAgent'), ['bedrock:CreateAgent']);
  assert.deepEqual(iamActionFor('cognito-identity-provider', 'adminGetUser'), ['cognito-idp:AdminGetUser']);
  assert.deepEqual(iamActionFor('dynamodb', 'getItem'), ['dynamodb:GetItem']);
});

void test('documented exceptions: S3, Lambda, API Gateway, CloudWatch, IoT data plane', () => {
  assert.deepEqual(iamActionFor('s3', 'listBuckets'), ['s3:ListAllMyBuckets']);
  assert.deepEqual(iamActionFor('s3', 'listObjectsV2'), ['s3:ListBucket']);
  assert.deepEqual(iamActionFor('s3', 'headObject'), ['s3:GetObject']);
  assert.deepEqual(iamActionFor('s3', 'copyObject'), ['s3:PutObject', 's3:GetObject']);
  assert.deepEqual(iamActionFor('lambda', 'invoke'), ['lambda:InvokeFunction']);
  assert.deepEqual(iamActionFor('api-gateway', 'getRestApis'), ['apigateway:GET']);
  assert.deepEqual(iamActionFor('api-gateway', 'createRestApi'), ['apigateway:POST']);
  assert.deepEqual(iamActionFor('api-gateway', 'updateRestApi'), ['apigateway:PATCH']);
  assert.deepEqual(iamActionFor('apigatewayv2', 'deleteApi'), ['apigateway:DELETE']);
  assert.deepEqual(iamActionFor('apigatewaymanagementapi', 'postToConnection'), ['execute-api:ManageConnections']);
  assert.deepEqual(iamActionFor('cloudwatch', 'putMetricData'), ['cloudwatch:PutMetricData']);
  assert.equal(findService('iot-data-plane')?.iamPrefix, 'iot');
  assert.deepEqual(iamActionFor('iot-data-plane', 'publish'), ['iot:Publish']);
});

void test('unknown services and operations give undefined, and answers are copies', () => {
  assert.equal(iamActionFor('nope', 'getObject'), undefined);
  assert.equal(iamActionFor('s3', 'nope'), undefined);
  iamActionFor('s3', 'listBuckets')!.push('mutated');
  assert.deepEqual(iamActionFor('s3', 'listBuckets'), ['s3:ListAllMyBuckets']);
});
