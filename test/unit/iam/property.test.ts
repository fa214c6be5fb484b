// Property test over generated definitions (fast-check): every document is a well-formed IAM policy (Version
// 2012-10-17, Allow statements with service:Action names and ARN or `*` resources, never Action "*"), a `*`
// Resource is always explained by a wildcard entry naming the state (and, for run-time values, the field that
// holds the path or expression), definitions with static values only get no `*` except for actions IAM cannot
// scope, and every sts:AssumeRole trust statement carries a condition.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { toCloudFormation, type IamKit } from '../../../src/core/iam';
import { type AstNode, prop } from '../../../src/core/parse/ast';
import type { AslModel } from '../../../src/core/model/model';
import { assertStatementGrammar, documentsOf, kitOf, list, modelOf, SOURCE, TARGET } from './helpers';

type QL = 'JSONPath' | 'JSONata';

/** A generated value: static, or known only at run time. */
interface Gen {
  task: Record<string, unknown>;
  /** May legitimately need `*` even with static values (actions IAM cannot scope, calls with no ARN template). */
  mayStar: boolean;
  dynamic: boolean;
}

const name = fc.constantFrom('orders', 'jobs', 'Main', 'alpha-1', 'beta_2');
const dyn = fc.boolean();

/** Sets field `key` in `args`, as a static value or a run-time one in the QueryLanguage's syntax. */
function put(args: Record<string, unknown>, key: string, value: unknown, dynamic: boolean, ql: QL): void {
  if (!dynamic) args[key] = value;
  else if (ql === 'JSONata') args[key] = `{% $states.input.${key.toLowerCase()} %}`;
  else args[`${key}.$`] = `$.${key.toLowerCase()}`;
}

function task(
  resource: string,
  fields: Array<[string, unknown, boolean]>,
  ql: QL,
  mayStar = false,
  extra: Record<string, unknown> = {},
): Gen {
  const args: Record<string, unknown> = { ...extra };
  for (const [k, v, d] of fields) put(args, k, v, d, ql);
  return {
    task: { Resource: resource, [ql === 'JSONata' ? 'Arguments' : 'Parameters']: args },
    mayStar,
    dynamic: fields.some((f) => f[2]),
  };
}

const pattern = fc.constantFrom('', '.sync', '.sync:2');

function taskArb(ql: QL): fc.Arbitrary<Gen> {
  return fc.oneof(
    fc.tuple(name, dyn).map(([n, d]) => task('arn:aws:states:::lambda:invoke', [['FunctionName', n, d]], ql)),
    fc
      .tuple(name, dyn, pattern)
      .map(([n, d, p]) =>
        task(
          `arn:aws:states:::states:startExecution${p}`,
          [['StateMachineArn', `arn:aws:states:us-east-1:${SOURCE}:stateMachine:${n}`, d]],
          ql,
        ),
      ),
    fc.tuple(name, dyn).map(([n, d]) =>
      task(
        'arn:aws:states:::sns:publish',
        [
          ['TopicArn', `arn:aws:sns:us-east-1:${SOURCE}:${n}`, d],
          ['Message', 'hi', false],
        ],
        ql,
      ),
    ),
    fc
      .tuple(name, dyn)
      .map(([n, d]) =>
        task(
          'arn:aws:states:::sqs:sendMessage',
          [['QueueUrl', `https://sqs.us-east-1.amazonaws.com/${SOURCE}/${n}`, d]],
          ql,
        ),
      ),
    fc
      .tuple(name, dyn, fc.constantFrom('getItem', 'putItem', 'updateItem', 'deleteItem'))
      .map(([n, d, a]) => task(`arn:aws:states:::dynamodb:${a}`, [['TableName', n, d]], ql)),
    fc
      .tuple(fc.option(name, { nil: undefined }), dyn)
      .map(([n, d]) =>
        task(
          'arn:aws:states:::events:putEvents',
          [['Entries', [n ? { EventBusName: n, Detail: {} } : { Detail: {} }], d]],
          ql,
        ),
      ),
    fc.tuple(name, dyn, fc.boolean()).map(([n, d, sync]) =>
      task(
        `arn:aws:states:::batch:submitJob${sync ? '.sync' : ''}`,
        [
          ['JobDefinition', n, d],
          ['JobQueue', 'q', false],
          ['JobName', 'j', false],
        ],
        ql,
        sync,
      ),
    ),
    fc
      .tuple(name, dyn, fc.boolean())
      .map(([n, d, sync]) =>
        task(`arn:aws:states:::ecs:runTask${sync ? '.sync' : ''}`, [['TaskDefinition', n, d]], ql),
      ),
    fc
      .tuple(name, dyn, fc.boolean())
      .map(([n, d, sync]) => task(`arn:aws:states:::glue:startJobRun${sync ? '.sync' : ''}`, [['JobName', n, d]], ql)),
    fc
      .tuple(name, dyn, fc.boolean())
      .map(([n, d, sync]) =>
        task(`arn:aws:states:::codebuild:startBuild${sync ? '.sync' : ''}`, [['ProjectName', n, d]], ql),
      ),
    fc.tuple(name, dyn, fc.boolean()).map(([n, d, sync]) =>
      task(
        `arn:aws:states:::athena:startQueryExecution${sync ? '.sync' : ''}`,
        [
          ['QueryString', 'SELECT 1', false],
          ['WorkGroup', n, false],
          ['ResultConfiguration', { OutputLocation: `s3://${n}/out/` }, d],
        ],
        ql,
      ),
    ),
    fc.tuple(dyn).map(([d]) =>
      task(
        'arn:aws:states:::bedrock:invokeModel',
        [
          ['ModelId', 'anthropic.claude-v2', d],
          ['Body', { prompt: 'x' }, false],
        ],
        ql,
      ),
    ),
    fc.tuple(dyn, dyn, fc.constantFrom('GET', 'POST')).map(([d1, d2, m]) =>
      task(
        'arn:aws:states:::http:invoke',
        [
          ['ApiEndpoint', 'https://api.example.com/v1', d1],
          ['Method', m, false],
          ['Authentication', { ConnectionArn: `arn:aws:events:us-east-1:${SOURCE}:connection/c1/uuid` }, d2],
        ],
        ql,
      ),
    ),
    fc
      .tuple(
        dyn,
        dyn,
        fc.constantFrom('NO_AUTH', 'IAM_ROLE', 'RESOURCE_POLICY'),
        fc.option(fc.constantFrom('prod', 'dev'), { nil: undefined }),
        fc.constantFrom('GET', 'POST'),
      )
      .map(([d1, d2, auth, stage, method]) => {
        const fields: Array<[string, unknown, boolean]> = [
          ['ApiEndpoint', 'a1b2c3.execute-api.eu-west-1.amazonaws.com', d1],
          ['Method', method, false],
          ['AuthType', auth, false],
          ['Path', '/execution', d2],
        ];
        if (stage) fields.push(['Stage', stage, false]);
        return task('arn:aws:states:::apigateway:invoke', fields, ql);
      }),
    fc.tuple(name, dyn, dyn).map(([n, d1, d2]) =>
      task(
        'arn:aws:states:::aws-sdk:s3:getObject',
        [
          ['Bucket', n, d1],
          ['Key', 'k.json', d2],
        ],
        ql,
      ),
    ),
    fc.tuple(name, dyn).map(([n, d]) => task('arn:aws:states:::aws-sdk:dynamodb:query', [['TableName', n, d]], ql)),
    fc.constant(0).map(() => task('arn:aws:states:::aws-sdk:s3:listBuckets', [], ql, true)),
    fc.constant(0).map(() => task('arn:aws:states:::aws-sdk:ec2:describeInstances', [], ql, true)),
    fc.tuple(fc.constantFrom('s3', 'dynamodb', 'sqs'), dyn).map(([service, d]) => {
      const call = {
        s3: ['getObject', { Bucket: 'b', Key: 'k' }],
        dynamodb: ['getItem', { TableName: 't' }],
        sqs: ['sendMessage', { QueueUrl: `https://sqs.us-west-2.amazonaws.com/${SOURCE}/q` }],
      }[service] as [string, unknown];
      const payload: Record<string, unknown> = { service, action: call[0], parameters: call[1] };
      put(payload, 'region', 'us-west-2', d, ql);
      return {
        ...task(
          'arn:aws:states:::lambda:invoke',
          [
            ['FunctionName', 'sfn-crossings-invoker', false],
            ['Payload', payload, false],
          ],
          ql,
        ),
        dynamic: d,
      };
    }),
  );
}

const credentials = fc.constantFrom<'none' | 'static' | 'dynamic'>('none', 'none', 'static', 'dynamic');

interface GenDef {
  definition: Record<string, unknown>;
  mayStar: boolean;
  dynamic: boolean;
}

function withCredentials(g: Gen, c: 'none' | 'static' | 'dynamic', ql: QL, i: number): Gen {
  if (c === 'none') return g;
  const role = `arn:aws:iam::${TARGET}:role/Target${i % 2}`;
  const Credentials =
    c === 'static'
      ? { RoleArn: role }
      : ql === 'JSONata'
        ? { RoleArn: '{% $states.input.role %}' }
        : { 'RoleArn.$': '$.role' };
  return { ...g, task: { ...g.task, Credentials }, dynamic: g.dynamic || c === 'dynamic' };
}

const definitionArb: fc.Arbitrary<GenDef> = fc.constantFrom<QL>('JSONPath', 'JSONata').chain((ql) =>
  fc
    .tuple(
      fc.array(fc.tuple(taskArb(ql), credentials, fc.constantFrom('root', 'branch', 'map', 'distributed')), {
        minLength: 1,
        maxLength: 6,
      }),
      fc.boolean(),
    )
    .map(([items, dynamicReader]) => {
      const root: Record<string, unknown> = {};
      const branch: Record<string, unknown> = {};
      const inMap: Record<string, unknown> = {};
      const inDistributed: Record<string, unknown> = {};
      let mayStar = false;
      let dynamic = false;
      items.forEach(([g0, c, where], i) => {
        const g = withCredentials(g0, c, ql, i);
        mayStar ||= g.mayStar;
        dynamic ||= g.dynamic;
        const target = { root, branch, map: inMap, distributed: inDistributed }[where];
        target[`S${i}`] = { Type: 'Task', ...g.task };
      });
      const chain = (states: Record<string, unknown>): Record<string, unknown> => {
        const names = Object.keys(states);
        names.forEach((n, i) =>
          Object.assign(states[n] as object, i + 1 < names.length ? { Next: names[i + 1] } : { End: true }),
        );
        return { StartAt: names[0], States: states };
      };
      const states: Record<string, unknown> = { ...root };
      if (Object.keys(branch).length) states.Par = { Type: 'Parallel', Branches: [chain(branch)] };
      if (Object.keys(inMap).length) states.Loop = { Type: 'Map', ItemProcessor: chain(inMap) };
      if (Object.keys(inDistributed).length) {
        const reader: Record<string, unknown> = {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'JSON' },
        };
        const readerArgs: Record<string, unknown> = { Bucket: 'inputs' };
        put(readerArgs, 'Key', 'items.json', dynamicReader, ql);
        reader[ql === 'JSONata' ? 'Arguments' : 'Parameters'] = readerArgs;
        dynamic ||= dynamicReader;
        states.Dist = {
          Type: 'Map',
          ItemReader: reader,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            ...chain(inDistributed),
          },
          ResultWriter: {
            Resource: 'arn:aws:states:::s3:putObject',
            [ql === 'JSONata' ? 'Arguments' : 'Parameters']: { Bucket: 'outputs', Prefix: 'runs' },
          },
        };
      }
      return { definition: { QueryLanguage: ql, ...chain(states) }, mayStar, dynamic };
    }),
);

/** The node at a JSON pointer of the parsed definition. */
function nodeAt(model: AslModel, pointer: string): { node: AstNode; key: string | number | undefined } | undefined {
  let node: AstNode | undefined = model.root;
  let key: string | number | undefined;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node?.kind === 'object') node = prop(node, seg)?.value;
    else if (node?.kind === 'array') node = node.items[Number(seg)];
    else return undefined;
    key = seg;
  }
  return node ? { node, key } : undefined;
}

function checkKit(kit: IamKit, gen: GenDef, model: AslModel): void {
  const stateNames = new Set(model.states.map((s) => s.name));
  const text = JSON.stringify(kit);
  assert.ok(!text.includes('undefined'), 'no "undefined" in any document');
  for (const w of kit.wildcards) {
    assert.ok(stateNames.has(w.state), `wildcard names an existing state: ${w.state}`);
    if (w.reason === 'dynamic') {
      assert.ok(w.field, 'a dynamic wildcard names its field');
      const at = nodeAt(model, w.field!);
      assert.ok(at, `field ${w.field} exists`);
      const isPath = typeof at.key === 'string' && at.key.endsWith('.$');
      const isJsonata = at.node.kind === 'string' && /^\s*\{%[\s\S]*%\}\s*$/.test(at.node.value as string);
      assert.ok(isPath || isJsonata, `field ${w.field} holds a path or a JSONata expression`);
    }
  }
  if (!gen.dynamic)
    assert.ok(!kit.wildcards.some((w) => w.reason === 'dynamic'), 'static definitions have no run-time wildcards');
  for (const doc of documentsOf(kit)) {
    const { policy, name, trust } = doc;
    assert.equal(policy.Version, '2012-10-17', name);
    assert.ok(Array.isArray(policy.Statement), name);
    const sids = policy.Statement.map((s) => s.Sid).filter((s) => s !== undefined);
    assert.equal(new Set(sids).size, sids.length, `unique Sids in ${name}`);
    for (const s of policy.Statement) {
      assertStatementGrammar(name, s, trust);
      if (trust) continue;
      const actions = list(s.Action);
      const resources = list(s.Resource);
      if (resources.includes('*')) {
        const explained = kit.wildcards.filter((w) => w.document === name);
        for (const a of actions)
          assert.ok(
            explained.some((w) => w.actions.includes(a)),
            `${name}: "*" for ${a} is explained`,
          );
        if (!gen.dynamic && !gen.mayStar)
          assert.fail(`${name}: "*" for ${actions.join(',')} in a static definition: ${JSON.stringify(explained)}`);
      }
    }
  }
}

void test('every generated kit is well formed, least-privilege and explains each "*"', () => {
  fc.assert(
    fc.property(definitionArb, (gen) => {
      const model = modelOf(gen.definition);
      const kit = kitOf(gen.definition, {
        invokerArn: `arn:aws:lambda:us-east-2:${SOURCE}:function:sfn-crossings-invoker`,
      });
      checkKit(kit, gen, model);
      // Deterministic, and the CloudFormation form holds the same policies.
      assert.equal(
        JSON.stringify(
          kitOf(gen.definition, { invokerArn: `arn:aws:lambda:us-east-2:${SOURCE}:function:sfn-crossings-invoker` }),
        ),
        JSON.stringify(kit),
      );
      const cfn = JSON.stringify(toCloudFormation(kit));
      assert.ok(cfn.includes(JSON.stringify(kit.executionRole.trustPolicy)));
    }),
    { numRuns: 300 },
  );
});
