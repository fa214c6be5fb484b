// XC3xx: http:invoke tasks.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { at, codes, fixOnly, lint, LANGS, only, task } from './helpers';

const CONN = 'arn:aws:events:us-east-1:111111111111:connection/orders-api/3bd1c4b7-1d2b-4f5c-9e0a-0f6c3d2e1a00';
const http = (params: Record<string, unknown>, resource = 'arn:aws:states:::http:invoke') =>
  task({ Resource: resource, Parameters: params });
const valid = {
  ApiEndpoint: 'https://api.example.com/v1/orders',
  Method: 'POST',
  Authentication: { ConnectionArn: CONN },
};

void test('a valid http:invoke task has no finding (JSONPath, JSONata, InvocationConfig, Transform)', () => {
  assert.deepEqual(codes(http(valid)), []);
  assert.deepEqual(
    codes(
      http({
        ...valid,
        Headers: { 'Content-Type': 'application/json', 'X-Request-Id.$': '$.id' },
        QueryParameters: { a: 'b' },
        RequestBody: { x: 1 },
        Transform: { RequestBodyEncoding: 'URL_ENCODED', RequestEncodingOptions: { ArrayFormat: 'BRACKETS' } },
      }),
    ),
    [],
  );
  assert.deepEqual(
    codes(
      http({ ApiEndpoint: 'https://internal.example.com', Method: 'GET', InvocationConfig: { ConnectionArn: CONN } }),
    ),
    [],
  );
  assert.deepEqual(
    codes(http({ 'ApiEndpoint.$': '$.url', Method: 'GET', Authentication: { 'ConnectionArn.$': '$.conn' } })),
    [],
  );
  assert.deepEqual(
    codes(
      task(
        {
          Resource: 'arn:aws:states:::http:invoke',
          Arguments: { ApiEndpoint: '{% $states.input.url %}', Method: 'GET', Authentication: { ConnectionArn: CONN } },
        },
        { QueryLanguage: 'JSONata' },
      ),
    ),
    [],
  );
});

void test('XC301: ApiEndpoint and Method required', () => {
  const { text, findings } = lint(http({ Authentication: { ConnectionArn: CONN } }));
  assert.equal(at(text, only(findings, 'XC301')), '"Parameters"');
  assert.deepEqual(codes(task({ Resource: 'arn:aws:states:::http:invoke' })), ['XC301']);
});

void test('XC302: ApiEndpoint must be an https URL (fix: https)', () => {
  for (const lang of LANGS) {
    const after = fixOnly(http({ ...valid, ApiEndpoint: 'http://api.example.com/x' }), 'XC302', lang);
    assert.deepEqual(
      after.findings.map((f) => f.code),
      [],
    );
  }
  assert.deepEqual(
    fixOnly(http({ ...valid, ApiEndpoint: 'api.example.com/x' }), 'XC302').findings.map((f) => f.code),
    [],
  );
  assert.deepEqual(codes(http({ ...valid, ApiEndpoint: 'not a url' })), ['XC302']);
  assert.deepEqual(codes(http({ ...valid, ApiEndpoint: 'ftp://example.com' })), ['XC302']);
});

void test('XC303: a connection is required (fix: add a placeholder)', () => {
  for (const lang of LANGS) {
    const doc = http({ ApiEndpoint: 'https://api.example.com', Method: 'GET' });
    const { text, findings } = lint(doc, lang);
    assert.match(at(text, only(findings, 'XC303')), /Parameters/);
    const after = fixOnly(doc, 'XC303', lang);
    assert.deepEqual(
      after.findings.map((f) => f.code),
      ['XC311'],
    );
  }
  assert.deepEqual(
    fixOnly(http({ ...valid, Authentication: {} }), 'XC303').findings.map((f) => f.code),
    ['XC311'],
  );
  assert.deepEqual(codes(http({ ...valid, Authentication: 'x' })), ['XC303']);
});

void test('XC304: ConnectionArn must be an EventBridge connection ARN in the same partition', () => {
  const { text, findings } = lint(
    http({ ...valid, Authentication: { ConnectionArn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:x' } }),
  );
  assert.match(at(text, only(findings, 'XC304')), /secretsmanager/);
  assert.deepEqual(
    codes(
      http({
        ...valid,
        Authentication: { ConnectionArn: CONN.replace('arn:aws:', 'arn:aws-cn:').replace('us-east-1', 'cn-north-1') },
      }),
    ),
    ['XC304'],
  );
});

void test('XC305: credentials in Headers (fix: move them to the connection)', () => {
  for (const lang of LANGS) {
    // Without a connection: the fix removes the header and adds the placeholder.
    const doc = http({
      ApiEndpoint: 'https://api.example.com',
      Method: 'GET',
      Headers: { Authorization: 'Bearer abc123' },
    });
    const after = fixOnly(doc, 'XC305', lang);
    assert.doesNotMatch(after.text, /abc123/);
    assert.deepEqual(
      after.findings.map((f) => f.code),
      ['XC311'],
    );
    // With a connection: the fix only removes the header, others stay.
    const doc2 = http({
      ...valid,
      Headers: { 'x-api-key': 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', Accept: 'application/json' },
    });
    const after2 = fixOnly(doc2, 'XC305', lang);
    assert.deepEqual(
      after2.findings.map((f) => f.code),
      [],
    );
    assert.match(after2.text, /Accept/);
  }
  assert.deepEqual(codes(http({ ...valid, Headers: { 'X-Trace': 'Token abcdef123' } })), ['XC305']);
  assert.deepEqual(codes(http({ ...valid, Headers: { 'X-Session-Token': 'AKIAIOSFODNN7EXAMPLE1234' } })), ['XC305']);
  // Not secrets: ordinary values, paths.
  assert.deepEqual(
    codes(
      http({
        ...valid,
        Headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'order-42', 'x-api-key.$': '$.key' },
      }),
    ),
    [],
  );
});

void test('XC306: headers that fail at run time (fix: remove)', () => {
  for (const h of ['Cache-Control', 'Origin', 'x-amz-date', 'X-Forwarded-For', 'Accept-Encoding', 'Host']) {
    for (const lang of LANGS) {
      const after = fixOnly(http({ ...valid, Headers: { [h]: 'v' } }), 'XC306', lang);
      assert.deepEqual(
        after.findings.map((f) => f.code),
        [],
        h,
      );
      assert.doesNotMatch(after.text, /Headers/);
    }
  }
});

void test('XC307: Transform enums', () => {
  const doc = http({ ...valid, Transform: { RequestBodyEncoding: 'url_encoded' } });
  assert.deepEqual(
    fixOnly(doc, 'XC307').findings.map((f) => f.code),
    [],
  );
  assert.deepEqual(
    codes(
      http({
        ...valid,
        Transform: { RequestBodyEncoding: 'URL_ENCODED', RequestEncodingOptions: { ArrayFormat: 'PIPES' } },
      }),
    ),
    ['XC307'],
  );
  assert.deepEqual(codes(http({ ...valid, Transform: { Encoding: 'NONE' } })), ['XC307']);
});

void test('XC308: Method', () => {
  assert.deepEqual(
    fixOnly(http({ ...valid, Method: 'post' }), 'XC308').findings.map((f) => f.code),
    [],
  );
  assert.deepEqual(codes(http({ ...valid, Method: 'SEND' })), ['XC308']);
});

void test('XC309: unknown parameter names are warnings (did you mean)', () => {
  const doc = http({ ...valid, Header: { a: 'b' } });
  assert.equal(only(lint(doc).findings, 'XC309').severity, 'warning');
  assert.deepEqual(
    fixOnly(doc, 'XC309').findings.map((f) => f.code),
    [],
  );
  assert.deepEqual(codes(http({ ...valid, AuthType: 'IAM_ROLE' })), ['XC309']);
});

void test('XC310: header values are strings (fix: unwrap)', () => {
  for (const lang of LANGS)
    assert.deepEqual(
      fixOnly(http({ ...valid, Headers: { Accept: ['application/json'] } }), 'XC310', lang).findings.map((f) => f.code),
      [],
    );
  assert.deepEqual(codes(http({ ...valid, Headers: 'x' })), ['XC310']);
});

void test('XC311: placeholder connection is a warning', () => {
  const f = only(
    lint(
      http({
        ...valid,
        Authentication: {
          ConnectionArn:
            'arn:aws:events:us-east-1:111122223333:connection/REPLACE-WITH-YOUR-CONNECTION/00000000-0000-0000-0000-000000000000',
        },
      }),
    ).findings,
    'XC311',
  );
  assert.equal(f.severity, 'warning');
});
