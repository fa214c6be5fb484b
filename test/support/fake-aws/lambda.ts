// Fake Lambda (REST-JSON, API version 2015-03-31): create/get/update functions and tags, with the service's
// realistic behaviour: a fresh role cannot be assumed for the first CreateFunction calls, functions start
// Pending and updates run InProgress for a few reads, and a write during an update is a 409 conflict.
import { createHash } from 'node:crypto';
import { FakeServiceError, type FakeRequest, type ServiceProtocol } from './types';
import { runZip } from './lambdaRuntime';
import type { FakeFunction, World } from './world';

const ROUTES: { method: string; re: RegExp; op: string }[] = [
  { method: 'POST', re: /^\/2015-03-31\/functions\/?$/, op: 'CreateFunction' },
  { method: 'GET', re: /^\/2015-03-31\/functions\/([^/]+)\/configuration$/, op: 'GetFunctionConfiguration' },
  { method: 'PUT', re: /^\/2015-03-31\/functions\/([^/]+)\/configuration$/, op: 'UpdateFunctionConfiguration' },
  { method: 'PUT', re: /^\/2015-03-31\/functions\/([^/]+)\/code$/, op: 'UpdateFunctionCode' },
  { method: 'GET', re: /^\/2015-03-31\/functions\/([^/]+)\/?$/, op: 'GetFunction' },
  { method: 'POST', re: /^\/2015-03-31\/functions\/([^/]+)\/invocations$/, op: 'Invoke' },
  { method: 'POST', re: /^\/2017-03-31\/tags\/(.+)$/, op: 'TagResource' },
  { method: 'GET', re: /^\/2017-03-31\/tags\/(.+)$/, op: 'ListTags' },
  { method: 'DELETE', re: /^\/2017-03-31\/tags\/(.+)$/, op: 'UntagResource' },
];

function route(req: FakeRequest): { op: string; arg?: string } | undefined {
  for (const r of ROUTES) {
    const m = req.method === r.method ? r.re.exec(req.rawPath) : null;
    if (m) return { op: r.op, arg: m[1] === undefined ? undefined : decodeURIComponent(m[1]) };
  }
  return undefined;
}

function json(status: number, body: unknown, requestId: string) {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

function nameOf(arg: string): string {
  // A function may be named by name, ARN or partial ARN.
  const m = /^(?:arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:)?([^:]+)(?::.+)?$/.exec(arg);
  return m ? m[1]! : arg;
}

export function configuration(f: FakeFunction) {
  return {
    FunctionName: f.name,
    FunctionArn: f.arn,
    Runtime: f.runtime,
    Role: f.role,
    Handler: f.handler,
    CodeSize: f.codeSize,
    Description: f.description,
    Timeout: f.timeout,
    MemorySize: f.memorySize,
    LastModified: f.lastModified,
    CodeSha256: f.codeSha256,
    Version: '$LATEST',
    Environment: { Variables: f.environment },
    RevisionId: `rev-${f.revision}`,
    State: f.state,
    LastUpdateStatus: f.lastUpdateStatus,
    PackageType: 'Zip',
    Architectures: f.architectures,
  };
}

export interface LambdaOptions {
  /** The endpoint invoked functions send their own AWS calls to (the fake's URL). */
  endpoint(): string;
}

export function createLambda(world: World, options?: LambdaOptions): ServiceProtocol {
  const find = (region: string, arg: string | undefined): FakeFunction => {
    const name = nameOf(arg ?? '');
    const f = world.functions.get(world.functionKey(region, name));
    if (!f)
      throw new FakeServiceError(
        'ResourceNotFoundException',
        `Function not found: arn:aws:lambda:${region}:${world.options.account}:function:${name}`,
        404,
      );
    return f;
  };
  /** A read advances a pending function towards Active / Successful. */
  const read = (f: FakeFunction) => {
    const snapshot = configuration(f);
    if (f.pendingReads > 0 && --f.pendingReads === 0) {
      f.state = 'Active';
      f.lastUpdateStatus = 'Successful';
    }
    return snapshot;
  };
  const assertAssumable = (roleArn: string) => {
    const role = [...world.roles.values()].find((r) => r.arn === roleArn);
    const trustsLambda = role?.assumeRolePolicyDocument.includes('lambda.amazonaws.com');
    if (!role || !trustsLambda || role.unassumableForCreateCalls > 0) {
      if (role && role.unassumableForCreateCalls > 0) role.unassumableForCreateCalls -= 1;
      throw new FakeServiceError(
        'InvalidParameterValueException',
        'The role defined for the function cannot be assumed by Lambda.',
        400,
      );
    }
  };
  const assertIdle = (f: FakeFunction) => {
    if (f.state === 'Pending' || f.lastUpdateStatus === 'InProgress') {
      throw new FakeServiceError(
        'ResourceConflictException',
        `The operation cannot be performed at this time. An update is in progress for resource: ${f.arn}`,
        409,
      );
    }
  };
  const touch = (f: FakeFunction) => {
    f.revision += 1;
    f.lastModified = new Date().toISOString().replace('Z', '+0000');
    f.lastUpdateStatus = 'InProgress';
    f.pendingReads = world.options.pendingReads;
    if (f.pendingReads === 0) f.lastUpdateStatus = 'Successful';
  };
  const setCode = (f: FakeFunction, zipBase64: unknown) => {
    if (typeof zipBase64 !== 'string' || zipBase64.length === 0) {
      throw new FakeServiceError(
        'InvalidParameterValueException',
        'Code.ZipFile is required (this fake accepts only ZipFile)',
        400,
      );
    }
    const zip = Buffer.from(zipBase64, 'base64');
    if (zip.readUInt32LE(0) !== 0x04034b50) {
      throw new FakeServiceError(
        'InvalidParameterValueException',
        'Could not unzip uploaded file. Please check your file, then try to upload again.',
        400,
      );
    }
    f.zip = zip;
    f.codeSize = zip.length;
    f.codeSha256 = createHash('sha256').update(zip).digest('base64');
  };
  const applyConfig = (f: FakeFunction, b: Record<string, unknown>) => {
    if (typeof b.Role === 'string') f.role = b.Role;
    if (typeof b.Runtime === 'string') f.runtime = b.Runtime;
    if (typeof b.Handler === 'string') f.handler = b.Handler;
    if (typeof b.Description === 'string') f.description = b.Description;
    if (typeof b.Timeout === 'number') f.timeout = b.Timeout;
    if (typeof b.MemorySize === 'number') f.memorySize = b.MemorySize;
    const env = (b.Environment as { Variables?: Record<string, string> } | undefined)?.Variables;
    if (env) f.environment = { ...env };
  };
  return {
    signingName: 'lambda',
    iamPrefix: 'lambda',
    accessDeniedCode: 'AccessDeniedException',
    operation: (req) => route(req)?.op,
    throttle: () =>
      new FakeServiceError('TooManyRequestsException', 'Rate exceeded', 429, 'Sender', { 'retry-after': '1' }),
    error: (err, { requestId }) => ({
      status: err.status,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': err.code,
        ...err.extraHeaders,
      },
      body: JSON.stringify({ Type: err.fault === 'Sender' ? 'User' : 'Service', message: err.message }),
    }),
    resource: (req, _op, caller) => {
      const arg = route(req)?.arg;
      if (arg?.startsWith('arn:')) return arg;
      let name = arg;
      if (!name) {
        try {
          name = (JSON.parse(req.body.toString('utf8')) as { FunctionName?: string }).FunctionName;
        } catch {
          name = undefined;
        }
      }
      return `arn:aws:lambda:${caller.region}:${caller.account}:function:${name ?? '*'}`;
    },
    handle(req, op, ctx) {
      const region = ctx.caller.region;
      const arg = route(req)?.arg;
      const id = ctx.nextId('');
      const body = (): Record<string, unknown> => {
        try {
          return req.body.length ? (JSON.parse(req.body.toString('utf8')) as Record<string, unknown>) : {};
        } catch {
          throw new FakeServiceError('SerializationException', 'Could not parse request body into json', 400);
        }
      };
      switch (op) {
        case 'CreateFunction': {
          const b = body();
          const name = String(b.FunctionName ?? '');
          if (!/^[a-zA-Z0-9-_]{1,64}$/.test(name))
            throw new FakeServiceError('InvalidParameterValueException', `Invalid function name: ${name}`, 400);
          const key = world.functionKey(region, name);
          if (world.functions.has(key)) {
            throw new FakeServiceError('ResourceConflictException', `Function already exist: ${name}`, 409);
          }
          assertAssumable(String(b.Role ?? ''));
          const f: FakeFunction = {
            name,
            arn: `arn:aws:lambda:${region}:${ctx.caller.account}:function:${name}`,
            region,
            runtime: String(b.Runtime ?? ''),
            role: String(b.Role),
            handler: String(b.Handler ?? ''),
            description: '',
            timeout: 3,
            memorySize: 128,
            architectures: (b.Architectures as string[] | undefined) ?? ['x86_64'],
            environment: {},
            codeSha256: '',
            codeSize: 0,
            zip: Buffer.alloc(0),
            tags: { ...((b.Tags as Record<string, string> | undefined) ?? {}) },
            state: 'Pending',
            lastUpdateStatus: 'InProgress',
            pendingReads: world.options.pendingReads,
            lastModified: new Date().toISOString().replace('Z', '+0000'),
            revision: 1,
          };
          setCode(f, (b.Code as { ZipFile?: unknown } | undefined)?.ZipFile);
          applyConfig(f, b);
          if (f.pendingReads === 0) {
            f.state = 'Active';
            f.lastUpdateStatus = 'Successful';
          }
          world.functions.set(key, f);
          return json(201, configuration(f), id);
        }
        case 'GetFunction': {
          const f = find(region, arg);
          return json(
            200,
            {
              Configuration: read(f),
              Code: {
                RepositoryType: 'S3',
                Location: `https://awslambda-${region}-tasks.s3.${region}.amazonaws.com/snapshots/${f.name}`,
              },
              Tags: f.tags,
            },
            id,
          );
        }
        case 'GetFunctionConfiguration':
          return json(200, read(find(region, arg)), id);
        case 'UpdateFunctionCode': {
          const f = find(region, arg);
          assertIdle(f);
          setCode(f, body().ZipFile);
          touch(f);
          return json(200, configuration(f), id);
        }
        case 'UpdateFunctionConfiguration': {
          const f = find(region, arg);
          assertIdle(f);
          const b = body();
          if (typeof b.Role === 'string' && b.Role !== f.role) assertAssumable(b.Role);
          applyConfig(f, b);
          touch(f);
          return json(200, configuration(f), id);
        }
        case 'TagResource': {
          const f = find(region, arg);
          Object.assign(f.tags, (body().Tags as Record<string, string> | undefined) ?? {});
          return json(204, undefined, id);
        }
        case 'Invoke': {
          const f = find(region, arg);
          if (f.state !== 'Active')
            throw new FakeServiceError(
              'ResourceConflictException',
              `The operation cannot be performed at this time. The function is currently in the following state: ${f.state}`,
              409,
            );
          // The function runs with its role's session credentials, as Lambda does.
          const role = [...world.roles.values()].find((r) => r.arn === f.role);
          const accessKeyId = ctx.nextId('ASIA');
          world.identities.set(accessKeyId, {
            secretAccessKey: `secret-${accessKeyId}`,
            sessionToken: `token-${accessKeyId}`,
            account: ctx.caller.account,
            arn: `arn:aws:sts::${ctx.caller.account}:assumed-role/${role?.name ?? 'unknown'}/${f.name}`,
          });
          const env: Record<string, string> = {
            ...f.environment,
            AWS_REGION: region,
            AWS_DEFAULT_REGION: region,
            AWS_LAMBDA_FUNCTION_NAME: f.name,
            AWS_ACCESS_KEY_ID: accessKeyId,
            AWS_SECRET_ACCESS_KEY: `secret-${accessKeyId}`,
            AWS_SESSION_TOKEN: `token-${accessKeyId}`,
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
            AWS_EC2_METADATA_DISABLED: 'true',
          };
          if (options) env.AWS_ENDPOINT_URL = options.endpoint();
          return runZip({
            zip: f.zip,
            codeSha256: f.codeSha256,
            handler: f.handler,
            timeoutSeconds: f.timeout,
            env,
            event: req.body.toString('utf8'),
          }).then((r) => ({
            status: 200,
            headers: {
              'content-type': 'application/json',
              'x-amzn-requestid': id,
              'x-amz-executed-version': '$LATEST',
              ...(r.ok ? {} : { 'x-amz-function-error': 'Unhandled' }),
            },
            body: JSON.stringify(r.ok ? r.result : { errorType: r.errorType, errorMessage: r.errorMessage }),
          }));
        }
        case 'ListTags':
          return json(200, { Tags: find(region, arg).tags }, id);
        case 'UntagResource': {
          const f = find(region, arg);
          for (const k of req.query.getAll('tagKeys')) delete f.tags[k];
          return json(204, undefined, id);
        }
        default:
          throw new FakeServiceError('UnknownOperationException', `Unknown operation ${op}`, 404);
      }
    },
  };
}
