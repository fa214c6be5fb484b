// XC2xx: apigateway:invoke tasks.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { at, codes, fixOnly, lint, LANGS, only, task } from './helpers';

const HOST = 'abc123.execute-api.us-east-1.amazonaws.com';
const api = (params: Record<string, unknown>, resource = 'arn:aws:states:::apigateway:invoke') =>
  task({ Resource: resource, Parameters: params });
const valid = { ApiEndpoint: HOST, Method: 'GET', Stage: 'prod', Path: 'pets', AuthType: 'IAM_ROLE' };

void test('a valid apigateway:invoke task (JSONPath, JSONata, dynamic values, China and GovCloud) has no finding', () => {
  assert.deepEqual(codes(api(valid)), []);
  assert.deepEqual(
    codes(
      api({
        ...valid,
        Method: 'POST',
        RequestBody: { a: 1 },
        Headers: { 'x-id': ['1'], 'x-b.$': '$.h' },
        QueryParameters: { q: ['a', 'b'] },
        AllowNullValues: true,
      }),
    ),
    [],
  );
  assert.deepEqual(codes(api({ 'ApiEndpoint.$': '$.host', 'Method.$': '$.m', 'Headers.$': '$.headers' })), []);
  assert.deepEqual(
    codes(
      task(
        {
          Resource: 'arn:aws:states:::apigateway:invoke',
          Arguments: { ApiEndpoint: '{% $states.input.host %}', Method: 'GET', Headers: '{% $states.input.h %}' },
        },
        { QueryLanguage: 'JSONata' },
      ),
    ),
    [],
  );
  assert.deepEqual(
    codes(
      api(
        { ApiEndpoint: 'abc.execute-api.cn-north-1.amazonaws.com.cn', Method: 'GET' },
        'arn:aws-cn:states:::apigateway:invoke',
      ),
    ),
    [],
  );
  assert.deepEqual(
    codes(
      api(
        { ApiEndpoint: 'abc.execute-api.us-gov-west-1.amazonaws.com', Method: 'GET' },
        'arn:aws-us-gov:states:::apigateway:invoke',
      ),
    ),
    [],
  );
});

void test('XC201: ApiEndpoint and Method required', () => {
  const { text, findings } = lint(api({ Stage: 'prod' }));
  const f = only(findings, 'XC201');
  assert.equal(at(text, f), '"Parameters"');
  assert.match(f.message, /ApiEndpoint.*Method/);
  assert.deepEqual(codes(task({ Resource: 'arn:aws:states:::apigateway:invoke' })), ['XC201']);
});

void test('XC202: an API Gateway URL with scheme and path: keep the host, move stage and path', () => {
  for (const lang of LANGS) {
    const doc = api({ ApiEndpoint: `https://${HOST}/prod/pets/1`, Method: 'GET' });
    const after = fixOnly(doc, 'XC202', lang);
    assert.deepEqual(
      after.findings.map((f) => f.code),
      [],
    );
    assert.match(after.text, /Stage"?: "?prod/);
    assert.match(after.text, /Path"?: "?pets\/1/);
  }
  assert.ok(codes(api({ ApiEndpoint: 5, Method: 'GET' })).includes('XC202'));
});

void test('XC203: another host points to http:invoke, with a conversion fix', () => {
  for (const lang of LANGS) {
    const doc = api({
      ApiEndpoint: 'api.example.com',
      Method: 'POST',
      Stage: 'v1',
      Path: 'orders',
      RequestBody: { a: 1 },
      Headers: { 'x-id': ['1'] },
      AuthType: 'NO_AUTH',
    });
    const after = fixOnly(doc, 'XC203', lang);
    assert.match(after.text, /https:\/\/api\.example\.com\/v1\/orders/);
    assert.deepEqual(
      after.findings.map((f) => f.code),
      ['XC311'],
    );
  }
  // A custom domain of an API is not supported either.
  assert.deepEqual(codes(api({ ApiEndpoint: 'api.mycompany.com', Method: 'GET' })), ['XC203']);
});

void test('XC204: Method must be an HTTP method (fix: upper-case)', () => {
  const after = fixOnly(api({ ...valid, Method: 'get' }), 'XC204');
  assert.deepEqual(
    after.findings.map((f) => f.code),
    [],
  );
  assert.deepEqual(codes(api({ ...valid, Method: 'FETCH' })), ['XC204']);
  assert.equal(lint(api({ ...valid, Method: 'FETCH' })).findings[0]!.fixes, undefined);
});

void test('XC205: Headers and QueryParameters values are arrays of strings (fix: wrap)', () => {
  for (const lang of LANGS) {
    for (const key of ['Headers', 'QueryParameters']) {
      const doc = api({ ...valid, [key]: { k: 'v' } });
      const { text, findings } = lint(doc, lang);
      assert.match(at(text, only(findings, 'XC205')), /^"?v"?$/);
      const after = fixOnly(doc, 'XC205', lang);
      assert.deepEqual(
        after.findings.map((f) => f.code),
        [],
      );
    }
  }
  assert.deepEqual(codes(api({ ...valid, Headers: { k: [1] } })), ['XC205']);
  assert.deepEqual(codes(api({ ...valid, Headers: ['k'] })), ['XC205']);
});

void test('XC206: forbidden headers (fix: remove)', () => {
  for (const h of ['Host', 'X-Forwarded-For', 'x-amz-date', 'X-Amzn-Trace-Id', 'Transfer-Encoding', 'Authorization']) {
    const doc = api({ ...valid, Headers: { [h]: ['v'], 'x-ok': ['1'] } });
    for (const lang of LANGS) {
      const after = fixOnly(doc, 'XC206', lang);
      assert.deepEqual(
        after.findings.map((f) => f.code),
        [],
        `${h} ${lang}`,
      );
      assert.match(after.text, /x-ok/);
    }
  }
  assert.deepEqual(codes(api({ ...valid, Headers: { 'X-Api-Key': ['k'] } })), []);
});

void test('XC207: RequestBody only with PATCH, POST, PUT', () => {
  const doc = api({ ...valid, Method: 'GET', RequestBody: { a: 1 } });
  const { text, findings } = lint(doc);
  assert.equal(at(text, only(findings, 'XC207')), '"RequestBody"');
  assert.deepEqual(codes(api({ ...valid, Method: 'PUT', RequestBody: 'x' })), []);
  assert.deepEqual(codes(api({ ...valid, 'Method.$': '$.m', Method: undefined, RequestBody: 'x' })), []);
});

void test('XC208: AuthType enum (did you mean)', () => {
  const after = fixOnly(api({ ...valid, AuthType: 'IAM-ROLE' }), 'XC208');
  assert.deepEqual(
    after.findings.map((f) => f.code),
    [],
  );
  assert.deepEqual(codes(api({ ...valid, AuthType: 'BOGUS' })), ['XC208']);
});

void test('XC209: no .sync', () => {
  const doc = api(valid, 'arn:aws:states:::apigateway:invoke.sync');
  assert.deepEqual(
    fixOnly(doc, 'XC209').findings.map((f) => f.code),
    [],
  );
});

void test('XC210: .waitForTaskToken needs the token in Headers', () => {
  const wait = 'arn:aws:states:::apigateway:invoke.waitForTaskToken';
  assert.deepEqual(codes(api(valid, wait)), ['XC210']);
  assert.equal(only(lint(api(valid, wait)).findings, 'XC210').severity, 'warning');
  assert.deepEqual(codes(api({ ...valid, Headers: { 'TaskToken.$': 'States.Array($$.Task.Token)' } }, wait)), []);
  assert.deepEqual(
    codes(
      task(
        { Resource: wait, Arguments: { ...valid, Headers: { TaskToken: '{% [$states.context.Task.Token] %}' } } },
        { QueryLanguage: 'JSONata' },
      ),
    ),
    [],
  );
});

void test('XC211: unknown parameter names (did you mean)', () => {
  const doc = api({ ...valid, Header: { a: ['b'] } });
  const { text, findings } = lint(doc);
  assert.equal(at(text, only(findings, 'XC211')), '"Header"');
  assert.deepEqual(
    fixOnly(doc, 'XC211').findings.map((f) => f.code),
    [],
  );
  assert.deepEqual(codes(api({ ...valid, 'Path.$': '$.p', Path: undefined })), []);
});

void test('XC212: types of Stage, Path, AllowNullValues', () => {
  assert.deepEqual(codes(api({ ...valid, Stage: 1 })), ['XC212']);
  assert.deepEqual(codes(api({ ...valid, AllowNullValues: 'true' })), ['XC212']);
});
