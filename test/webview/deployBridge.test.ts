// The panel's deploy path (createDeployBridge -> src/aws session, SDK ports, deployInvoker) with the real AWS
// SDK v3 against the local fake AWS server (test/support/fake-aws): per-step progress as the page shows it,
// the plan confirmation before any write, a no-change redeploy, a refused plan, an untrusted workspace.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDeployBridge, type DeployPlan } from '../../src/extension/panel/deployBridge';
import { FakeAws } from '../support/fake-aws';

const zipPath = path.resolve(__dirname, '..', '..', 'dist', 'invoker', 'invoker.zip');
const request = {
  profile: '',
  region: 'eu-west-1',
  functionName: 'sfn-crossings-invoker',
  allowedCalls: ['s3:getObject', 'dynamodb:getItem'],
};
let fake: FakeAws;

before(async () => {
  assert.ok(fs.existsSync(zipPath), 'dist/invoker/invoker.zip is missing: run `npm run build` first');
  fake = await FakeAws.start({ pendingReads: 0 });
  // The bridge uses the default credential chain (no profile chosen): the environment's keys, as a user's.
  process.env.AWS_ACCESS_KEY_ID = fake.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = fake.credentials.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});
after(() => fake?.close());

function bridge(answer: boolean, plans: DeployPlan[], trusted = true) {
  return createDeployBridge({
    zipPath,
    isTrusted: () => trusted,
    endpointUrl: () => fake.url,
    confirm: async (plan) => {
      plans.push(plan);
      return answer;
    },
    env: { HOME: '/nonexistent' },
  });
}

async function run(b: ReturnType<typeof bridge>) {
  const progress: string[] = [];
  const outcome = await b.deploy(request, {
    signal: new AbortController().signal,
    onProgress: (step, status) => progress.push(`${step}:${status}`),
  });
  return { outcome, progress };
}

void test('a refused plan writes nothing', async () => {
  fake.clearRequests();
  const plans: DeployPlan[] = [];
  const { outcome } = await run(bridge(false, plans));
  assert.equal(outcome.ok, false);
  assert.match(outcome.message, /nothing was written/);
  assert.equal(plans.length, 1);
  assert.ok(plans[0]!.changes.length > 0);
  assert.deepEqual(fake.writes(), []);
});

void test('deploys after the confirmation, reporting each step, and returns the function ARN', async () => {
  fake.clearRequests();
  const plans: DeployPlan[] = [];
  const { outcome, progress } = await run(bridge(true, plans));
  assert.equal(outcome.ok, true, outcome.message);
  assert.match(outcome.functionArn, /^arn:aws:lambda:eu-west-1:\d{12}:function:sfn-crossings-invoker$/);
  assert.equal(plans.length, 1);
  assert.equal(plans[0]!.region, 'eu-west-1');
  for (const step of ['session:done', 'plan:done', 'identity:done', 'role:done', 'function:done'])
    assert.ok(progress.includes(step), `${step} in ${progress.join(' ')}`);
  assert.ok(!progress.some((p) => p.endsWith(':failed')));
  assert.ok(fake.writes().includes('lambda:CreateFunction'), fake.writes().join(' '));
  const fn = fake.requests.find((r) => r.operation === 'CreateFunction');
  assert.equal(fn?.region, 'eu-west-1');
});

void test('a redeploy with nothing changed asks nothing and writes nothing', async () => {
  fake.clearRequests();
  const plans: DeployPlan[] = [];
  const { outcome } = await run(bridge(true, plans));
  assert.equal(outcome.ok, true);
  assert.match(outcome.message, /up to date/);
  assert.equal(plans.length, 0);
  assert.deepEqual(fake.writes(), []);
});

void test('an untrusted workspace cannot deploy, and the form says why', async () => {
  const b = bridge(true, [], false);
  const defaults = await b.defaults();
  assert.equal(defaults.available, false);
  assert.match(defaults.message ?? '', /trusted workspace/);
  fake.clearRequests();
  const { outcome } = await run(b);
  assert.equal(outcome.ok, false);
  assert.deepEqual(fake.requests, []);
});

void test('the host checks the request itself before any AWS call', async () => {
  fake.clearRequests();
  const b = bridge(true, []);
  const signal = new AbortController().signal;
  const onProgress = () => {};
  for (const bad of [
    { region: 'moon-1' },
    { functionName: 'no spaces allowed' },
    { allowedCalls: ['s3'] },
    { allowedCalls: [] },
  ]) {
    const outcome = await b.deploy({ ...request, ...bad }, { signal, onProgress });
    assert.equal(outcome.ok, false, JSON.stringify(bad));
  }
  assert.deepEqual(fake.requests, []);
});
