// The fake AWS endpoint: one HTTP server on 127.0.0.1 (port 0) that checks SigV4 signatures, routes by the
// signing name in the credential scope to one protocol module per service, injects faults on demand
// (throttling, AccessDenied, delays) and records every request (service, operation, region, key).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiGateway } from './apigateway';
import { createDynamoDb } from './dynamodb';
import { createEvents } from './events';
import { createIam } from './iam';
import { createLambda } from './lambda';
import { createS3 } from './s3';
import { createStepFunctions } from './sfn';
import { parseAuthorization, verifySignature } from './sigv4';
import { createSts } from './sts';
import { FakeServiceError, type FakeRequest, type FakeResponse, type ServiceProtocol } from './types';
import { DEFAULT_ACCESS_KEY, DEFAULT_SECRET, World, type WorldOptions } from './world';

export interface RecordedRequest {
  /** Signing name: `iam`, `sts`, `lambda`, `s3`, `dynamodb`... */
  service: string;
  operation: string;
  /** The region from the SigV4 credential scope. */
  region: string;
  accessKeyId: string;
  method: string;
  path: string;
  status: number;
  /** The error code answered, if any. */
  error?: string;
}

export type Fault =
  | { kind: 'throttle'; times?: number }
  | { kind: 'accessDenied'; times?: number }
  | { kind: 'delay'; ms: number; times?: number }
  | { kind: 'error'; code: string; message: string; status: number; times?: number };

export interface FakeAwsOptions extends Partial<WorldOptions> {
  /** Extra protocol modules (issue 8 adds Step Functions). */
  services?: ((world: World) => ServiceProtocol)[];
}

/** Operations that change nothing (used by tests to count writes). */
export function isReadOperation(operation: string): boolean {
  return /^(Get|List|Describe|Head)/.test(operation);
}

export class FakeAws {
  readonly world: World;
  readonly requests: RecordedRequest[] = [];
  readonly credentials = { accessKeyId: DEFAULT_ACCESS_KEY, secretAccessKey: DEFAULT_SECRET };
  private readonly services = new Map<string, ServiceProtocol>();
  private readonly faults: { target: string; fault: Fault; left: number }[] = [];
  private server?: Server;
  url = '';

  private constructor(options: FakeAwsOptions) {
    this.world = new World(options);
    for (const make of [
      createSts,
      createIam,
      // Invoked functions send their own AWS calls back to this server.
      (world: World) => createLambda(world, { endpoint: () => this.url }),
      createS3,
      createDynamoDb,
      createStepFunctions,
      createApiGateway,
      createEvents,
      ...(options.services ?? []),
    ]) {
      this.register(make(this.world));
    }
  }

  static async start(options: FakeAwsOptions = {}): Promise<FakeAws> {
    const fake = new FakeAws(options);
    const server = createServer((req, res) => {
      fake.onRequest(req, res).catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.server = server;
    fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  register(service: ServiceProtocol): void {
    this.services.set(service.signingName, service);
  }

  /** Makes the next `times` (default 1) matching requests fail. Target: `lambda:CreateFunction` or `lambda:*`. */
  inject(target: string, fault: Fault): void {
    this.faults.push({ target, fault, left: fault.times ?? 1 });
  }

  /** `service:Operation` of every recorded request, in order. */
  operations(filter?: (r: RecordedRequest) => boolean): string[] {
    return this.requests.filter(filter ?? (() => true)).map((r) => `${r.service}:${r.operation}`);
  }

  /** The recorded requests that change something. */
  writes(): string[] {
    return this.operations((r) => !isReadOperation(r.operation));
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private takeFault(service: string, operation: string): Fault | undefined {
    const i = this.faults.findIndex(
      (f) => f.left > 0 && (f.target === `${service}:${operation}` || f.target === `${service}:*`),
    );
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    f.left -= 1;
    if (f.left === 0) this.faults.splice(i, 1);
    return f.fault;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const rawPath = (req.url ?? '/').split('?')[0]!;
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      rawPath,
      path: decodeURIComponent(rawPath),
      rawQuery: url.search.replace(/^\?/, ''),
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    const scope = parseAuthorization(req.headers.authorization);
    const service = scope ? this.services.get(scope.service) : undefined;
    const record: RecordedRequest = {
      service: scope?.service ?? 'unsigned',
      operation: '?',
      region: scope?.region ?? '',
      accessKeyId: scope?.accessKeyId ?? '',
      method: request.method,
      path: request.path,
      status: 0,
    };
    this.requests.push(record);
    const requestId = this.world.nextId('req-');
    if (!scope || !service) {
      record.error = scope ? 'UnknownService' : 'MissingAuthenticationToken';
      return send(
        res,
        {
          status: 403,
          headers: { 'content-type': 'text/plain' },
          body: `${record.error}: this fake only accepts SigV4-signed requests`,
        },
        record,
      );
    }
    const operation = service.operation(request);
    record.operation = operation ?? '?';
    const fail = (err: FakeServiceError) => {
      record.error = err.code;
      return send(res, service.error(err, { requestId }), record);
    };
    const identity = this.world.identities.get(scope.accessKeyId);
    if (!identity)
      return fail(
        new FakeServiceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
      );
    if (!verifySignature(request, scope, identity.secretAccessKey)) {
      return fail(
        new FakeServiceError(
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided.',
          403,
        ),
      );
    }
    if (identity.sessionToken && req.headers['x-amz-security-token'] !== identity.sessionToken) {
      return fail(
        new FakeServiceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
      );
    }
    if (!operation)
      return fail(
        new FakeServiceError(
          'UnknownOperationException',
          `${request.method} ${request.path} is not an operation of this fake`,
          404,
        ),
      );
    const caller = {
      accessKeyId: scope.accessKeyId,
      account: identity.account,
      arn: identity.arn,
      region: scope.region,
    };
    const fault = this.takeFault(service.signingName, operation);
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms).unref());
    if (fault?.kind === 'throttle') return fail(service.throttle());
    if (fault?.kind === 'error') return fail(new FakeServiceError(fault.code, fault.message, fault.status));
    if (fault?.kind === 'accessDenied') {
      const action = `${service.iamPrefix}:${operation}`;
      const resource = service.resource?.(request, operation, caller) ?? '*';
      return fail(
        new FakeServiceError(
          service.accessDeniedCode,
          `User: ${identity.arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
          service.accessDeniedStatus ?? 403,
        ),
      );
    }
    try {
      const response = await service.handle(request, operation, { caller, nextId: (p) => this.world.nextId(p) });
      return send(res, response, record);
    } catch (e) {
      if (e instanceof FakeServiceError) return fail(e);
      throw e;
    }
  }
}

async function send(res: ServerResponse, r: FakeResponse, record: RecordedRequest): Promise<void> {
  record.status = r.status;
  if (res.destroyed) return;
  res.writeHead(r.status, r.headers ?? {});
  if (Array.isArray(r.body)) {
    for (const chunk of r.body) {
      res.write(chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
  } else res.end(r.body ?? '');
}
