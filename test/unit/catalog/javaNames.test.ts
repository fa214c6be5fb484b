// The aws-sdk parameter names: model members -> AWS SDK for Java v2 property names (Step Functions' spelling).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { javaAccessorName, javaPropertyName, javaUncapitalize } from '../../../src/core/catalog/javaNames';
import { findOperation } from '../../../src/core/catalog';

void test('leading capitals: the run is lower-cased except a capital that starts the next word', () => {
  assert.equal(javaUncapitalize('DBInstanceIdentifier'), 'dbInstanceIdentifier');
  assert.equal(javaUncapitalize('BOOL'), 'bool');
  assert.equal(javaUncapitalize('KMSKeyId'), 'kmsKeyId');
  assert.equal(javaUncapitalize('IPv6Address'), 'iPv6Address');
  assert.equal(javaUncapitalize('S3Bucket'), 's3Bucket');
  assert.equal(javaUncapitalize('jobName'), 'jobName');
  assert.equal(javaUncapitalize('N'), 'n');
});

void test('the examples of DOMAIN.md and issue 14', () => {
  const cases: Array<[string, string]> = [
    ['DBInstanceIdentifier', 'DbInstanceIdentifier'],
    ['DBSnapshotIdentifier', 'DbSnapshotIdentifier'],
    ['DBClusterIdentifier', 'DbClusterIdentifier'],
    ['DBInstanceClass', 'DbInstanceClass'],
    ['Filters', 'Filters'],
    ['Equals', 'EqualsValue'],
    ['BOOL', 'Bool'],
    ['applicationType', 'ApplicationType'],
    ['agentId', 'AgentId'],
    ['Bucket', 'Bucket'],
    // Only the leading run of capitals changes: inner acronyms stay (Java v2 `sourceDBSnapshotIdentifier()`).
    ['SourceDBSnapshotIdentifier', 'SourceDBSnapshotIdentifier'],
    ['PerformanceInsightsKMSKeyId', 'PerformanceInsightsKMSKeyId'],
  ];
  for (const [model, sfn] of cases) assert.equal(javaPropertyName(model), sfn, model);
});

void test('Java keywords and the methods of every SDK structure get the suffix Value', () => {
  assert.equal(javaPropertyName('NULL'), 'NullValue');
  assert.equal(javaPropertyName('Default'), 'DefaultValue');
  assert.equal(javaPropertyName('Public'), 'PublicValue');
  assert.equal(javaPropertyName('HashCode'), 'HashCodeValue');
  assert.equal(javaPropertyName('ToString'), 'ToStringValue');
  assert.equal(javaPropertyName('Builder'), 'BuilderValue');
  assert.equal(javaAccessorName('Equals'), 'equalsValue');
  // Not reserved: only exact method names and keywords are.
  assert.equal(javaPropertyName('Type'), 'Type');
  assert.equal(javaPropertyName('EqualsTo'), 'EqualsTo');
  assert.equal(javaPropertyName('Booleans'), 'Booleans');
  // `type` is reserved in unions only.
  assert.equal(javaPropertyName('type', true), 'TypeValue');
});

void test('catalog members carry both names: the model (SDK v3) name and the aws-sdk (Java v2) name', () => {
  const op = findOperation('rds', 'createDBSnapshot');
  assert.ok(op);
  const member = op.members.find((m) => m.name === 'DBInstanceIdentifier');
  assert.ok(member);
  assert.equal(member.sfnName, 'DbInstanceIdentifier');
  const filters = findOperation('ec2', 'describeInstances')?.members.find((m) => m.name === 'Filters');
  assert.equal(filters?.sfnName, 'Filters', 'EC2 members are named as in the model, not by their query name Filter.N');
});
