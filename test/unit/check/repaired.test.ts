// The repaired two-account setup passes every live check, through the real SDK against the fake, with reads only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, repairedScenario, show } from './scenario';

void test('with the generated policies in place, every crossing check passes, and only reads are sent', async () => {
  const sc = await repairedScenario();
  const results = await check(sc);
  assert.deepEqual(
    results.filter((r) => r.status !== 'pass'),
    [],
    show(results),
  );
  const ids = new Set(results.map((r) => r.id));
  for (const id of [
    'drift',
    'credentials.role',
    'credentials.trust',
    'credentials.permissions',
    'execution-role.permissions',
    'apigateway.api',
    'apigateway.method',
    'apigateway.resource-policy',
    'apigateway.integration',
    'http.connection',
    'http.secret',
    'invoker.allowlist',
    'invoker.role',
  ])
    assert.ok(ids.has(id), `${id} ran:\n${show(results)}`);
  const ops = sc.fake.operations();
  assert.ok(ops.length > 10);
  assert.deepEqual(
    ops.filter((o) => !/:(Get|List|Describe|Simulate)/.test(o)),
    [],
  );
});
