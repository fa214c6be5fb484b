// The seeds' published broken example: an apigateway:invoke task aimed at a third-party host with a bearer token
// in Headers. Both errors must be reported, each with a Quick Fix that removes it, in JSON and YAML.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, at, lint, LANGS, only, task } from './helpers';

const broken = task({
  Resource: 'arn:aws:states:::apigateway:invoke',
  Parameters: {
    ApiEndpoint: 'https://api.example.com/data',
    Method: 'GET',
    Headers: { Authorization: ['Bearer abc123'] },
  },
});

for (const lang of LANGS) {
  void test(`seeds example (${lang}): both errors, narrow ranges`, () => {
    const { text, findings } = lint(broken, lang);
    const host = only(findings, 'XC203');
    const header = only(findings, 'XC206');
    assert.equal(host.severity, 'error');
    assert.equal(header.severity, 'error');
    assert.match(at(text, host), /^"?https:\/\/api\.example\.com\/data"?$/);
    assert.match(at(text, header), /^"?Authorization"?$/);
    assert.match(host.message, /http:invoke/);
  });

  void test(`seeds example (${lang}): convert to http:invoke fixes the host error and drops the secret`, () => {
    const { text, findings } = lint(broken, lang);
    const f = only(findings, 'XC203');
    const fix = f.fixes!.find((x) => x.preferred)!;
    assert.match(fix.title, /http:invoke/);
    const after = applyFix(text, f, fix, lang);
    assert.match(after.text, /states:::http:invoke/);
    assert.match(after.text, /ConnectionArn/);
    assert.doesNotMatch(after.text, /Bearer abc123/);
    // What remains is only the reminder to replace the placeholder connection.
    assert.deepEqual(
      after.findings.map((x) => x.code),
      ['XC311'],
    );
  });

  void test(`seeds example (${lang}): removing the Authorization header fixes the header error`, () => {
    const { text, findings } = lint(broken, lang);
    const f = only(findings, 'XC206');
    const after = applyFix(text, f, f.fixes![0]!, lang);
    assert.doesNotMatch(after.text, /Authorization/);
    assert.deepEqual(
      after.findings.map((x) => x.code),
      ['XC203'],
    );
  });
}
