// Deploys the invoker Lambda idempotently: caller identity, the execution role (trust + inline policy + tags), the
// function (create, or update code only when CodeSha256 differs and configuration only when it differs), tags.
// Roles the invoker may assume must be literal role ARNs; they go to ALLOWED_ROLES with the external id the
// deployer sets (default: the function ARN, which the generated trust policies require). The result carries the
// deployed inline policy next to the desired one, for the confirmations' diff.
// Nothing changed -> only reads. Handles IAM propagation ("role cannot be assumed") with backoff, stops between
// steps on cancellation, reports progress, and turns failures into actionable messages with what already exists.
import { createHash } from 'node:crypto';
import {
  DEFAULT_INVOKER_NAME,
  DEFAULT_INVOKER_ROLE_NAME,
  INVOKER_ENV,
  formatAllowedCalls,
  formatAllowedRoles,
  isExternalId,
  isLiteralRoleArn,
  type AllowedCall,
  type AllowedRole,
  type ErrorNaming,
} from '../core/invoker/protocol';
import {
  invokerPolicy,
  invokerTrustPolicy,
  samePolicy,
  type IamCatalog,
  type PolicyDocument,
} from '../core/invoker/policy';
import { explainAwsError } from './errors';
import {
  PORT_ACTIONS,
  type CallerIdentity,
  type FunctionSettings,
  type FunctionState,
  type InvokerAwsPorts,
} from './invokerClients';

export const MANAGED_TAG = 'sfn-crossings:managed';
export const INLINE_POLICY_NAME = 'sfn-crossings-invoker';
export const DEFAULT_RUNTIME = 'nodejs22.x';

export interface InvokerDeploySpec {
  region: string;
  functionName?: string;
  roleName?: string;
  runtime?: string;
  calls: readonly AllowedCall[];
  allowedRegions?: readonly string[];
  allowEndpointOverride?: boolean;
  errorNames?: ErrorNaming;
  /** Roles the invoker may assume (ALLOWED_ROLES): literal ARNs only; external id default: the function ARN. */
  assumeRoles?: readonly AllowedRole[];
  timeoutSeconds?: number;
  memorySize?: number;
  /** The deterministic zip (dist/invoker/invoker.zip). */
  zip: Uint8Array;
  /** The role's inline policy; default: the allowed calls' IAM actions + logs (invokerPolicy). */
  policy?: PolicyDocument | ((identity: CallerIdentity) => PolicyDocument);
  catalog?: IamCatalog;
  tags?: Record<string, string>;
}

export type DeployStep = 'identity' | 'role' | 'policy' | 'function' | 'code' | 'configuration' | 'tags' | 'done';

export interface DeployProgress {
  step: DeployStep;
  message: string;
}

export interface DeployOptions {
  /** Read only: report what would change, write nothing. */
  dryRun?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: DeployProgress) => void;
  /** Retries of the "role cannot be assumed by Lambda" error while IAM propagates. */
  roleRetry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** For messages (`aws sso login --profile NAME`, unreachable endpoint). */
  profile?: string;
  endpoint?: string;
}

export interface DeployResult {
  account: string;
  region: string;
  roleArn: string;
  functionArn: string;
  /** Human-readable changes made (or planned in a dry run); empty when everything was up to date. */
  changes: string[];
  dryRun: boolean;
  /** The inline policy the role has (or would get). */
  policy: PolicyDocument;
  /** The inline policy deployed before this run (parsed; undefined when there was none). */
  deployedPolicy?: unknown;
  environment: Record<string, string>;
}

/** What exists in AWS at the moment a deployment stopped. */
export interface ExistingResources {
  roleArn?: string;
  functionArn?: string;
}

export class DeployError extends Error {
  constructor(
    message: string,
    public step: DeployStep,
    public existing: ExistingResources,
    public cancelled = false,
  ) {
    super(message);
    this.name = cancelled ? 'DeployCancelled' : 'DeployError';
  }
}

/** base64 SHA-256, the form Lambda reports as CodeSha256. */
export function codeSha256(zip: Uint8Array): string {
  return createHash('sha256').update(zip).digest('base64');
}

/** The roles of ALLOWED_ROLES: each with its own external id, else the function ARN (what the trust policy requires). */
export function allowedRoles(spec: InvokerDeploySpec, functionArn: string): AllowedRole[] {
  const byArn = new Map<string, AllowedRole>();
  for (const r of spec.assumeRoles ?? [])
    if (!byArn.has(r.roleArn)) byArn.set(r.roleArn, { roleArn: r.roleArn, externalId: r.externalId ?? functionArn });
  return [...byArn.values()];
}

/** Why the spec's roles cannot be deployed (wildcards, placeholders, bad external ids), or undefined. */
export function roleProblem(spec: InvokerDeploySpec): string | undefined {
  for (const r of spec.assumeRoles ?? []) {
    if (!isLiteralRoleArn(r.roleArn))
      return `"${r.roleArn.slice(0, 100)}" is not a literal IAM role ARN (arn:<partition>:iam::<account>:role/<name>, no wildcard): the invoker assumes only roles named in full`;
    if (r.externalId !== undefined && !isExternalId(r.externalId))
      return `the external id of ${r.roleArn} must be 2-1224 characters of letters, digits and +=,.@:/-`;
  }
  return undefined;
}

/** The function's environment: the allowlists and the safety switches. */
export function invokerEnvironment(spec: InvokerDeploySpec, functionArn = ''): Record<string, string> {
  const env: Record<string, string> = { [INVOKER_ENV.allowedCalls]: formatAllowedCalls(spec.calls) };
  const roles = allowedRoles(spec, functionArn);
  if (roles.length) env[INVOKER_ENV.allowedRoles] = formatAllowedRoles(roles);
  if (spec.allowedRegions?.length) env[INVOKER_ENV.allowedRegions] = [...spec.allowedRegions].sort().join(',');
  if (spec.allowEndpointOverride) env[INVOKER_ENV.allowEndpointOverride] = 'true';
  if (spec.errorNames === 'plain') env[INVOKER_ENV.errorNames] = 'plain';
  return env;
}

const ROLE_NOT_ASSUMABLE = /role defined for the function cannot be assumed by Lambda/i;

function isRoleNotAssumable(e: unknown): boolean {
  return (
    (e as { name?: string }).name === 'InvalidParameterValueException' &&
    ROLE_NOT_ASSUMABLE.test(String((e as Error).message))
  );
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

function diffSettings(current: FunctionState, desired: FunctionSettings): string[] {
  const changed: string[] = [];
  for (const key of ['runtime', 'role', 'handler', 'description', 'timeout', 'memorySize'] as const) {
    if (current[key] !== desired[key]) changed.push(key);
  }
  if (!sameRecord(current.environment, desired.environment)) changed.push('environment');
  return changed;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function deployInvoker(
  ports: InvokerAwsPorts,
  spec: InvokerDeploySpec,
  options: DeployOptions = {},
): Promise<DeployResult> {
  const dryRun = options.dryRun === true;
  const functionName = spec.functionName || DEFAULT_INVOKER_NAME;
  const roleName = spec.roleName || DEFAULT_INVOKER_ROLE_NAME;
  const existing: ExistingResources = {};
  const changes: string[] = [];
  let step: DeployStep = 'identity';
  const progress = (s: DeployStep, message: string) => {
    step = s;
    options.onProgress?.({ step: s, message });
  };
  /** Stops here when cancelled; `next` is the step about to start. */
  const checkpoint = (next: DeployStep = step) => {
    if (options.signal?.aborted) {
      const what = [
        existing.roleArn && `role ${existing.roleArn}`,
        existing.functionArn && `function ${existing.functionArn}`,
      ].filter(Boolean);
      throw new DeployError(
        `cancelled before step "${next}"; ${what.length ? `already in AWS: ${what.join(', ')}` : 'nothing was created'}`,
        next,
        { ...existing },
        true,
      );
    }
  };
  /** Calls one port method with error translation. */
  const call = async <K extends keyof InvokerAwsPorts>(
    method: K,
    ...args: Parameters<InvokerAwsPorts[K]>
  ): Promise<Awaited<ReturnType<InvokerAwsPorts[K]>>> => {
    try {
      return await (ports[method] as (...a: unknown[]) => Promise<Awaited<ReturnType<InvokerAwsPorts[K]>>>)(...args);
    } catch (e) {
      if (e instanceof DeployError) throw e;
      if (options.signal?.aborted) checkpoint();
      throw portError(method, e);
    }
  };
  /** An AWS error of a port call, explained for the user (which action, profile, endpoint). */
  const portError = (method: keyof InvokerAwsPorts, e: unknown): DeployError =>
    new DeployError(
      explainAwsError(e, { action: PORT_ACTIONS[method], profile: options.profile, endpoint: options.endpoint }),
      step,
      { ...existing },
    );
  /** Retries while Lambda cannot assume a role IAM has not propagated yet. */
  const withRoleRetry = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const attempts = options.roleRetry?.attempts ?? 8;
    const base = options.roleRetry?.baseDelayMs ?? 1000;
    const max = options.roleRetry?.maxDelayMs ?? 10_000;
    for (let i = 1; ; i++) {
      try {
        return await run();
      } catch (e) {
        const cause = e instanceof DeployError ? undefined : e;
        if (!cause || !isRoleNotAssumable(cause)) throw e;
        if (i >= attempts) {
          throw new DeployError(
            `Lambda still cannot assume role ${roleName} after ${attempts} attempts (new IAM roles take a little while to propagate): run the command again in a minute`,
            step,
            { ...existing },
          );
        }
        const delay = Math.min(max, base * 2 ** (i - 1));
        progress(
          step,
          `${what}: waiting ${delay < 1000 ? `${delay} ms` : `${Math.round(delay / 100) / 10} s`} for the new role to propagate in IAM (attempt ${i + 1}/${attempts})`,
        );
        await sleep(delay, options.signal);
        checkpoint();
      }
    }
  };
  /** A port call whose "Lambda cannot assume the role" errors stay raw, for `withRoleRetry` to retry. */
  const callAssumingRole = <K extends keyof InvokerAwsPorts>(method: K, ...args: Parameters<InvokerAwsPorts[K]>) =>
    (ports[method] as (...a: unknown[]) => Promise<unknown>)(...args).catch((e: unknown) => {
      if (isRoleNotAssumable(e)) throw e;
      return Promise.reject(portError(method, e));
    });

  const badRole = roleProblem(spec);
  if (badRole) throw new DeployError(badRole, 'identity', {});
  checkpoint('identity');
  progress('identity', 'Checking credentials (sts:GetCallerIdentity)');
  const identity = await call('getCallerIdentity');
  const { account, partition } = identity;
  progress('identity', `Account ${account} (${identity.arn})`);

  const tags = { ...spec.tags, [MANAGED_TAG]: 'true' };
  const trustPolicy = invokerTrustPolicy(account);
  const policy =
    typeof spec.policy === 'function'
      ? spec.policy(identity)
      : (spec.policy ??
        invokerPolicy({
          calls: spec.calls,
          partition,
          account,
          region: spec.region,
          functionName,
          assumeRoleArns: (spec.assumeRoles ?? []).map((r) => r.roleArn),
          ...(spec.catalog ? { catalog: spec.catalog } : {}),
        }));

  // Role
  checkpoint('role');
  progress('role', `Role ${roleName}`);
  const role = await call('getRole', roleName);
  let roleArn: string;
  if (!role) {
    roleArn = `arn:${partition}:iam::${account}:role/${roleName}`;
    changes.push(`create role ${roleName} (trusted by lambda.amazonaws.com for account ${account})`);
    if (!dryRun) {
      const created = await call('createRole', {
        name: roleName,
        trustPolicy: JSON.stringify(trustPolicy),
        description: 'Execution role of the Step Functions Crossings invoker (managed by sfn-crossings)',
        tags,
      });
      roleArn = created.arn || roleArn;
      existing.roleArn = roleArn;
    }
  } else {
    roleArn = role.arn;
    existing.roleArn = roleArn;
    if (role.tags[MANAGED_TAG] !== 'true') {
      throw new DeployError(
        `role ${roleName} exists but was not created by sfn-crossings (no ${MANAGED_TAG} tag); choose another role name (--role-name)`,
        'role',
        { ...existing },
      );
    }
    let trust: unknown;
    try {
      trust = JSON.parse(role.trustPolicy);
    } catch {
      trust = undefined;
    }
    if (!samePolicy(trust, trustPolicy)) {
      changes.push(`update the trust policy of role ${roleName}`);
      if (!dryRun) await call('updateTrustPolicy', roleName, JSON.stringify(trustPolicy));
    }
    if (!sameRecord({ ...role.tags, ...tags }, role.tags)) {
      changes.push(`tag role ${roleName}`);
      if (!dryRun) await call('tagRole', roleName, tags);
    }
  }

  // Inline policy
  checkpoint('policy');
  progress('policy', `Inline policy ${INLINE_POLICY_NAME}`);
  const currentPolicy = role ? await call('getRolePolicy', roleName, INLINE_POLICY_NAME) : undefined;
  let currentParsed: unknown;
  try {
    currentParsed = currentPolicy ? JSON.parse(currentPolicy) : undefined;
  } catch {
    currentParsed = undefined;
  }
  if (!samePolicy(currentParsed, policy)) {
    changes.push(`${currentPolicy ? 'update' : 'put'} inline policy ${INLINE_POLICY_NAME} on role ${roleName}`);
    if (!dryRun) await call('putRolePolicy', roleName, INLINE_POLICY_NAME, JSON.stringify(policy));
  }

  // Function
  checkpoint('function');
  progress('function', `Function ${functionName} in ${spec.region}`);
  const sha = codeSha256(spec.zip);
  const fn = await call('getFunction', functionName);
  const settings: FunctionSettings = {
    runtime: spec.runtime || DEFAULT_RUNTIME,
    role: roleArn,
    handler: 'index.handler',
    description: 'Step Functions Crossings cross-region invoker (managed by sfn-crossings)',
    timeout: spec.timeoutSeconds ?? 60,
    memorySize: spec.memorySize ?? 256,
    environment: invokerEnvironment(
      spec,
      fn?.arn ?? `arn:${partition}:lambda:${spec.region}:${account}:function:${functionName}`,
    ),
  };
  let functionArn: string;
  if (!fn) {
    functionArn = `arn:${partition}:lambda:${spec.region}:${account}:function:${functionName}`;
    changes.push(`create function ${functionName} (${settings.runtime}, ${spec.zip.length} bytes)`);
    if (!dryRun) {
      const created = await withRoleRetry('CreateFunction', () =>
        callAssumingRole('createFunction', { ...settings, name: functionName, zip: spec.zip, tags }),
      );
      functionArn = (created as FunctionState).arn || functionArn;
      existing.functionArn = functionArn;
      checkpoint();
      progress('function', `Waiting for ${functionName} to become active`);
      await call('waitUntilActive', functionName, { signal: options.signal });
    }
  } else {
    functionArn = fn.arn;
    existing.functionArn = functionArn;
    if (fn.tags[MANAGED_TAG] !== 'true') {
      throw new DeployError(
        `function ${functionName} exists in ${spec.region} but was not deployed by sfn-crossings (no ${MANAGED_TAG} tag); choose another name (--function-name)`,
        'function',
        { ...existing },
      );
    }
    checkpoint();
    if (fn.codeSha256 !== sha) {
      progress('code', `Updating code (CodeSha256 ${fn.codeSha256.slice(0, 8)}… -> ${sha.slice(0, 8)}…)`);
      changes.push(`update the code of ${functionName}`);
      if (!dryRun) {
        await call('waitUntilUpdated', functionName, { signal: options.signal });
        await call('updateFunctionCode', functionName, spec.zip);
        await call('waitUntilUpdated', functionName, { signal: options.signal });
      }
    } else progress('code', 'Code is up to date');
    checkpoint();
    const changed = diffSettings(fn, settings);
    if (changed.length > 0) {
      progress('configuration', `Updating configuration (${changed.join(', ')})`);
      changes.push(`update the configuration of ${functionName} (${changed.join(', ')})`);
      if (!dryRun) {
        await call('waitUntilUpdated', functionName, { signal: options.signal });
        await withRoleRetry('UpdateFunctionConfiguration', () =>
          callAssumingRole('updateFunctionConfiguration', functionName, settings),
        );
        await call('waitUntilUpdated', functionName, { signal: options.signal });
      }
    } else progress('configuration', 'Configuration is up to date');
    checkpoint();
    progress('tags', 'Tags');
    if (!sameRecord({ ...fn.tags, ...tags }, fn.tags)) {
      changes.push(`tag function ${functionName}`);
      if (!dryRun) await call('tagFunction', functionArn, tags);
    }
  }
  progress(
    'done',
    dryRun
      ? `Dry run: ${changes.length} change(s) planned`
      : changes.length
        ? `Deployed ${functionArn}`
        : `Up to date: ${functionArn}`,
  );
  return {
    account,
    region: spec.region,
    roleArn,
    functionArn,
    changes,
    dryRun,
    policy,
    ...(currentParsed !== undefined ? { deployedPolicy: currentParsed } : {}),
    environment: settings.environment,
  };
}
