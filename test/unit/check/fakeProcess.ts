// Runs the two-account live-check world (./world) as a child process for the real-editor test and the UI scene,
// which cannot bundle the core's parser: seeds the repaired setup from examples/live-check-orders.asl.json, breaks
// what argv names (`no-external-id`: the target role trusts the execution role without the sts:ExternalId
// condition), writes an AWS config/credentials pair (profiles orders-a, orders-b) into the folder given as the
// second argument, prints one JSON line {url, keysA, configFile, credentialsFile}, then answers `ops` lines with
// the recorded operations and serves until its stdin closes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { FakeAws } from '../../support/fake-aws';
import { findRole } from '../../support/fake-aws/iam';
import { A, B, EXEC_ROLE, loadDefinition, REGION, seedRepaired } from './world';

void (async () => {
  const [breakage = 'none', dir = process.cwd()] = process.argv.slice(2);
  const fake = await FakeAws.start({ account: A });
  const { keysB } = seedRepaired(fake, loadDefinition());
  if (breakage === 'no-external-id')
    findRole(fake.world, B, 'OrdersTarget')!.assumeRolePolicyDocument = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: EXEC_ROLE }, Action: 'sts:AssumeRole' }],
    });
  const configFile = join(dir, 'aws-config');
  const credentialsFile = join(dir, 'aws-credentials');
  writeFileSync(configFile, `[profile orders-a]\nregion = ${REGION}\n\n[profile orders-b]\nregion = ${REGION}\n`);
  writeFileSync(
    credentialsFile,
    `[orders-a]\naws_access_key_id = ${fake.credentials.accessKeyId}\naws_secret_access_key = ${fake.credentials.secretAccessKey}\n\n` +
      `[orders-b]\naws_access_key_id = ${keysB.accessKeyId}\naws_secret_access_key = ${keysB.secretAccessKey}\n`,
  );
  process.stdout.write(`${JSON.stringify({ url: fake.url, keysA: fake.credentials, configFile, credentialsFile })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === 'ops') process.stdout.write(`${JSON.stringify(fake.operations())}\n`);
  });
  lines.on('close', () => void fake.close().then(() => process.exit(0)));
})();
