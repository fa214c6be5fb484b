// The panel's deploy bridge with a definition, through the real AWS SDK v3 and the local fake AWS server: a
// definition with invoker-payload errors is refused before any AWS call; the confirmation gets the role policy
// scoped from the definition and diffed against the deployed one, with the sensitive calls named; after the
// deployment the host is asked to write the function ARN back into the definition.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createDeployBridge, type DeployDefinition, type DeployPlan } from '../../../src/extension/panel/deployBridge';
import { FakeAws } from '../../support/fake-aws';

const zipPath = join(process.cwd(), 'dist', 'invoker', 'invoker.zip');
let fake: FakeAws;

before(async () => {
  assert.ok(existsSync(zipPath), 'dist/invoker/invoker.zip is missing: run `npm run build` first');
  fake = await FakeAws.start({ pendingReads: 0 });
  // No profile is chosen in the form: the default credential chain reads the environment's keys, as a user's.
  process.env.AWS_ACCESS_KEY_ID = fake.credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = fake.credentials.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});
after(() => fake?.close());

function definition(payload: Record<string, unknown>): DeployDefinition {
  const text = JSON.stringify(
    {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'panel-invoker', Payload: { region: 'us-west-2', ...payload } },
          Retry: [{ ErrorEquals: ['Lambda.ServiceException'] }],
          End: true,
        },
      },
    },
    null,
    2,
  );
  return { text, languageId: 'asl', invokerNames: [], label: 'flow.asl.json' };
}

function bridge(plans: DeployPlan[]) {
  return createDeployBridge({
    zipPath,
    isTrusted: () => true,
    endpointUrl: () => fake.url,
    confirm: async (plan) => {
      plans.push(plan);
      return true;
    },
    env: { HOME: '/nonexistent' },
  });
}

const request = (allowedCalls: string[]) => ({
  profile: '',
  region: 'eu-west-1',
  functionName: 'panel-invoker',
  allowedCalls,
});

void test('invoker-payload errors refuse the deployment before any AWS call, naming the finding', async () => {
  fake.clearRequests();
  const plans: DeployPlan[] = [];
  const outcome = await bridge(plans).deploy(request(['s3:getObject']), {
    signal: new AbortController().signal,
    onProgress: () => {},
    definition: definition({
      service: 's3',
      action: 'getObject',
      parameters: { Bucket: 'b', Key: 'k' },
      assumeRoleArn: '*',
    }),
  });
  assert.equal(outcome.ok, false);
  assert.match(outcome.message, /1 error\(s\), so nothing was deployed: flow\.asl\.json:\d+:\d+: error XC411/);
  assert.deepEqual(plans, []);
  assert.deepEqual(fake.requests, []);
});

void test('the confirmation shows the scoped role policy as a diff and names sensitive calls; the ARN is offered back', async () => {
  const plans: DeployPlan[] = [];
  const offered: string[] = [];
  const def = definition({
    service: 'secrets-manager',
    action: 'getSecretValue',
    parameters: { SecretId: 'arn:aws:secretsmanager:us-west-2:123456789012:secret:prod/db-AbCdEf' },
  });
  const outcome = await bridge(plans).deploy(request(['secrets-manager:getSecretValue']), {
    signal: new AbortController().signal,
    onProgress: () => {},
    definition: def,
    afterDeploy: async (arn) => {
      offered.push(arn);
    },
  });
  assert.equal(outcome.ok, true, outcome.message);
  assert.equal(plans.length, 1);
  assert.deepEqual(plans[0]!.sensitive, ['secrets-manager:getSecretValue']);
  assert.match(plans[0]!.detail, /Sensitive calls: secrets-manager:getSecretValue .*execution history in clear text/);
  assert.match(plans[0]!.detail, /Role policy sfn-crossings-invoker-role\/sfn-crossings-invoker \(new\):\n\+ \{/);
  assert.match(
    plans[0]!.detail,
    /^\+ +"Resource": "arn:aws:secretsmanager:us-west-2:123456789012:secret:prod\/db-AbCdEf"/m,
  );
  assert.deepEqual(offered, ['arn:aws:lambda:eu-west-1:123456789012:function:panel-invoker']);
});
