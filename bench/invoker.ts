// Invoker numbers for `npm run bench`: the zip size, the handler's overhead per call against a direct SDK call to
// the same local fake server (ratio of medians), and the time of a no-change redeploy against that server.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHandler } from '../src/invoker/index';
import { deployInvoker } from '../src/aws/deployInvoker';
import { createSdkPorts } from '../src/aws/invokerClients';
import { createAwsSession } from '../src/aws/session';
import { FakeAws } from '../test/support/fake-aws';
import { buildInvokerZip } from '../test/unit/invoker/buildInvoker';

const requireFromProject = createRequire(join(__dirname, '..', 'package.json'));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface InvokerBench {
  zipBytes: number;
  handlerOverheadRatio: number;
  noChangeRedeployMs: number;
  [key: string]: number;
}

export async function runInvokerBench(): Promise<InvokerBench> {
  const zipPath = join(__dirname, '..', 'dist', 'invoker', 'invoker.zip');
  const zip = existsSync(zipPath) ? new Uint8Array(readFileSync(zipPath)) : await buildInvokerZip();
  const fake = await FakeAws.start({ pendingReads: 0, roleUnassumableForCreateCalls: 0 });
  try {
    fake.world.tables.set('Bench', {
      keys: ['pk'],
      items: new Map([[JSON.stringify([{ S: 'k' }]), { pk: { S: 'k' }, n: { N: '1' } }]]),
    });
    const clientConfig = { endpoint: fake.url, credentials: fake.credentials, region: 'eu-west-1' };
    const handler = createHandler({
      env: { ALLOWED_CALLS: 'dynamodb:getItem' },
      loadModule: (name) => requireFromProject(name) as Record<string, unknown>,
      clientConfig,
    });
    const { DynamoDBClient, GetItemCommand } = requireFromProject(
      '@aws-sdk/client-dynamodb',
    ) as typeof import('@aws-sdk/client-dynamodb');
    const direct = new DynamoDBClient(clientConfig);
    const input = { TableName: 'Bench', Key: { pk: { S: 'k' } } };
    const event = { service: 'dynamodb', action: 'getItem', region: 'eu-west-1', parameters: input };
    const context = { getRemainingTimeInMillis: () => 60_000 };
    // Calls alternate one by one so both sides see the same machine noise; medians of single calls.
    const viaHandler: number[] = [];
    const viaSdk: number[] = [];
    for (let i = 0; i < 50; i++) {
      await handler(event, context);
      await direct.send(new GetItemCommand(input));
    }
    for (let i = 0; i < 400; i++) {
      let t = performance.now();
      await handler(event, context);
      viaHandler.push(performance.now() - t);
      t = performance.now();
      await direct.send(new GetItemCommand(input));
      viaSdk.push(performance.now() - t);
    }
    direct.destroy();

    const session = await createAwsSession({
      region: 'eu-west-1',
      endpointUrl: fake.url,
      credentials: fake.credentials,
      env: {},
    });
    const ports = createSdkPorts(session);
    const spec = { region: 'eu-west-1', calls: [{ service: 's3', action: 'getObject' }], zip };
    await deployInvoker(ports, spec, { roleRetry: { baseDelayMs: 10 } });
    const redeploys: number[] = [];
    for (let i = 0; i < 7; i++) {
      fake.clearRequests();
      const t = performance.now();
      const r = await deployInvoker(ports, spec);
      redeploys.push(performance.now() - t);
      if (r.changes.length || fake.writes().length)
        throw new Error(`no-change redeploy wrote: ${fake.writes().join(', ')}`);
    }
    return {
      zipBytes: zip.length,
      handlerOverheadRatio: median(viaHandler) / median(viaSdk),
      noChangeRedeployMs: median(redeploys),
      handlerCallMs: median(viaHandler),
      directSdkCallMs: median(viaSdk),
    };
  } finally {
    await fake.close();
  }
}

export default runInvokerBench;

if (require.main === module) {
  runInvokerBench().then(
    (r) => console.log(r),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
