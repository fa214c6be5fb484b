// Shared set-up of the remote tests: a fake AWS server (with Step Functions) on 127.0.0.1 and the real SDK
// adapter pointed at it with the fake's credentials; closes every server after the file's tests.
import { after } from 'node:test';
import { createSfnPorts, type SfnPortsOptions } from '../../../src/aws/sfnClient';
import { createAwsSession } from '../../../src/aws/session';
import { FakeAws } from '../../support/fake-aws';
import { stepFunctionsOf } from '../../support/fake-aws/sfn';

const fakes: FakeAws[] = [];
after(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

export const REGION = 'eu-west-1';

export async function startFake() {
  const fake = await FakeAws.start();
  fakes.push(fake);
  return fake;
}

export async function sfnSetup(options: SfnPortsOptions = {}) {
  const fake = await startFake();
  const session = await createAwsSession({
    region: REGION,
    endpointUrl: fake.url,
    credentials: fake.credentials,
    env: {},
  });
  const ports = createSfnPorts(session, options);
  return { fake, session, ports, sfn: stepFunctionsOf(fake.world) };
}
