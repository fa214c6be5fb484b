// Field-level hover and completion from the schemas (src/extension/schema/service.ts), in JSON and YAML
// definitions: only inside crossing parts, with the schema's descriptions and enum values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrossingSchemaService } from '../../../src/extension/schema/service';
import { DEFAULT_INVOKER_FUNCTION_NAME } from '../../../src/core/invokerName';

const service = new CrossingSchemaService();
const NAMES = [DEFAULT_INVOKER_FUNCTION_NAME];

const JSON_DOC = `{
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::apigateway:invoke",
      "Credentials": { "RoleArn": "arn:aws:iam::222222222222:role/Target" },
      "Parameters": {
        "ApiEndpoint": "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
        "Method": "POST",
        "RequestBody": { "AuthType": "not a crossing field" },
        "AuthType": "RESOURCE_POLICY"
      },
      "Next": "Region"
    },
    "Region": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {
        "FunctionName": "arn:aws:lambda:us-east-1:111111111111:function:${DEFAULT_INVOKER_FUNCTION_NAME}",
        "Payload": { "service": "s3", "action": "listBuckets", "region": "us-west-2" }
      },
      "End": true
    }
  }
}`;

const YAML_DOC = `StartAt: Call
States:
  Call:
    Type: Task
    Resource: arn:aws:states:::http:invoke
    Parameters:
      ApiEndpoint: https://api.example.com/v1/orders
      Method: POST
      Authentication:
        ConnectionArn: arn:aws:events:us-east-1:111111111111:connection/my-api/0123abcd-4567-89ef-0123-456789abcdef
      Transform:
        RequestBodyEncoding: URL_ENCODED
    End: true
`;

const at = (text: string, needle: string, delta = 1) => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + delta;
};

void test("JSON: hover on a crossing key shows its description; on an enum value also the value's", async () => {
  const key = await service.hover(JSON_DOC, 'asl', at(JSON_DOC, '"AuthType": "RESOURCE'), NAMES);
  assert.ok(key);
  assert.match(key.markdown, /How the request is authorised/);
  assert.equal(JSON_DOC.slice(key.offset, key.offset + key.length), '"AuthType"');
  const value = await service.hover(JSON_DOC, 'asl', at(JSON_DOC, 'RESOURCE_POLICY'), NAMES);
  assert.match(value!.markdown, /resource policy names this state machine/);
  const role = await service.hover(JSON_DOC, 'asl', at(JSON_DOC, '"RoleArn"'), NAMES);
  assert.match(role!.markdown, /IAM role to assume/);
  const payload = await service.hover(JSON_DOC, 'asl', at(JSON_DOC, '"service"'), NAMES);
  assert.match(payload!.markdown, /SDK v3 package suffix/);
});

void test('JSON: no hover outside crossing parts (state fields, free-form bodies)', async () => {
  for (const needle of ['"Resource"', '"Type"', '"Next"', '"AuthType": "not', '"FunctionName"', '"StartAt"']) {
    assert.equal(await service.hover(JSON_DOC, 'asl', at(JSON_DOC, needle), NAMES), undefined, needle);
  }
});

void test('JSON: completion proposes the missing fields and the enum values', async () => {
  const fields = await service.complete(
    JSON_DOC,
    'asl',
    at(JSON_DOC, '"Method": "POST",', '"Method": "POST",'.length),
    NAMES,
  );
  const labels = fields.map((f) => f.label);
  for (const name of ['Stage', 'Path', 'Headers', 'QueryParameters'])
    assert.ok(labels.includes(name), `${name} in ${labels}`);
  assert.ok(!labels.includes('Method') && !labels.includes('Stage.$'), 'existing and path twins are not proposed');
  const values = await service.complete(JSON_DOC, 'asl', at(JSON_DOC, '"RESOURCE_POLICY"'), NAMES);
  assert.deepEqual(values.map((v) => v.label).sort(), ['"IAM_ROLE"', '"NO_AUTH"', '"RESOURCE_POLICY"']);
  assert.deepEqual(await service.complete(JSON_DOC, 'asl', at(JSON_DOC, '"Type": "Task"'), NAMES), []);
});

void test('YAML: hover by path on keys and values', async () => {
  const key = await service.hover(YAML_DOC, 'asl-yaml', at(YAML_DOC, 'RequestBodyEncoding'), NAMES);
  assert.match(key!.markdown, /URL_ENCODED/);
  assert.equal(YAML_DOC.slice(key!.offset, key!.offset + key!.length), 'RequestBodyEncoding');
  const connection = await service.hover(YAML_DOC, 'asl-yaml', at(YAML_DOC, 'ConnectionArn'), NAMES);
  assert.match(connection!.markdown, /EventBridge connection/);
  assert.equal(await service.hover(YAML_DOC, 'asl-yaml', at(YAML_DOC, 'Resource'), NAMES), undefined);
});

void test('YAML: completion of field names on a new line and of enum values after the colon', async () => {
  const newLine = YAML_DOC.replace('      Transform:', '      Me\n      Transform:');
  const names = await service.complete(newLine, 'asl-yaml', at(newLine, '      Me\n', 8), NAMES);
  const headers = names.find((n) => n.label === 'Headers');
  assert.ok(headers, names.map((n) => n.label).join());
  assert.ok(!names.some((n) => n.label === 'ApiEndpoint' || n.label === 'Method'), 'existing keys are not proposed');
  const nested = YAML_DOC.replace(
    '        RequestBodyEncoding: URL_ENCODED\n',
    '        RequestBodyEncoding: URL_ENCODED\n        \n',
  );
  const options = await service.complete(
    nested,
    'asl-yaml',
    at(nested, 'URL_ENCODED\n        \n', 'URL_ENCODED\n        '.length),
    NAMES,
  );
  assert.deepEqual(
    options.map((o) => [o.label, o.insertText]),
    [['RequestEncodingOptions', 'RequestEncodingOptions:\n  $1']],
  );
  const partial = YAML_DOC.replace('Method: POST', 'Method: P');
  const values = await service.complete(partial, 'asl-yaml', at(partial, 'Method: P', 'Method: P'.length), NAMES);
  assert.ok(
    values.some((v) => v.label === 'PATCH' && v.replace.length === 1),
    JSON.stringify(values),
  );
});

void test('invoker payloads are recognised by the configured function names only', async () => {
  const renamed = JSON_DOC.replace(`function:${DEFAULT_INVOKER_FUNCTION_NAME}`, 'function:my-invoker');
  assert.equal(await service.hover(renamed, 'asl', at(renamed, '"service"'), NAMES), undefined);
  assert.ok(await service.hover(renamed, 'asl', at(renamed, '"service"'), ['my-invoker']));
});

void test('completion leaves invoker payloads to the crossings feature; after a bare colon the value gets its space', async () => {
  assert.deepEqual(await service.complete(JSON_DOC, 'asl', at(JSON_DOC, '"region"'), NAMES), []);
  const colon = YAML_DOC.replace('Method: POST', 'Method:');
  const values = await service.complete(colon, 'asl-yaml', at(colon, 'Method:', 'Method:'.length), NAMES);
  assert.equal(values.find((v) => v.label === 'GET')?.insertText, ' GET');
});
