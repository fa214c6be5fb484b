// The crossing rules' view of the API catalog (src/core/catalog): a service name checked in one naming scheme
// (SDK v3 for invoker payloads, Step Functions for aws-sdk tasks), operations and members by name, IAM actions.
// Lookups are memoised per name so a 4,000-task definition costs one catalog query per distinct name.
import {
  findOperation,
  iamActionFor,
  matchServices,
  suggestOperation,
  suggestService,
  type CatalogMember,
  type CatalogOperation,
  type CatalogService,
} from '../catalog';

export type { CatalogOperation, CatalogService } from '../catalog';
export type Scheme = 'v3' | 'sfn';

export interface ServiceLookup {
  /** The service, when the name is right in the asked scheme. */
  service?: CatalogService;
  /** The service the name means in another scheme or casing (`states` -> Step Functions). */
  suggestion?: CatalogService;
  /** Closest names in the asked scheme, best first (for "did you mean"). */
  names: string[];
}

const serviceMemo = { v3: new Map<string, ServiceLookup>(), sfn: new Map<string, ServiceLookup>() };

export function lookupService(name: string, scheme: Scheme): ServiceLookup {
  const memo = serviceMemo[scheme];
  let hit = memo.get(name);
  if (hit) return hit;
  const matches = matchServices(name);
  const exact = matches.find((m) => (scheme === 'v3' ? m.service.v3 : m.service.sfn) === name)?.service;
  if (exact) hit = { service: exact, names: [] };
  else {
    const other = matches[0]?.service;
    const names = other ? [scheme === 'v3' ? other.v3 : other.sfn] : suggestService(name, scheme, 3);
    hit = { names };
    if (other) hit.suggestion = other;
  }
  memo.set(name, hit);
  return hit;
}

export interface OperationLookup {
  operation?: CatalogOperation;
  /** The action is the right operation but not in camelCase (`GetObject`). */
  wrongCase?: boolean;
  names: string[];
}

const opMemo = new WeakMap<CatalogService, Map<string, OperationLookup>>();

export function lookupOperation(service: CatalogService, action: string): OperationLookup {
  let memo = opMemo.get(service);
  if (!memo) opMemo.set(service, (memo = new Map()));
  let hit = memo.get(action);
  if (hit) return hit;
  const op = findOperation(service, action);
  if (op) hit = { operation: op, wrongCase: op.action !== action, names: op.action !== action ? [op.action] : [] };
  else hit = { names: suggestOperation(service, action) };
  memo.set(action, hit);
  return hit;
}

const memberMemo = {
  v3: new WeakMap<CatalogOperation, MemberNames>(),
  sfn: new WeakMap<CatalogOperation, MemberNames>(),
};
export interface MemberNames {
  all: ReadonlySet<string>;
  required: readonly string[];
}

/**
 * Member names as written in the call: the model's own, as the SDK for JavaScript v3 spells them (invoker payloads),
 * or the SDK for Java v2 property names (aws-sdk tasks: `DbInstanceIdentifier`, `EqualsValue`). Memoised.
 */
export function memberNames(op: CatalogOperation, scheme: Scheme): MemberNames {
  let hit = memberMemo[scheme].get(op);
  if (!hit) {
    const name = scheme === 'sfn' ? (m: CatalogMember) => m.sfnName : (m: CatalogMember) => m.name;
    // The Java v2 request class may add names and alternatives (S3 copies, RDS SourceRegion): aws-sdk tasks only.
    const java = scheme === 'sfn' ? op.javaRequest : undefined;
    const required = op.members.filter((m) => m.required && !java?.satisfiedOtherwise?.includes(m.name));
    hit = { all: new Set([...op.members.map(name), ...(java?.extra ?? [])]), required: required.map(name) };
    memberMemo[scheme].set(op, hit);
  }
  return hit;
}

const iamMemo = new Map<string, string[]>();

/** The IAM actions of an SDK call named in one scheme; a best guess when the catalog does not know it. */
export function sdkIamActions(scheme: Scheme, service: string, action: string): string[] {
  const k = `${scheme}:${service}:${action}`;
  let hit = iamMemo.get(k);
  if (!hit) {
    const s = lookupService(service, scheme);
    const svc = s.service ?? s.suggestion;
    hit = (svc && iamActionFor(svc, action)) ?? [
      `${svc?.iamPrefix ?? service}:${action.charAt(0).toUpperCase()}${action.slice(1)}`,
    ];
    iamMemo.set(k, hit);
  }
  return [...hit];
}
