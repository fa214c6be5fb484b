// The generator's reading of Smithy JSON AST models (a small hand-written model, not AWS's) and of a git copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCatalog, serviceRow } from '../../../scripts/catalog/generate';
import { readModels } from '../../../scripts/catalog/modelSource';
import { readSmithyService, type SmithyModel } from '../../../scripts/catalog/smithy';
import { parseOperation } from '../../../src/core/catalog/model';

const NS = 'com.example.widgets';
const MODEL: SmithyModel = {
  shapes: {
    [`${NS}#WidgetService`]: {
      type: 'service',
      version: '2024-01-02',
      operations: [{ target: `${NS}#ListWidgets` }],
      resources: [{ target: `${NS}#Widget` }],
      traits: {
        'aws.api#service': { sdkId: 'Widget Works', arnNamespace: 'widgetworks' },
        'aws.auth#sigv4': { name: 'widgets' },
      },
    },
    [`${NS}#Widget`]: {
      type: 'resource',
      create: { target: `${NS}#CreateWidget` },
      operations: [{ target: `${NS}#PokeWidget` }],
      resources: [{ target: `${NS}#Gear` }],
    },
    [`${NS}#Gear`]: { type: 'resource', read: { target: `${NS}#GetGear` } },
    [`${NS}#ListWidgets`]: { type: 'operation', input: { target: 'smithy.api#Unit' } },
    [`${NS}#GetGear`]: {
      type: 'operation',
      input: { target: `${NS}#GetGearInput` },
      traits: { 'smithy.api#http': { method: 'GET', uri: '/gears/{gearId}' } },
    },
    [`${NS}#PokeWidget`]: { type: 'operation', traits: { 'smithy.api#deprecated': {} } },
    [`${NS}#CreateWidget`]: { type: 'operation', input: { target: `${NS}#CreateWidgetInput` } },
    [`${NS}#GetGearInput`]: {
      type: 'structure',
      members: { gearId: { target: 'smithy.api#String', traits: { 'smithy.api#required': {} } } },
    },
    [`${NS}#CreateWidgetInput`]: {
      type: 'structure',
      members: {
        DBName: { target: 'smithy.api#String', traits: { 'smithy.api#required': {} } },
        ClientToken: {
          target: 'smithy.api#String',
          traits: { 'smithy.api#required': {}, 'smithy.api#idempotencyToken': {} },
        },
        Size: { target: `${NS}#Size`, traits: { 'smithy.api#required': {}, 'smithy.api#default': 1 } },
        Color: { target: `${NS}#Color`, traits: { 'smithy.api#required': {}, 'smithy.api#default': null } },
        Shape: { target: `${NS}#ShapeUnion` },
        Tags: { target: `${NS}#TagSet` },
        Extra: { target: 'smithy.api#Document' },
        Equals: { target: 'smithy.api#Boolean' },
      },
    },
    [`${NS}#Size`]: { type: 'intEnum', members: {} },
    [`${NS}#Color`]: { type: 'enum', members: {} },
    [`${NS}#ShapeUnion`]: { type: 'union', members: {} },
    [`${NS}#TagSet`]: { type: 'list', members: {} },
  } as SmithyModel['shapes'],
};

void test('a Smithy model: names, operations bound through resources, members with their types', () => {
  const s = readSmithyService(MODEL);
  assert.equal(s.sdkId, 'Widget Works');
  assert.equal(s.version, '2024-01-02');
  assert.equal(s.signingName, 'widgets');
  assert.equal(s.endpointPrefix, 'widgetworks', 'endpointPrefix defaults to arnNamespace');
  assert.deepEqual(
    s.operations.map((o) => o.name),
    ['CreateWidget', 'GetGear', 'ListWidgets', 'PokeWidget'],
  );
  assert.equal(s.operations.find((o) => o.name === 'PokeWidget')?.deprecated, true);
  assert.equal(s.operations.find((o) => o.name === 'GetGear')?.method, 'GET');
  assert.deepEqual(s.operations.find((o) => o.name === 'ListWidgets')?.members, []);
  const create = s.operations.find((o) => o.name === 'CreateWidget')!;
  assert.deepEqual(
    create.members.map((m) => `${m.required ? '!' : ''}${m.name}:${m.type}`),
    [
      '!DBName:string',
      'ClientToken:string', // the SDKs fill an idempotency token in
      'Size:integer', // a default applies when it is absent
      '!Color:string', // a null default is no default
      'Shape:structure',
      'Tags:list',
      'Extra:document',
      'Equals:boolean',
    ],
  );
});

void test('a catalog row keeps the three names and parses back with both member spellings', () => {
  const row = serviceRow('widget-works', readSmithyService(MODEL), 'WidgetWorks');
  assert.deepEqual(row.slice(0, 8), [
    'widget-works',
    'widgetworks',
    'widgets',
    'Widget Works',
    'WidgetWorks',
    '2024-01-02',
    'widgetworks',
    'widgets',
  ]);
  const create = parseOperation(row[9].find((l) => l.startsWith('CreateWidget '))!);
  assert.deepEqual(create.required, ['DBName', 'Color']);
  assert.deepEqual(
    create.members.map((m) => [m.name, m.sfnName]),
    [
      ['DBName', 'DbName'],
      ['ClientToken', 'ClientToken'],
      ['Size', 'Size'],
      ['Color', 'Color'],
      ['Shape', 'Shape'],
      ['Tags', 'Tags'],
      ['Extra', 'Extra'],
      ['Equals', 'EqualsValue'],
    ],
  );
  assert.equal(create.members.find((m) => m.name === 'Extra')?.type, 'document');
});

void test('models are read from a git copy at a commit, and the catalog records that commit and its date', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-models-'));
  try {
    const file = path.join(dir, 'widget-works', 'service', '2024-01-02', 'widget-works-2024-01-02.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(MODEL));
    fs.writeFileSync(path.join(dir, 'README.md'), 'not a model\n');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GIT_COMMITTER_DATE: '2025-04-02T09:45:25-07:00' },
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'models');
    const set = readModels(dir);
    assert.deepEqual(
      set.files.map((f) => f.path),
      ['widget-works/service/2024-01-02/widget-works-2024-01-02.json'],
    );
    assert.equal(set.date, '2025-04-02T09:45:25-07:00');
    assert.match(set.commit, /^[0-9a-f]{40}$/);
    const { file: catalog, warnings } = buildCatalog(set, path.join(dir, 'no-sdk-v2-here'));
    assert.deepEqual(catalog.models, { repository: 'aws/api-models-aws', commit: set.commit, date: set.date });
    assert.equal(catalog.source, `aws/api-models-aws@${set.commit.slice(0, 12)} (2025-04-02)`);
    assert.deepEqual(
      catalog.services.map((r) => r[0]),
      ['widget-works'],
    );
    // The small model lacks the services AWS documents for Step Functions: the generator says so.
    assert.ok(warnings.some((w) => w.includes('documented Step Functions name without a model: s3')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
