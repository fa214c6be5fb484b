// Seeding helpers for multi-account tests: an access key per account (credentials map to accounts), roles with
// trust, inline and attached managed policies in any account, and customer/AWS managed policies.
import { iamOf, type FakeManagedPolicy } from './iam';
import type { FakeFunction, FakeRole, World } from './world';

export interface AccountKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Adds an IAM user's access key in `account` (the fake's identities decide which account a call acts in). */
export function addAccountIdentity(world: World, account: string, user = 'checker'): AccountKeys {
  const accessKeyId = `AKIA${account}${user
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 4)}`.padEnd(20, '0');
  const secretAccessKey = `fake/secret/${account}/${user}`;
  world.identities.set(accessKeyId, { secretAccessKey, account, arn: `arn:aws:iam::${account}:user/${user}` });
  return { accessKeyId, secretAccessKey };
}

/** Creates or replaces a role (by ARN). Roles of the world's own account keep their plain-name key. */
export function putRole(
  world: World,
  r: { arn: string; trust: unknown; inline?: Record<string, unknown>; attached?: string[] },
): FakeRole {
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):role(\/(?:.*\/)?)([^/]+)$/.exec(r.arn);
  if (!m) throw new Error(`not a role ARN: ${r.arn}`);
  const [, account, path, name] = m;
  const role: FakeRole = {
    name: name!,
    arn: r.arn,
    roleId: world.nextId('AROA'),
    path: path!,
    assumeRolePolicyDocument: JSON.stringify(r.trust),
    createDate: new Date(Date.UTC(2026, 0, 1)),
    tags: {},
    inlinePolicies: new Map(Object.entries(r.inline ?? {}).map(([k, v]) => [k, JSON.stringify(v)])),
    unassumableForCreateCalls: 0,
  };
  world.roles.set(account === world.options.account ? name! : `${account}:${name}`, role);
  iamOf(world).attached.set(r.arn, [...(r.attached ?? [])]);
  return role;
}

/** Creates a managed policy (`arn:aws:iam::<account>:policy/<name>`, or `arn:aws:iam::aws:policy/<name>`). */
export function putManagedPolicy(world: World, arn: string, document: unknown): FakeManagedPolicy {
  const p: FakeManagedPolicy = {
    arn,
    name: arn.replace(/^.*\//, ''),
    policyId: world.nextId('ANPA'),
    defaultVersionId: 'v1',
    document: JSON.stringify(document),
    createDate: new Date(Date.UTC(2026, 0, 1)),
  };
  iamOf(world).managedPolicies.set(arn, p);
  return p;
}

/** An already deployed, Active function of the world's account (e.g. the invoker) with its environment. */
export function putFunction(
  world: World,
  f: { name: string; region: string; role: string; environment?: Record<string, string> },
): FakeFunction {
  const fn: FakeFunction = {
    name: f.name,
    arn: `arn:aws:lambda:${f.region}:${world.options.account}:function:${f.name}`,
    region: f.region,
    runtime: 'nodejs22.x',
    role: f.role,
    handler: 'index.handler',
    description: '',
    timeout: 30,
    memorySize: 256,
    architectures: ['arm64'],
    environment: { ...(f.environment ?? {}) },
    codeSha256: '',
    codeSize: 0,
    zip: Buffer.alloc(0),
    tags: {},
    state: 'Active',
    lastUpdateStatus: 'Successful',
    pendingReads: 0,
    lastModified: new Date(Date.UTC(2026, 0, 1)).toISOString().replace('Z', '+0000'),
    revision: 1,
  };
  world.functions.set(world.functionKey(f.region, f.name), fn);
  return fn;
}
