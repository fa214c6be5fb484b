// The JSON Schemas in schemas/ (draft-07): every crossing part of every snippet validates against its schema,
// the seeds' broken example and other known mistakes are rejected, and the schemas agree with the crossing
// rules of the core on a table of cases (a cross-check: two independent descriptions of the same AWS facts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  getLanguageService,
  TextDocument,
  type JSONSchema,
} from 'vscode-json-languageservice/lib/esm/jsonLanguageService';
import { analyze, lint } from '../../../src/core/lint';
import { DEFAULT_INVOKER_FUNCTION_NAME } from '../../../src/core/invokerName';
import { pointerOf, toValue } from '../../../src/core/parse/ast';
import { SNIPPETS } from '../../../scripts/snippets/catalog';
import { APIGATEWAY_FORBIDDEN, HTTP_FORBIDDEN } from '../../../scripts/snippets/schemas';
import { crossingParts, type PartKind } from '../../../src/extension/schema/parts';
import { PART_SCHEMAS } from '../../../src/extension/schema/schemas';
import { expandSnippet } from './expand';
import { jsonMachine, yamlMachine } from './machine';

const root = path.resolve(__dirname, '../../..');
const ls = getLanguageService({});
const INVOKERS = [DEFAULT_INVOKER_FUNCTION_NAME];

/** Schema problems (messages) for one value. */
async function schemaProblems(kind: PartKind, value: unknown): Promise<string[]> {
  const doc = TextDocument.create(`test:///${kind}.json`, 'json', 1, JSON.stringify(value, null, 2));
  const diagnostics = await ls.doValidation(
    doc,
    ls.parseJSONDocument(doc),
    { schemaValidation: 'error' },
    PART_SCHEMAS[kind],
  );
  return diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

void test('the schemas are draft-07 documents with a title, descriptions and enums', () => {
  for (const file of fs.readdirSync(path.join(root, 'schemas'))) {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', file), 'utf8')) as JSONSchema;
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#', file);
    assert.ok(schema.title && schema.description, file);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      assert.ok(typeof property === 'object' && property.description, `${file}: ${name} has no description`);
    }
  }
  const auth = PART_SCHEMAS['apigateway-invoke'].properties!.AuthType as JSONSchema;
  assert.deepEqual((auth.anyOf![0] as JSONSchema).enum, ['NO_AUTH', 'IAM_ROLE', 'RESOURCE_POLICY']);
});

void test('every crossing part of every snippet (both forms) validates against its schema', async () => {
  const jsonFile = JSON.parse(fs.readFileSync(path.join(root, 'snippets/asl.json'), 'utf8'));
  const yamlFile = JSON.parse(fs.readFileSync(path.join(root, 'snippets/asl-yaml.json'), 'utf8'));
  const seen = new Map<PartKind, number>();
  for (const spec of SNIPPETS) {
    const placed = [
      { text: jsonMachine(spec, expandSnippet(jsonFile[spec.name].body).text), languageId: 'asl' as const },
      { text: yamlMachine(spec, expandSnippet(yamlFile[spec.name].body).text), languageId: 'asl-yaml' as const },
    ];
    for (const { text, languageId } of placed) {
      const model = analyze(text, { languageId }).model!;
      for (const part of crossingParts(model, INVOKERS)) {
        seen.set(part.kind, (seen.get(part.kind) ?? 0) + 1);
        const problems = await schemaProblems(part.kind, toValue(part.node));
        assert.deepEqual(problems, [], `${spec.prefix} (${languageId}) ${part.kind} of ${part.state.name}`);
      }
    }
  }
  for (const kind of Object.keys(PART_SCHEMAS) as PartKind[])
    assert.ok((seen.get(kind) ?? 0) >= 4, `few ${kind} parts: ${seen.get(kind)}`);
});

void test("the schema rejects the seeds' broken apigateway:invoke example (a non-API-Gateway URL, AuthType BOGUS)", async () => {
  const problems = await schemaProblems('apigateway-invoke', {
    ApiEndpoint: 'https://api.example.com/data',
    Method: 'GET',
    Headers: { Authorization: ['Bearer abc123'] },
    AuthType: 'BOGUS',
  });
  const all = problems.join('\n');
  assert.match(all, /ApiEndpoint must be an API Gateway host/);
  assert.match(all, /NO_AUTH.*IAM_ROLE.*RESOURCE_POLICY/s);
  assert.match(all, /API Gateway rejects this header/);
});

// Cross-check with the core's crossing rules: each case is a Task whose crossing part is valid or not; the
// schema's verdict and the rules' verdict (an error finding inside the part) must both match `valid`.
interface Case {
  title: string;
  kind: PartKind;
  valid: boolean;
  task: Record<string, unknown>;
}
const APIGW = 'arn:aws:states:::apigateway:invoke';
const HTTP = 'arn:aws:states:::http:invoke';
const HOST = 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com';
const CONNECTION = 'arn:aws:events:us-east-1:111111111111:connection/my-api/0123abcd-4567-89ef-0123-456789abcdef';
const apigw = (parameters: Record<string, unknown>) => ({ Resource: APIGW, Parameters: parameters });
const http = (parameters: Record<string, unknown>) => ({ Resource: HTTP, Parameters: parameters });
const invoker = (parameters: Record<string, unknown>) => ({
  Resource: `arn:aws:lambda:us-east-1:111111111111:function:${DEFAULT_INVOKER_FUNCTION_NAME}`,
  Parameters: parameters,
});
const lambdaWith = (credentials: unknown) => ({
  Resource: 'arn:aws:states:::lambda:invoke',
  Credentials: credentials,
  Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:222222222222:function:f', 'Payload.$': '$' },
});

const CASES: Case[] = [
  {
    title: 'seed: apigateway:invoke on a non-API-Gateway URL',
    kind: 'apigateway-invoke',
    valid: false,
    task: apigw({ ApiEndpoint: 'https://api.example.com/data', Method: 'GET' }),
  },
  {
    title: 'AuthType BOGUS',
    kind: 'apigateway-invoke',
    valid: false,
    task: apigw({ ApiEndpoint: HOST, Method: 'GET', AuthType: 'BOGUS' }),
  },
  {
    title: 'Method FETCH',
    kind: 'apigateway-invoke',
    valid: false,
    task: apigw({ ApiEndpoint: HOST, Method: 'FETCH' }),
  },
  {
    title: 'a header value that is not an array',
    kind: 'apigateway-invoke',
    valid: false,
    task: apigw({ ApiEndpoint: HOST, Method: 'GET', Headers: { Accept: 'application/json' } }),
  },
  {
    title: 'an Authorization header',
    kind: 'apigateway-invoke',
    valid: false,
    task: apigw({ ApiEndpoint: HOST, Method: 'GET', Headers: { Authorization: ['Bearer x'] } }),
  },
  {
    title: 'a body with GET',
    kind: 'apigateway-invoke',
    valid: false,
    task: apigw({ ApiEndpoint: HOST, Method: 'GET', RequestBody: { a: 1 } }),
  },
  {
    title: 'an unknown parameter',
    kind: 'apigateway-invoke',
    valid: false,
    task: apigw({ ApiEndpoint: HOST, Method: 'GET', Body: {} }),
  },
  { title: 'no Method', kind: 'apigateway-invoke', valid: false, task: apigw({ ApiEndpoint: HOST }) },
  {
    title: 'a correct IAM_ROLE call with query arrays',
    kind: 'apigateway-invoke',
    valid: true,
    task: apigw({
      ApiEndpoint: HOST,
      Method: 'GET',
      Stage: 'prod',
      QueryParameters: { a: ['1'] },
      AuthType: 'IAM_ROLE',
    }),
  },
  {
    title: 'Credentials with another key',
    kind: 'credentials',
    valid: false,
    task: lambdaWith({ RoleArn: 'arn:aws:iam::222222222222:role/R', ExternalId: 'x' }),
  },
  { title: 'empty Credentials', kind: 'credentials', valid: false, task: lambdaWith({}) },
  {
    title: 'Credentials RoleArn not an ARN',
    kind: 'credentials',
    valid: false,
    task: lambdaWith({ RoleArn: 'not-an-arn' }),
  },
  {
    title: 'Credentials with a user ARN',
    kind: 'credentials',
    valid: false,
    task: lambdaWith({ RoleArn: 'arn:aws:iam::222222222222:user/bob' }),
  },
  {
    title: 'Credentials with RoleArn and RoleArn.$',
    kind: 'credentials',
    valid: false,
    task: lambdaWith({ RoleArn: 'arn:aws:iam::222222222222:role/R', 'RoleArn.$': '$.r' }),
  },
  {
    title: 'Credentials with a role ARN',
    kind: 'credentials',
    valid: true,
    task: lambdaWith({ RoleArn: 'arn:aws:iam::222222222222:role/path/R' }),
  },
  {
    title: 'Credentials from a path',
    kind: 'credentials',
    valid: true,
    task: lambdaWith({ 'RoleArn.$': '$.roleArn' }),
  },
  {
    title: 'http:invoke without Authentication',
    kind: 'http-invoke',
    valid: false,
    task: http({ ApiEndpoint: 'https://api.example.com/x', Method: 'GET' }),
  },
  {
    title: 'http:invoke on http://',
    kind: 'http-invoke',
    valid: false,
    task: http({
      ApiEndpoint: 'http://api.example.com/x',
      Method: 'GET',
      Authentication: { ConnectionArn: CONNECTION },
    }),
  },
  {
    title: 'http:invoke with an Authorization header',
    kind: 'http-invoke',
    valid: false,
    task: http({
      ApiEndpoint: 'https://api.example.com/x',
      Method: 'GET',
      Authentication: { ConnectionArn: CONNECTION },
      Headers: { Authorization: 'Bearer x' },
    }),
  },
  {
    title: 'http:invoke with a bad RequestBodyEncoding',
    kind: 'http-invoke',
    valid: false,
    task: http({
      ApiEndpoint: 'https://api.example.com/x',
      Method: 'POST',
      Authentication: { ConnectionArn: CONNECTION },
      Transform: { RequestBodyEncoding: 'FORM' },
    }),
  },
  {
    title: 'http:invoke with a connection that is not a connection ARN',
    kind: 'http-invoke',
    valid: false,
    task: http({
      ApiEndpoint: 'https://api.example.com/x',
      Method: 'GET',
      Authentication: { ConnectionArn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:x' },
    }),
  },
  {
    title: 'a correct http:invoke',
    kind: 'http-invoke',
    valid: true,
    task: http({
      ApiEndpoint: 'https://api.example.com/x',
      Method: 'GET',
      Authentication: { ConnectionArn: CONNECTION },
      QueryParameters: { a: 'b' },
    }),
  },
  {
    title: 'invoker payload without region',
    kind: 'invoker-payload',
    valid: false,
    task: invoker({ service: 's3', action: 'listBuckets' }),
  },
  {
    title: 'invoker payload with an unknown field',
    kind: 'invoker-payload',
    valid: false,
    task: invoker({ service: 's3', action: 'listBuckets', region: 'us-west-2', Region: 'x' }),
  },
  {
    title: 'invoker payload with a PascalCase action',
    kind: 'invoker-payload',
    valid: false,
    task: invoker({ service: 's3', action: 'ListBuckets', region: 'us-west-2' }),
  },
  {
    title: 'invoker payload with a bad region',
    kind: 'invoker-payload',
    valid: false,
    task: invoker({ service: 's3', action: 'listBuckets', region: 'uswest2' }),
  },
  {
    title: 'a correct invoker payload',
    kind: 'invoker-payload',
    valid: true,
    task: invoker({ service: 's3', action: 'listBuckets', region: 'us-west-2' }),
  },
];

for (const c of CASES) {
  void test(`schema and crossing rules agree: ${c.title} (${c.valid ? 'valid' : 'invalid'})`, async () => {
    const definition = { StartAt: 'T', States: { T: { Type: 'Task', ...c.task, End: true } } };
    const text = JSON.stringify(definition, null, 2);
    const part = crossingParts(analyze(text).model!, INVOKERS).find((p) => p.kind === c.kind);
    assert.ok(part, `no ${c.kind} part found`);
    const problems = await schemaProblems(c.kind, toValue(part.node));
    assert.equal(problems.length === 0, c.valid, `schema: ${problems.join('; ') || 'no problem'}`);
    const partPointer = pointerOf(part.node);
    const ruleErrors = lint(text).filter(
      (f) =>
        f.severity === 'error' &&
        (f.path === partPointer || f.path.startsWith(partPointer + '/') || f.path === part.state.pointer),
    );
    assert.equal(
      ruleErrors.length === 0,
      c.valid,
      `rules: ${ruleErrors.map((f) => `${f.code} ${f.path} ${f.message}`).join('; ') || 'no error'}`,
    );
  });
}

// The forbidden header lists, header by header (and a prefix example), in both validators.
const headerCases: Array<{ kind: PartKind; header: string; task: (h: string) => Record<string, unknown> }> = [
  ...[...APIGATEWAY_FORBIDDEN.names, ...APIGATEWAY_FORBIDDEN.prefixes.map((p) => `${p}-Test`)].map((header) => ({
    kind: 'apigateway-invoke' as const,
    header,
    task: (h: string) => apigw({ ApiEndpoint: HOST, Method: 'GET', Headers: { [h]: ['x'] } }),
  })),
  ...[...HTTP_FORBIDDEN.names, ...HTTP_FORBIDDEN.prefixes.map((p) => `${p}test`)].map((header) => ({
    kind: 'http-invoke' as const,
    header,
    task: (h: string) =>
      http({
        ApiEndpoint: 'https://api.example.com/x',
        Method: 'GET',
        Authentication: { ConnectionArn: CONNECTION },
        Headers: { [h]: 'x' },
      }),
  })),
];

void test('schema and crossing rules refuse the same headers, whatever their case', async () => {
  const disagreements: string[] = [];
  for (const c of headerCases) {
    for (const header of [c.header, c.header.toLowerCase()]) {
      const text = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', ...c.task(header), End: true } } });
      const part = crossingParts(analyze(text).model!, INVOKERS).find((p) => p.kind === c.kind)!;
      const schemaRejects = (await schemaProblems(c.kind, toValue(part.node))).length > 0;
      const rulesReject = lint(text).some(
        (f) => f.severity === 'error' && f.path.startsWith(`${pointerOf(part.node)}/Headers`),
      );
      if (!schemaRejects || !rulesReject)
        disagreements.push(`${c.kind} ${header}: schema ${schemaRejects}, rules ${rulesReject}`);
    }
  }
  assert.deepEqual(disagreements, []);
  // And an ordinary header passes both.
  const fine = JSON.stringify({
    StartAt: 'T',
    States: {
      T: {
        Type: 'Task',
        ...apigw({ ApiEndpoint: HOST, Method: 'GET', Headers: { Accept: ['application/json'] } }),
        End: true,
      },
    },
  });
  assert.deepEqual(
    lint(fine).filter((f) => f.severity === 'error'),
    [],
  );
});
