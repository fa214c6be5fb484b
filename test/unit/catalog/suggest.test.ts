// "Did you mean" for service and operation names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestOperation, suggestService } from '../../../src/core/catalog/index';

void test('a name right in another scheme suggests the same service in the wanted scheme', () => {
  assert.deepEqual(suggestService('states'), ['sfn']);
  assert.deepEqual(suggestService('S3'), ['s3']);
  assert.deepEqual(suggestService('cloudwatchlogs'), ['cloudwatch-logs']);
  assert.deepEqual(suggestService('logs'), ['cloudwatch-logs']);
  assert.deepEqual(suggestService('apigateway'), ['api-gateway']);
  assert.deepEqual(suggestService('events'), ['eventbridge']);
  assert.deepEqual(suggestService('cognito-idp'), ['cognito-identity-provider']);
  assert.deepEqual(suggestService('cloudwatch-logs', 'sfn'), ['cloudwatchlogs']);
  assert.deepEqual(suggestService('sfn', 'iam'), ['states']);
  assert.deepEqual(suggestService('step-functions'), ['sfn']);
});

void test('a name already right in the wanted scheme suggests nothing', () => {
  assert.deepEqual(suggestService('sfn'), []);
  assert.deepEqual(suggestService('cloudwatchlogs', 'sfn'), []);
});

void test('misspellings suggest the closest names, best first', () => {
  assert.equal(suggestService('lamda')[0], 'lambda');
  assert.equal(suggestService('dynamo')[0], 'dynamodb');
  assert.equal(suggestService('cloudwatch-log')[0], 'cloudwatch-logs');
  assert.equal(suggestService('secretmanager')[0], 'secrets-manager');
  assert.equal(suggestService('secretmanager', 'sfn')[0], 'secretsmanager');
  assert.deepEqual(suggestService('xyzzy-quux'), []);
  assert.ok(suggestService('dynamo').length <= 3);
});

void test('operations: other casing first, then edit distance, in camelCase unless asked', () => {
  assert.deepEqual(suggestOperation('s3', 'GETOBJECT'), ['getObject']);
  assert.deepEqual(suggestOperation('s3', 'getobject', { form: 'pascal' }), ['GetObject']);
  assert.deepEqual(suggestOperation('s3', 'getObject'), []);
  assert.equal(suggestOperation('sfn', 'startExecutoin')[0], 'startExecution');
  assert.equal(suggestOperation('s3', 'getObjct')[0], 'getObject');
  assert.equal(suggestOperation('states', 'sendTaskSucess')[0], 'sendTaskSuccess');
  assert.deepEqual(suggestOperation('s3', 'completelyDifferentThing'), []);
  assert.deepEqual(suggestOperation('nope', 'getObject'), []);
});
