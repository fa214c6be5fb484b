// The API catalog: every AWS service's three names (SDK v3 package, Step Functions aws-sdk name, IAM prefix),
// its operations and their input members, and the IAM actions they need. Generated from AWS's API models by
// scripts/catalog/generate.ts; loaded lazily from catalog.json on the first query. Pure: no vscode, no AWS SDK.
import { editDistance, suggestionLimit } from './distance';
import { IAM_ACTION_EXCEPTIONS, IAM_HTTP_VERB_SERVICES } from './iam-exceptions';
import { catalogFile, catalogStatus } from './load';
import { serviceFromRow } from './model';
import { sfnMemberName } from './javaNames';
import type { CatalogOperation, CatalogService } from './model';

export { camelCase, pascalCase } from './model';
export type { CatalogMember, CatalogOperation, CatalogService, MemberType } from './model';
export { catalogStatus, configureCatalog } from './load';
export type { CatalogStatus } from './load';

/** The naming schemes a service can be asked for or named in. */
export type ServiceScheme = 'v3' | 'sfn' | 'iam';

/** What a name matched, best first; `iamPrefix`, `signingName` and `endpointPrefix` may be shared by services. */
export type MatchedBy = 'v3' | 'sfn' | 'v2' | 'serviceId' | 'iamPrefix' | 'signingName' | 'endpointPrefix' | 'alias';
const MATCH_RANK: readonly MatchedBy[] = [
  'v3',
  'sfn',
  'v2',
  'serviceId',
  'alias',
  'iamPrefix',
  'signingName',
  'endpointPrefix',
];

export interface ServiceMatch {
  service: CatalogService;
  matchedBy: MatchedBy;
}

/**
 * Names people use that are none of the schemes. Also which service wins when an IAM prefix or endpoint is
 * shared: `events` is both EventBridge's and CloudWatch Events' prefix, and EventBridge is the current API.
 */
const ALIASES: Readonly<Record<string, string>> = {
  stepfunctions: 'sfn',
  'step-functions': 'sfn',
  ddb: 'dynamodb',
  elbv2: 'elastic-load-balancing-v2',
  events: 'eventbridge',
  'execute-api': 'apigatewaymanagementapi',
  email: 'ses',
};

interface Index {
  services: CatalogService[];
  byKey: Map<string, ServiceMatch[]>;
}
let index: Index | undefined;
let indexedFile: unknown;

/** Case-insensitive key; `@aws-sdk/client-s3` and `client-s3` count as `s3`. */
function key(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^@aws-sdk\//, '')
    .replace(/^client-/, '');
}

function buildIndex(): Index {
  const file = catalogFile();
  if (index && indexedFile === file) return index;
  const services = file.services.map(serviceFromRow);
  const byKey = new Map<string, ServiceMatch[]>();
  const add = (name: string, service: CatalogService, matchedBy: MatchedBy): void => {
    if (!name) return;
    const k = key(name);
    const list = byKey.get(k) ?? [];
    if (!list.some((m) => m.service === service)) list.push({ service, matchedBy });
    else {
      const existing = list.find((m) => m.service === service)!;
      if (MATCH_RANK.indexOf(matchedBy) < MATCH_RANK.indexOf(existing.matchedBy)) existing.matchedBy = matchedBy;
    }
    byKey.set(k, list);
  };
  file.services.forEach((row, i) => {
    const service = services[i]!;
    add(service.v3, service, 'v3');
    add(service.sfn, service, 'sfn');
    add(service.v2, service, 'v2');
    add(service.serviceId, service, 'serviceId');
    add(service.iamPrefix, service, 'iamPrefix');
    add(row[7], service, 'signingName');
    add(service.endpointPrefix, service, 'endpointPrefix');
  });
  for (const [alias, v3] of Object.entries(ALIASES)) {
    const service = services.find((s) => s.v3 === v3);
    if (service) add(alias, service, 'alias');
  }
  for (const list of byKey.values()) {
    list.sort(
      (a, b) =>
        MATCH_RANK.indexOf(a.matchedBy) - MATCH_RANK.indexOf(b.matchedBy) || (a.service.v3 < b.service.v3 ? -1 : 1),
    );
  }
  index = { services, byKey };
  indexedFile = file;
  return index;
}

/** Every service, sorted by SDK v3 name. */
export function allServices(): readonly CatalogService[] {
  return buildIndex().services;
}

/** Every service a name can mean, best first (any scheme, any casing). */
export function matchServices(name: string): readonly ServiceMatch[] {
  return buildIndex().byKey.get(key(name)) ?? [];
}

/** The service a name means in any scheme (`s3`, `S3`, `sfn`, `states`, `cloudwatchlogs`, `logs`...). */
export function findService(name: string): CatalogService | undefined {
  return matchServices(name)[0]?.service;
}

/** A service's name in one scheme. */
export function serviceName(service: CatalogService, scheme: ServiceScheme): string {
  return scheme === 'v3' ? service.v3 : scheme === 'sfn' ? service.sfn : service.iamPrefix;
}

/**
 * "Did you mean" for a service name that is not right in `scheme` (default: SDK v3, the invoker's scheme).
 * A name that is right in another scheme gives that service's name (`states` -> `sfn`, `S3` -> `s3`,
 * `cloudwatchlogs` -> `cloudwatch-logs`); otherwise the closest names by edit distance, best first, at most `max`.
 * A name that is already right gives [].
 */
export function suggestService(name: string, scheme: ServiceScheme = 'v3', max = 3): string[] {
  const exact = findService(name);
  if (exact) {
    const wanted = serviceName(exact, scheme);
    return wanted === name ? [] : [wanted];
  }
  const k = key(name);
  if (!k) return [];
  const limit = suggestionLimit(k);
  const scored = new Map<string, number>();
  for (const [candidate, matches] of buildIndex().byKey) {
    const d = editDistance(k, candidate, limit);
    const prefixHit = k.length >= 3 && candidate.startsWith(k);
    if (d > limit && !prefixHit) continue;
    const score = d > limit ? limit + 0.5 : d;
    const wanted = serviceName(matches[0]!.service, scheme);
    if (!scored.has(wanted) || scored.get(wanted)! > score) scored.set(wanted, score);
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([n]) => n);
}

function resolve(service: string | CatalogService): CatalogService | undefined {
  return typeof service === 'string' ? findService(service) : service;
}

const operationMaps = new WeakMap<CatalogService, Map<string, CatalogOperation>>();
function operationMap(service: CatalogService): Map<string, CatalogOperation> {
  let map = operationMaps.get(service);
  if (!map) {
    map = new Map();
    for (const op of service.operations) {
      map.set(op.name, op);
      if (!map.has(op.action)) map.set(op.action, op);
    }
    operationMaps.set(service, map);
  }
  return map;
}

/** A service's operations, sorted by name; [] for an unknown service. */
export function operationsOf(service: string | CatalogService): readonly CatalogOperation[] {
  return resolve(service)?.operations ?? [];
}

/** An operation by its PascalCase (`GetObject`) or camelCase (`getObject`) name; other casings do not match. */
export function findOperation(service: string | CatalogService, action: string): CatalogOperation | undefined {
  const s = resolve(service);
  return s ? operationMap(s).get(action) : undefined;
}

/**
 * "Did you mean" for an operation name: the same name in other casing first (`GETOBJECT` -> `getObject`), then the
 * closest names by edit distance. Answers in camelCase (invoker `action`, aws-sdk resources) unless asked otherwise.
 */
export function suggestOperation(
  service: string | CatalogService,
  action: string,
  options: { form?: 'camel' | 'pascal'; max?: number } = {},
): string[] {
  const s = resolve(service);
  if (!s) return [];
  const form = (op: CatalogOperation): string => (options.form === 'pascal' ? op.name : op.action);
  const max = options.max ?? 3;
  const wanted = action.trim().toLowerCase();
  const sameLetters = s.operations.find((op) => op.name.toLowerCase() === wanted);
  if (sameLetters) return form(sameLetters) === action ? [] : [form(sameLetters)];
  const limit = Math.max(2, suggestionLimit(wanted));
  return s.operations
    .map((op) => ({ op, d: editDistance(wanted, op.name.toLowerCase(), limit) }))
    .filter(({ d }) => d <= limit)
    .sort((a, b) => a.d - b.d || (a.op.name < b.op.name ? -1 : 1))
    .slice(0, max)
    .map(({ op }) => form(op));
}

/**
 * The IAM actions an operation needs, the primary one first: `<iamPrefix>:<Operation>` unless AWS documents
 * otherwise (`s3:ListBuckets` -> `s3:ListAllMyBuckets`, API Gateway management -> `apigateway:GET`...).
 * undefined when the service or operation is unknown.
 */
export function iamActionFor(service: string | CatalogService, operation: string): string[] | undefined {
  const s = resolve(service);
  const op = s && findOperation(s, operation);
  if (!s || !op) return undefined;
  const exception = IAM_ACTION_EXCEPTIONS[s.v3]?.[op.name];
  if (exception) return [...exception];
  if (IAM_HTTP_VERB_SERVICES.includes(s.v3) && op.httpMethod) return [`${s.iamPrefix}:${op.httpMethod}`];
  return [`${s.iamPrefix}:${op.name}`];
}

/**
 * The name an `aws-sdk:` task uses for a model member: the AWS SDK for Java v2 property name, PascalCase
 * (`DBInstanceIdentifier` -> `DbInstanceIdentifier`, `Equals` -> `EqualsValue`, `agentId` -> `AgentId`).
 * See javaNames.ts for the rule and its source.
 */
export const sfnParameterName = sfnMemberName;

/** Whether the catalog loaded (false if catalog.json is missing or unreadable; see `catalogStatus().error`). */
export function catalogAvailable(): boolean {
  catalogFile();
  return catalogStatus().error === undefined;
}
