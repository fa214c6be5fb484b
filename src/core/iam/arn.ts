// ARN parsing and building for IAM generation, the validators the CLI and the input boxes share, and the
// resolution of an IamContext (state machine ARN, or name + region + account) into a complete one.
import type { IamContext, ResolvedContext } from './types';
import { DEFAULT_INVOKER_ROLE_NAME } from '../invoker/protocol';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

const ARN_RE = /^arn:(aws|aws-[a-z]+(?:-[a-z]+)*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|\*?):(.+)$/;
const PARTITION_RE = /^aws(?:-[a-z]+)*$/;
const REGION_RE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT_RE = /^\d{12}$/;
const SM_NAME_RE = /^[A-Za-z0-9_-]{1,80}$/;
const STATE_MACHINE_ARN_RE =
  /^arn:(aws(?:-[a-z]+)*):states:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):stateMachine:([A-Za-z0-9_-]{1,80})$/;
const ROLE_ARN_RE = /^arn:(aws(?:-[a-z]+)*):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;
const FUNCTION_ARN_RE =
  /^arn:(aws(?:-[a-z]+)*):lambda:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):function:([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9$_-]+))?$/;

export function parseArn(text: string): Arn | undefined {
  const m = ARN_RE.exec(text);
  if (!m) return undefined;
  return { partition: m[1]!, service: m[2]!, region: m[3]!, account: m[4]!, resource: m[5]! };
}

export function parseRoleArn(
  text: string,
): { partition: string; account: string; path: string; name: string } | undefined {
  const m = ROLE_ARN_RE.exec(text);
  return m ? { partition: m[1]!, account: m[2]!, path: `/${m[3]!}`, name: m[4]! } : undefined;
}

export function parseFunctionArn(
  text: string,
): { partition: string; region: string; account: string; name: string; qualifier?: string } | undefined {
  const m = FUNCTION_ARN_RE.exec(text);
  if (!m) return undefined;
  return { partition: m[1]!, region: m[2]!, account: m[3]!, name: m[4]!, ...(m[5] ? { qualifier: m[5] } : {}) };
}

export function parseStateMachineArn(
  text: string,
): { partition: string; region: string; account: string; name: string } | undefined {
  const m = STATE_MACHINE_ARN_RE.exec(text);
  return m ? { partition: m[1]!, region: m[2]!, account: m[3]!, name: m[4]! } : undefined;
}

// Validators: undefined when valid, else a one-line message (shown in input boxes and CLI errors).
export function checkStateMachineArn(text: string): string | undefined {
  return parseStateMachineArn(text.trim())
    ? undefined
    : 'Expected a state machine ARN: arn:aws:states:<region>:<12-digit account>:stateMachine:<name>';
}
export function checkRoleArn(text: string): string | undefined {
  return parseRoleArn(text.trim())
    ? undefined
    : 'Expected an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>';
}
export function checkFunctionArn(text: string): string | undefined {
  const f = parseFunctionArn(text.trim());
  if (!f) return 'Expected a Lambda function ARN: arn:aws:lambda:<region>:<12-digit account>:function:<name>';
  return f.qualifier ? 'Give the unqualified function ARN (without :alias or :version)' : undefined;
}
export function checkRegion(text: string): string | undefined {
  return REGION_RE.test(text.trim()) ? undefined : 'Expected a region such as us-east-1';
}
export function checkAccount(text: string): string | undefined {
  return ACCOUNT_RE.test(text.trim()) ? undefined : 'Expected a 12-digit AWS account id';
}
export function checkStateMachineName(text: string): string | undefined {
  return SM_NAME_RE.test(text.trim()) ? undefined : 'Expected a state machine name (1-80 letters, digits, - or _)';
}

export class IamContextError extends Error {}

/**
 * Completes a context. `definitionPartition` is the partition the definition's own ARNs use (the fallback when
 * the context names none). Throws IamContextError with a one-line message when something is missing or invalid.
 */
export function resolveContext(ctx: IamContext, definitionPartition?: string): ResolvedContext {
  const fail = (m: string): never => {
    throw new IamContextError(m);
  };
  let partition: string;
  let region: string;
  let account: string;
  let name: string;
  if (ctx.stateMachineArn) {
    const sm =
      parseStateMachineArn(ctx.stateMachineArn.trim()) ??
      fail(`Invalid state machine ARN: ${checkStateMachineArn(ctx.stateMachineArn)}`);
    ({ partition, region, account, name } = sm);
  } else {
    if (!ctx.stateMachineName || !ctx.region || !ctx.account)
      fail('The state machine is unknown: give its ARN, or its name, region and account');
    name = ctx.stateMachineName!.trim();
    region = ctx.region!.trim();
    account = ctx.account!.trim();
    const problem = checkStateMachineName(name) ?? checkRegion(region) ?? checkAccount(account);
    if (problem) fail(problem);
    partition = ctx.partition?.trim() || definitionPartition || 'aws';
  }
  if (!PARTITION_RE.test(partition)) fail(`Invalid partition "${partition}"`);
  if (!ctx.executionRoleArn) fail('The execution role ARN is missing');
  const executionRoleArn = ctx.executionRoleArn.trim();
  const role = parseRoleArn(executionRoleArn) ?? fail(`Invalid execution role ARN: ${checkRoleArn(executionRoleArn)}`);
  if (role.partition !== partition)
    fail(`The execution role is in partition ${role.partition}, the state machine in ${partition}`);
  const out: ResolvedContext = {
    partition,
    region,
    account,
    stateMachineName: name,
    stateMachineArn: `arn:${partition}:states:${region}:${account}:stateMachine:${name}`,
    executionRoleArn,
  };
  if (ctx.invokerArn) {
    const arn = ctx.invokerArn.trim();
    const problem = checkFunctionArn(arn);
    if (problem) fail(`Invalid invoker ARN: ${problem}`);
    const f = parseFunctionArn(arn)!;
    let roleArn = `arn:${f.partition}:iam::${f.account}:role/${DEFAULT_INVOKER_ROLE_NAME}`;
    if (ctx.invokerRoleArn) {
      roleArn = ctx.invokerRoleArn.trim();
      if (checkRoleArn(roleArn)) fail(`Invalid invoker role ARN: ${checkRoleArn(roleArn)}`);
    }
    out.invoker = { arn, name: f.name, region: f.region, account: f.account, roleArn };
  }
  return out;
}

/** The placeholder context used to count a state's actions before the user has said where it runs. */
export function placeholderContext(partition = 'aws'): ResolvedContext {
  return {
    partition,
    region: 'REGION',
    account: 'ACCOUNT_ID',
    stateMachineName: 'STATE_MACHINE_NAME',
    stateMachineArn: `arn:${partition}:states:REGION:ACCOUNT_ID:stateMachine:STATE_MACHINE_NAME`,
    executionRoleArn: `arn:${partition}:iam::ACCOUNT_ID:role/EXECUTION_ROLE`,
  };
}

/** Where a task's resources live: the partition, the state machine's region and the account of the role running it. */
export interface Env {
  partition: string;
  region: string;
  /** 12 digits, `*` when the running role is chosen at run time. */
  account: string;
}

export function arn(
  env: Env,
  service: string,
  resource: string,
  opts: { region?: string; account?: string } = {},
): string {
  return `arn:${env.partition}:${service}:${opts.region ?? env.region}:${opts.account ?? env.account}:${resource}`;
}
