// Fake API Gateway (REST-JSON, signing name `apigateway`): the read APIs of the live checks over REST APIs tests add
// with `apiGatewayOf(world).addRestApi(...)`: GetRestApi (the resource policy comes back with its quotes
// backslash-escaped, as the real service returns it), GetStage, GetResources and GetMethod (with its integration).
// A caller sees only its own account's APIs in the signed region; others are NotFoundException, as on AWS.
import { FakeServiceError, type FakeRequest, type ServiceProtocol } from './types';
import type { World } from './world';

export interface FakeMethod {
  authorizationType: 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS';
  integration?: { type: string; httpMethod: string; uri: string; credentials?: string };
}

export interface FakeRestApi {
  id: string;
  name: string;
  account: string;
  region: string;
  /** The resource policy as JSON text. */
  policy?: string;
  stages: string[];
  /** Keyed by path (`/execution`); methods keyed by HTTP method. */
  resources: Map<string, { id: string; methods: Map<string, FakeMethod> }>;
}

export class ApiGatewayWorld {
  readonly apis = new Map<string, FakeRestApi>();
  private next = 0;

  addRestApi(a: {
    id: string;
    account: string;
    region: string;
    name?: string;
    policy?: unknown;
    stages?: string[];
    methods?: Array<{ path: string; method: string } & FakeMethod>;
  }): FakeRestApi {
    const api: FakeRestApi = {
      id: a.id,
      name: a.name ?? a.id,
      account: a.account,
      region: a.region,
      ...(a.policy === undefined ? {} : { policy: typeof a.policy === 'string' ? a.policy : JSON.stringify(a.policy) }),
      stages: a.stages ?? ['prod'],
      resources: new Map([['/', { id: this.resourceId(), methods: new Map() }]]),
    };
    for (const m of a.methods ?? []) this.putMethod(api, m.path, m.method, m);
    this.apis.set(`${a.account}|${a.region}|${a.id}`, api);
    return api;
  }

  putMethod(api: FakeRestApi, path: string, method: string, m: FakeMethod): void {
    let r = api.resources.get(path);
    if (!r) {
      r = { id: this.resourceId(), methods: new Map() };
      api.resources.set(path, r);
    }
    r.methods.set(method.toUpperCase(), {
      authorizationType: m.authorizationType,
      ...(m.integration ? { integration: m.integration } : {}),
    });
  }

  private resourceId(): string {
    this.next += 1;
    return `r${this.next.toString(36).padStart(5, '0')}`;
  }
}

const worlds = new WeakMap<World, ApiGatewayWorld>();

export function apiGatewayOf(world: World): ApiGatewayWorld {
  let w = worlds.get(world);
  if (!w) {
    w = new ApiGatewayWorld();
    worlds.set(world, w);
  }
  return w;
}

const ROUTES: { re: RegExp; op: string }[] = [
  { re: /^\/restapis\/([^/]+)$/, op: 'GetRestApi' },
  { re: /^\/restapis\/([^/]+)\/stages\/([^/]+)$/, op: 'GetStage' },
  { re: /^\/restapis\/([^/]+)\/resources$/, op: 'GetResources' },
  { re: /^\/restapis\/([^/]+)\/resources\/([^/]+)\/methods\/([^/]+)$/, op: 'GetMethod' },
];

function route(req: FakeRequest): { op: string; args: string[] } | undefined {
  if (req.method !== 'GET') return undefined;
  for (const r of ROUTES) {
    const m = r.re.exec(req.rawPath);
    if (m) return { op: r.op, args: m.slice(1).map((x) => decodeURIComponent(x)) };
  }
  return undefined;
}

const notFound = (what: string) =>
  new FakeServiceError('NotFoundException', `Invalid ${what} identifier specified`, 404);

export function createApiGateway(world: World): ServiceProtocol {
  const gw = apiGatewayOf(world);
  return {
    signingName: 'apigateway',
    iamPrefix: 'apigateway',
    accessDeniedCode: 'AccessDeniedException',
    operation: (req) => route(req)?.op,
    throttle: () => new FakeServiceError('TooManyRequestsException', 'Too Many Requests', 429),
    error: (err, { requestId }) => ({
      status: err.status,
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': err.code,
        ...err.extraHeaders,
      },
      body: JSON.stringify({ message: err.message }),
    }),
    resource: (req, _op, caller) => {
      const id = route(req)?.args[0];
      return `arn:aws:apigateway:${caller.region}::/restapis/${id ?? '*'}`;
    },
    handle(req, op, ctx) {
      const [apiId, second, third] = route(req)!.args;
      const api = gw.apis.get(`${ctx.caller.account}|${ctx.caller.region}|${apiId}`);
      if (!api) throw notFound(`API`);
      const reply = (out: unknown) => ({
        status: 200,
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': ctx.nextId('') },
        body: JSON.stringify(out),
      });
      switch (op) {
        case 'GetRestApi':
          return reply({
            id: api.id,
            name: api.name,
            createdDate: Date.UTC(2026, 0, 1) / 1000,
            apiKeySource: 'HEADER',
            endpointConfiguration: { types: ['REGIONAL'] },
            disableExecuteApiEndpoint: false,
            // API Gateway returns the policy with its quotes escaped (`{\"Version\":...}`).
            ...(api.policy ? { policy: JSON.stringify(JSON.parse(api.policy)).replace(/"/g, '\\"') } : {}),
          });
        case 'GetStage': {
          if (!api.stages.includes(second!)) throw notFound('stage');
          return reply({
            stageName: second,
            deploymentId: 'dep001',
            createdDate: Date.UTC(2026, 0, 1) / 1000,
            lastUpdatedDate: Date.UTC(2026, 0, 1) / 1000,
            methodSettings: {},
            tracingEnabled: false,
          });
        }
        case 'GetResources':
          return reply({
            // The wire name of the list is `item` (the SDK exposes it as `items`).
            item: [...api.resources.entries()].map(([path, r]) => ({
              id: r.id,
              path,
              ...(path === '/' ? {} : { pathPart: path.replace(/^.*\//, '') }),
              ...(r.methods.size
                ? { resourceMethods: Object.fromEntries([...r.methods.keys()].map((k) => [k, {}])) }
                : {}),
            })),
          });
        case 'GetMethod': {
          const r = [...api.resources.values()].find((x) => x.id === second);
          if (!r) throw notFound('Resource');
          const m = r.methods.get(third!.toUpperCase());
          if (!m) throw notFound('Method');
          return reply({
            httpMethod: third!.toUpperCase(),
            authorizationType: m.authorizationType,
            apiKeyRequired: false,
            ...(m.integration
              ? {
                  methodIntegration: {
                    type: m.integration.type,
                    httpMethod: m.integration.httpMethod,
                    uri: m.integration.uri,
                    ...(m.integration.credentials ? { credentials: m.integration.credentials } : {}),
                    passthroughBehavior: 'NEVER',
                    timeoutInMillis: 29000,
                  },
                }
              : {}),
          });
        }
        default:
          throw new FakeServiceError('NotFoundException', `Unknown operation ${op}`, 404);
      }
    },
  };
}
