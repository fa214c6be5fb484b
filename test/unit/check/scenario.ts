// The live-check tests' harness: a fake AWS server per test seeded with the repaired two-account world (./world),
// closed after the file's tests, and `check()` running the real engine and SDK adapters against it.
import { after } from 'node:test';
import { runChecks } from '../../../src/core/check/run';
import type { CheckOptions, CheckResult } from '../../../src/core/check/types';
import { createCheckAccounts } from '../../../src/aws/check/accounts';
import type { IamKit } from '../../../src/core/iam';
import { FakeAws } from '../../support/fake-aws';
import type { AccountKeys } from '../../support/fake-aws/accounts';
import { A, B, loadDefinition, model, REGION, seedRepaired, SM_ARN } from './world';

export * from './world';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

export const DEFINITION = loadDefinition();

const fakes: FakeAws[] = [];
after(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

export interface Scenario {
  fake: FakeAws;
  keysA: AccountKeys;
  keysB: AccountKeys;
  kit: IamKit;
}

/** A fake with both accounts, every resource in place and the generated policies applied. */
/** A fake with both accounts, every resource in place and the generated policies applied. */
export async function repairedScenario(): Promise<Scenario> {
  const fake = await FakeAws.start({ account: A });
  fakes.push(fake);
  const { keysB, kit } = seedRepaired(fake, DEFINITION);
  return { fake, keysA: fake.credentials, keysB, kit };
}

/** Runs the check with credentials for the given accounts (default: both). */
export async function check(
  sc: Scenario,
  o: { accounts?: string[]; options?: Partial<CheckOptions>; text?: string } = {},
): Promise<CheckResult[]> {
  const creds: Record<string, AccountKeys> = {};
  for (const acc of o.accounts ?? [A, B]) creds[acc] = acc === A ? sc.keysA : sc.keysB;
  const accounts = await createCheckAccounts({
    region: REGION,
    endpointUrl: sc.fake.url,
    accountProfiles: {},
    credentials: creds,
    env: {},
  });
  const report = await runChecks(
    model(o.text ?? DEFINITION),
    { stateMachineArn: SM_ARN, ...o.options },
    accounts,
    accounts.configured(),
  );
  return report.results;
}

export function only(results: CheckResult[], id: string): CheckResult[] {
  return results.filter((r) => r.id === id);
}

export function show(results: CheckResult[]): string {
  return results.map((r) => `${r.status} ${r.id} [${r.state}] ${r.message}`).join('\n');
}
