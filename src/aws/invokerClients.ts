// The AWS calls the invoker deployment makes, behind one interface (InvokerAwsPorts), and their thin AWS SDK v3
// adapter (STS, IAM, Lambda clients with the session's region, credentials and endpoint override).
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  LambdaClient,
  ListTagsCommand,
  TagResourceCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import type { AwsSession } from './session';

export interface CallerIdentity {
  account: string;
  arn: string;
  partition: string;
}

export interface RoleState {
  arn: string;
  /** The trust policy as JSON text (decoded). */
  trustPolicy: string;
  tags: Record<string, string>;
}

/** The function settings the deployment manages. */
export interface FunctionSettings {
  runtime: string;
  role: string;
  handler: string;
  description: string;
  timeout: number;
  memorySize: number;
  environment: Record<string, string>;
}

export interface FunctionState extends FunctionSettings {
  arn: string;
  /** base64 SHA-256 of the deployment package, as Lambda reports it. */
  codeSha256: string;
  tags: Record<string, string>;
}

export interface WaitOptions {
  signal?: AbortSignal;
  /** Upper bound of the wait, seconds. */
  maxWaitSeconds?: number;
}

/** Everything the deployment needs from AWS. Tests run the SDK adapter against a local fake server. */
export interface InvokerAwsPorts {
  getCallerIdentity(): Promise<CallerIdentity>;
  getRole(name: string): Promise<RoleState | undefined>;
  createRole(input: {
    name: string;
    trustPolicy: string;
    description: string;
    tags: Record<string, string>;
  }): Promise<RoleState>;
  updateTrustPolicy(roleName: string, policy: string): Promise<void>;
  getRolePolicy(roleName: string, policyName: string): Promise<string | undefined>;
  putRolePolicy(roleName: string, policyName: string, policy: string): Promise<void>;
  tagRole(roleName: string, tags: Record<string, string>): Promise<void>;
  getFunction(name: string): Promise<FunctionState | undefined>;
  createFunction(
    input: FunctionSettings & { name: string; zip: Uint8Array; tags: Record<string, string> },
  ): Promise<FunctionState>;
  updateFunctionCode(name: string, zip: Uint8Array): Promise<void>;
  updateFunctionConfiguration(name: string, settings: FunctionSettings): Promise<void>;
  tagFunction(arn: string, tags: Record<string, string>): Promise<void>;
  waitUntilActive(name: string, options?: WaitOptions): Promise<void>;
  waitUntilUpdated(name: string, options?: WaitOptions): Promise<void>;
}

/** The IAM actions behind each port method, for AccessDenied messages when AWS does not name one. */
export const PORT_ACTIONS: Record<keyof InvokerAwsPorts, string> = {
  getCallerIdentity: 'sts:GetCallerIdentity',
  getRole: 'iam:GetRole',
  createRole: 'iam:CreateRole',
  updateTrustPolicy: 'iam:UpdateAssumeRolePolicy',
  getRolePolicy: 'iam:GetRolePolicy',
  putRolePolicy: 'iam:PutRolePolicy',
  tagRole: 'iam:TagRole',
  getFunction: 'lambda:GetFunction',
  createFunction: 'lambda:CreateFunction',
  updateFunctionCode: 'lambda:UpdateFunctionCode',
  updateFunctionConfiguration: 'lambda:UpdateFunctionConfiguration',
  tagFunction: 'lambda:TagResource',
  waitUntilActive: 'lambda:GetFunction',
  waitUntilUpdated: 'lambda:GetFunction',
};

/** IAM is global: its clients use the partition's home region. */
export function partitionOfRegion(region: string): { partition: string; iamRegion: string } {
  if (region.startsWith('cn-')) return { partition: 'aws-cn', iamRegion: 'cn-north-1' };
  if (region.startsWith('us-gov-')) return { partition: 'aws-us-gov', iamRegion: 'us-gov-west-1' };
  return { partition: 'aws', iamRegion: 'us-east-1' };
}

const isNotFound = (e: unknown) => {
  const name = (e as { name?: string }).name;
  return name === 'NoSuchEntity' || name === 'NoSuchEntityException' || name === 'ResourceNotFoundException';
};

function decodePolicy(doc: string | undefined): string {
  if (!doc) return '';
  // IAM returns policy documents URL-encoded.
  try {
    return decodeURIComponent(doc);
  } catch {
    return doc;
  }
}

const tagsOf = (tags: { Key?: string; Value?: string }[] | undefined) =>
  Object.fromEntries((tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));

function functionState(c: FunctionConfiguration, tags: Record<string, string>): FunctionState {
  return {
    arn: c.FunctionArn ?? '',
    codeSha256: c.CodeSha256 ?? '',
    runtime: c.Runtime ?? '',
    role: c.Role ?? '',
    handler: c.Handler ?? '',
    description: c.Description ?? '',
    timeout: c.Timeout ?? 3,
    memorySize: c.MemorySize ?? 128,
    environment: { ...(c.Environment?.Variables ?? {}) },
    tags,
  };
}

export interface SdkPortsOptions {
  /** SDK attempts per call (throttling and 5xx are retried by the SDK). Default 5. */
  maxAttempts?: number;
  /** Smallest waiter delay in seconds (SDK default 1). */
  waiterMinDelaySeconds?: number;
}

/** The SDK v3 adapter. */
export function createSdkPorts(session: AwsSession, options: SdkPortsOptions = {}): InvokerAwsPorts {
  const base = {
    credentials: session.credentials,
    maxAttempts: options.maxAttempts ?? 5,
    ...(session.endpoint ? { endpoint: session.endpoint } : {}),
  };
  const { iamRegion, partition } = partitionOfRegion(session.region);
  const sts = new STSClient({ ...base, region: session.region });
  const iam = new IAMClient({ ...base, region: iamRegion });
  const lambda = new LambdaClient({ ...base, region: session.region });
  const waiter = (o: WaitOptions | undefined) => ({
    client: lambda,
    maxWaitTime: o?.maxWaitSeconds ?? 300,
    ...(options.waiterMinDelaySeconds ? { minDelay: options.waiterMinDelaySeconds } : {}),
    ...(o?.signal ? { abortSignal: o.signal as never } : {}),
  });
  return {
    async getCallerIdentity() {
      const out = await sts.send(new GetCallerIdentityCommand({}));
      const arn = out.Arn ?? '';
      return { account: out.Account ?? '', arn, partition: arn.split(':')[1] || partition };
    },
    async getRole(name) {
      try {
        const { Role: r } = await iam.send(new GetRoleCommand({ RoleName: name }));
        return { arn: r?.Arn ?? '', trustPolicy: decodePolicy(r?.AssumeRolePolicyDocument), tags: tagsOf(r?.Tags) };
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async createRole(input) {
      const { Role: r } = await iam.send(
        new CreateRoleCommand({
          RoleName: input.name,
          AssumeRolePolicyDocument: input.trustPolicy,
          Description: input.description,
          Tags: Object.entries(input.tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      );
      return { arn: r?.Arn ?? '', trustPolicy: decodePolicy(r?.AssumeRolePolicyDocument), tags: tagsOf(r?.Tags) };
    },
    async updateTrustPolicy(roleName, policy) {
      await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: policy }));
    },
    async getRolePolicy(roleName, policyName) {
      try {
        const out = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
        return decodePolicy(out.PolicyDocument);
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async putRolePolicy(roleName, policyName, policy) {
      await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: policy }));
    },
    async tagRole(roleName, tags) {
      await iam.send(
        new TagRoleCommand({ RoleName: roleName, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
      );
    },
    async getFunction(name) {
      try {
        const out = await lambda.send(new GetFunctionCommand({ FunctionName: name }));
        let tags = out.Tags;
        if (!tags && out.Configuration?.FunctionArn) {
          tags = (await lambda.send(new ListTagsCommand({ Resource: out.Configuration.FunctionArn }))).Tags;
        }
        return out.Configuration ? functionState(out.Configuration, { ...(tags ?? {}) }) : undefined;
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async createFunction(input) {
      const out = await lambda.send(
        new CreateFunctionCommand({
          FunctionName: input.name,
          Runtime: input.runtime as never,
          Role: input.role,
          Handler: input.handler,
          Description: input.description,
          Timeout: input.timeout,
          MemorySize: input.memorySize,
          Environment: { Variables: input.environment },
          Code: { ZipFile: input.zip },
          PackageType: 'Zip',
          Tags: input.tags,
        }),
      );
      return functionState(out, input.tags);
    },
    async updateFunctionCode(name, zip) {
      await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zip }));
    },
    async updateFunctionConfiguration(name, s) {
      await lambda.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: name,
          Runtime: s.runtime as never,
          Role: s.role,
          Handler: s.handler,
          Description: s.description,
          Timeout: s.timeout,
          MemorySize: s.memorySize,
          Environment: { Variables: s.environment },
        }),
      );
    },
    async tagFunction(arn, tags) {
      await lambda.send(new TagResourceCommand({ Resource: arn, Tags: tags }));
    },
    async waitUntilActive(name, o) {
      await waitUntilFunctionActiveV2(waiter(o), { FunctionName: name });
    },
    async waitUntilUpdated(name, o) {
      await waitUntilFunctionUpdatedV2(waiter(o), { FunctionName: name });
    },
  };
}
