// The cross-region invoker Lambda: validates the event, enforces the default-deny allowlists (calls, regions, roles),
// optionally assumes an allowed role with the external id the deployer set for it, makes one AWS SDK v3 call in the
// requested region and returns plain JSON no larger than Step Functions' payload limit. The SDK comes from the Lambda
// Node.js runtime (never bundled). Bundled to dist/invoker/index.js by esbuild.js and zipped by build/zip-invoker.js.
import {
  INVOKER_ENV,
  INVOKER_ERRORS,
  clientPackage,
  commandName,
  errorName,
  isCallAllowed,
  parseAllowedCalls,
  parseAllowedRegions,
  parseAllowedRoles,
  parseErrorNaming,
  validateEvent,
  type InvokerEvent,
} from '../core/invoker/protocol';
import { ResultTooLargeError, toPlainLimited } from './output';

/** The part of the Lambda context the handler uses. */
export interface LambdaContextLike {
  getRemainingTimeInMillis?: () => number;
}

type SdkModule = Record<string, unknown>;
interface SdkClient {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}
type ClientCtor = new (config: Record<string, unknown>) => SdkClient;
type CommandCtor = new (input: unknown) => unknown;

export interface HandlerOptions {
  /** Environment (default: process.env, read once). */
  env?: Record<string, string | undefined>;
  /** Loads an SDK package by name (default: the runtime's require). Tests load from the project's node_modules. */
  loadModule?: (name: string) => Promise<SdkModule> | SdkModule;
  /** Extra client configuration for every client (tests: credentials, endpoint of a local server). */
  clientConfig?: Record<string, unknown>;
}

/** An error whose `name` is what Step Functions matches in Retry/Catch (the runtime reports errorType = name). */
export class InvokerError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Time kept back from the Lambda's remaining time so the invoker fails with a name, not a Lambda timeout. */
const TIMEOUT_MARGIN_MS = 1000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** Assumed-role credentials are reused until this long before they expire. */
const CREDENTIALS_REFRESH_MS = 60_000;
/** Step Functions' payload limit (256 KiB of UTF-8 JSON): a larger result could never reach the state machine. */
export const MAX_RESULT_BYTES = 256 * 1024;

interface AssumedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

function defaultLoad(name: string): SdkModule {
  // A run-time require: the Lambda runtime resolves the SDK it ships; esbuild leaves a non-literal require alone.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(name) as SdkModule;
}

function clientClass(mod: SdkModule): ClientCtor | undefined {
  const key = Object.keys(mod).find((k) => k.endsWith('Client') && k !== '__Client' && typeof mod[k] === 'function');
  return key ? (mod[key] as ClientCtor) : undefined;
}

function describe(e: unknown): { name: string; message: string; fault?: string; status?: number } {
  const err = e as { name?: unknown; message?: unknown; $fault?: unknown; $metadata?: { httpStatusCode?: number } };
  return {
    name: typeof err?.name === 'string' ? err.name : 'Error',
    message: typeof err?.message === 'string' ? err.message : String(e),
    fault: typeof err?.$fault === 'string' ? err.$fault : undefined,
    status: err?.$metadata?.httpStatusCode,
  };
}

/**
 * How long one invocation may spend on its AWS call: the Lambda's remaining time minus a margin (so the invoker
 * fails with Invoker.Timeout instead of a Lambda timeout), capped by INVOKER_TIMEOUT_MS; 30 s outside Lambda.
 */
export function callBudgetMs(configuredTimeoutMs: number, context: LambdaContextLike | undefined): number {
  const caps: number[] = [];
  if (Number.isFinite(configuredTimeoutMs) && configuredTimeoutMs > 0) caps.push(configuredTimeoutMs);
  const remaining = context?.getRemainingTimeInMillis?.();
  if (typeof remaining === 'number' && Number.isFinite(remaining))
    caps.push(Math.max(100, remaining - TIMEOUT_MARGIN_MS));
  return caps.length ? Math.min(...caps) : DEFAULT_TIMEOUT_MS;
}

export function createHandler(options: HandlerOptions = {}) {
  const env = options.env ?? process.env;
  const load = options.loadModule ?? defaultLoad;
  const allowed = parseAllowedCalls(env[INVOKER_ENV.allowedCalls]);
  const regions = parseAllowedRegions(env[INVOKER_ENV.allowedRegions]);
  const endpointOverride = (env[INVOKER_ENV.allowEndpointOverride] ?? '').trim().toLowerCase() === 'true';
  const naming = parseErrorNaming(env[INVOKER_ENV.errorNames]);
  // Invalid entries are never allowed; say so once in the function's log.
  if (allowed.errors.length) console.warn(`ALLOWED_CALLS: ignoring ${allowed.errors.join('; ')}`);
  const roles = parseAllowedRoles(env[INVOKER_ENV.allowedRoles]);
  if (roles.errors.length) console.warn(`ALLOWED_ROLES: ignoring ${roles.errors.join('; ')}`);
  const configuredTimeout = Number(env[INVOKER_ENV.timeoutMs]);
  const modules = new Map<string, Promise<SdkModule>>();
  const clients = new Map<string, SdkClient>();
  const assumed = new Map<string, AssumedCredentials>();

  const loadSdk = (pkg: string): Promise<SdkModule> => {
    let m = modules.get(pkg);
    if (!m) {
      m = Promise.resolve().then(() => load(pkg));
      modules.set(pkg, m);
      m.catch(() => modules.delete(pkg));
    }
    return m;
  };

  const timeoutFor = (context: LambdaContextLike | undefined) => callBudgetMs(configuredTimeout, context);

  const getClient = (
    mod: SdkModule,
    service: string,
    region: string,
    endpoint: string | undefined,
    creds?: AssumedCredentials,
  ) => {
    const key = `${service}|${region}|${endpoint ?? ''}|${creds?.accessKeyId ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      const Ctor = clientClass(mod);
      if (!Ctor)
        throw new InvokerError(INVOKER_ERRORS.unknownService, `${clientPackage(service)} exports no client class`);
      const config: Record<string, unknown> = { ...options.clientConfig, region };
      if (endpoint) config.endpoint = endpoint;
      if (creds) config.credentials = creds;
      client = new Ctor(config);
      if (clients.size > 50) clients.clear();
      clients.set(key, client);
    }
    return client;
  };

  const withDeadline = async <T>(
    ms: number,
    what: string,
    run: (signal: AbortSignal) => Promise<T>,
    budgetMs = ms,
  ): Promise<T> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    try {
      return await run(controller.signal);
    } catch (e) {
      if (controller.signal.aborted) {
        throw new InvokerError(
          INVOKER_ERRORS.timeout,
          `${what} did not complete within ${budgetMs} ms (the invoker stops before the Lambda timeout)`,
        );
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };

  /** The external id of an allowed role (set by the deployer); refuses roles and ids the deployment did not allow. */
  const allowedRole = (event: InvokerEvent): { externalId?: string } => {
    const role = roles.roles.get(event.assumeRoleArn!);
    if (!role) {
      throw new InvokerError(
        INVOKER_ERRORS.roleNotAllowed,
        `${event.assumeRoleArn} is not in this function's ALLOWED_ROLES; deploy the invoker from the definition that assumes it to allow it`,
      );
    }
    if (event.externalId !== undefined && event.externalId !== role.externalId) {
      throw new InvokerError(
        INVOKER_ERRORS.roleNotAllowed,
        `"externalId" does not match the one the deployer set for ${event.assumeRoleArn}: the external id comes from ALLOWED_ROLES; remove it from the payload`,
      );
    }
    return role;
  };

  const assumeRole = async (
    event: InvokerEvent,
    externalId: string | undefined,
    deadlineMs: number,
  ): Promise<AssumedCredentials> => {
    const key = `${event.assumeRoleArn}|${externalId ?? ''}`;
    const cached = assumed.get(key);
    if (cached && cached.expiration.getTime() - Date.now() > CREDENTIALS_REFRESH_MS) return cached;
    const sts = await loadSdk(clientPackage('sts'));
    const Command = sts.AssumeRoleCommand as CommandCtor | undefined;
    if (!Command) throw new InvokerError(INVOKER_ERRORS.unknownService, '@aws-sdk/client-sts has no AssumeRoleCommand');
    const region = env.AWS_REGION ?? event.region;
    const client = getClient(sts, 'sts', region, undefined);
    const input: Record<string, unknown> = {
      RoleArn: event.assumeRoleArn,
      RoleSessionName: `sfn-crossings-invoker-${Date.now()}`,
      DurationSeconds: 900,
    };
    if (externalId) input.ExternalId = externalId;
    let out: {
      Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: Date };
    };
    try {
      out = (await withDeadline(deadlineMs, `sts:AssumeRole ${event.assumeRoleArn}`, (abortSignal) =>
        client.send(new Command(input), { abortSignal }),
      )) as typeof out;
    } catch (e) {
      if (e instanceof InvokerError) throw e;
      const d = describe(e);
      throw new InvokerError(
        INVOKER_ERRORS.assumeRoleFailed,
        `cannot assume ${event.assumeRoleArn}: ${d.name}: ${d.message}`,
      );
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw new InvokerError(
        INVOKER_ERRORS.assumeRoleFailed,
        `sts:AssumeRole returned no credentials for ${event.assumeRoleArn}`,
      );
    }
    const creds = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration instanceof Date ? c.Expiration : new Date(Date.now() + 900_000),
    };
    assumed.set(key, creds);
    return creds;
  };

  return async function handler(input: unknown, context?: LambdaContextLike): Promise<unknown> {
    const { event, errors } = validateEvent(input);
    if (!event) throw new InvokerError(INVOKER_ERRORS.invalidInput, errors.join('; '));
    const call = `${event.service}:${event.action}`;
    if (!isCallAllowed(allowed.calls, event.service, event.action)) {
      throw new InvokerError(
        INVOKER_ERRORS.callNotAllowed,
        `${call} is not in this function's ALLOWED_CALLS; add it there (and its IAM action to the role) to allow it`,
      );
    }
    if (regions && !regions.includes(event.region)) {
      throw new InvokerError(
        INVOKER_ERRORS.regionNotAllowed,
        `region ${event.region} is not in ALLOWED_REGIONS (${regions.join(', ')})`,
      );
    }
    if (event.endpoint && !endpointOverride) {
      throw new InvokerError(
        INVOKER_ERRORS.endpointNotAllowed,
        `"endpoint" is ignored for safety unless the function sets ALLOW_ENDPOINT_OVERRIDE=true; remove it from the payload`,
      );
    }
    // Before any SDK load or STS call: only the roles (and external ids) the deployment allowed.
    const role = event.assumeRoleArn ? allowedRole(event) : undefined;
    const deadlineMs = timeoutFor(context);
    let mod: SdkModule;
    try {
      mod = await loadSdk(clientPackage(event.service));
    } catch (e) {
      const notFound =
        (e as { code?: string }).code === 'MODULE_NOT_FOUND' ||
        (e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
      const why = notFound ? 'is not available in this runtime' : `failed to load: ${describe(e).message}`;
      throw new InvokerError(INVOKER_ERRORS.unknownService, `${clientPackage(event.service)} ${why}`);
    }
    const Command = mod[commandName(event.action)] as CommandCtor | undefined;
    if (typeof Command !== 'function') {
      throw new InvokerError(
        INVOKER_ERRORS.unknownAction,
        `${clientPackage(event.service)} has no ${commandName(event.action)}`,
      );
    }
    const started = Date.now();
    const creds = role ? await assumeRole(event, role.externalId, deadlineMs) : undefined;
    const client = getClient(mod, event.service, event.region, event.endpoint, creds);
    const remaining = Math.max(100, deadlineMs - (Date.now() - started));
    try {
      // The output is converted inside the deadline: reading a streaming body is part of the call.
      return await withDeadline(
        remaining,
        `${call} in ${event.region}`,
        async (abortSignal) =>
          toPlainLimited(await client.send(new Command(event.parameters ?? {}), { abortSignal }), MAX_RESULT_BYTES),
        deadlineMs,
      );
    } catch (e) {
      if (e instanceof InvokerError) throw e;
      if (e instanceof ResultTooLargeError) {
        throw new InvokerError(
          INVOKER_ERRORS.resultTooLarge,
          `${call} in ${event.region} returned ${e.describe()}: more than Step Functions' 256 KiB payload limit; ask for less (e.g. a Range, a page size or a projection) or have the call write its result elsewhere`,
        );
      }
      const d = describe(e);
      if (d.fault === undefined && d.status === undefined) {
        throw new InvokerError(
          INVOKER_ERRORS.requestFailed,
          `${call} in ${event.region} failed before a response: ${d.name}: ${d.message}`,
        );
      }
      throw new InvokerError(errorName(event.service, d.name, naming), d.message);
    }
  };
}

/** The Lambda entry point. */
export const handler = createHandler();
