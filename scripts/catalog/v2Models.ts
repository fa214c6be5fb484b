// The npm `aws-sdk` v2 package's API models (`apis/*.min.json`, frozen at the package's final release): the SDK v2
// class name of every service (`CloudWatchLogs`, kept as a lookup alias), and a fallback model for a service whose
// Smithy model the models' copy does not hold (the snapshot reachable here omits its largest file, EC2's).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TYPE_CODES } from '../../src/core/catalog/format';
import type { MemberType } from '../../src/core/catalog/format';
import type { ModelOperation, ServiceModel } from './smithy';

interface V2Shape {
  type?: string;
  shape?: string;
  members?: Record<string, V2Shape & { idempotencyToken?: boolean }>;
  required?: string[];
}
interface V2Model {
  metadata: { apiVersion: string; serviceId?: string; signingName?: string; endpointPrefix: string };
  operations: Record<string, { input?: V2Shape; http?: { method?: string }; deprecated?: boolean }>;
  shapes: Record<string, V2Shape>;
}

export interface V2Service {
  /** SDK v2 class name (`CloudWatchLogs`), '' when metadata.json has none. */
  className: string;
  /** The newest model file of the service, read on demand. */
  read(): ServiceModel;
}

/** Newest model file per model prefix (`dynamodb-2012-08-10.min.json` beats `dynamodb-2011-12-05.min.json`). */
function newestModels(apisDir: string): Map<string, { version: string; file: string }> {
  const newest = new Map<string, { version: string; file: string }>();
  for (const file of fs.readdirSync(apisDir).sort()) {
    const m = /^(.+)-(\d{4}-\d{2}-\d{2})\.min\.json$/.exec(file);
    if (!m) continue;
    const [, prefix, version] = m as unknown as [string, string, string];
    const seen = newest.get(prefix);
    if (!seen || seen.version < version) newest.set(prefix, { version, file });
  }
  return newest;
}

function memberType(model: V2Model, member: V2Shape, depth = 0): MemberType {
  if (member.shape !== undefined && depth < 8) {
    const target = model.shapes[member.shape];
    if (target) return memberType(model, target, depth + 1);
  }
  const type = member.type ?? 'string';
  if (!(type in TYPE_CODES)) throw new Error(`unknown member type ${type}`);
  return type as MemberType;
}

function toServiceModel(model: V2Model): ServiceModel {
  const md = model.metadata;
  const operations = Object.keys(model.operations)
    .sort()
    .map((name): ModelOperation => {
      const op = model.operations[name]!;
      const input = op.input?.shape !== undefined && !op.input.members ? model.shapes[op.input.shape] : op.input;
      const required = new Set(input?.required ?? []);
      const members = Object.entries(input?.members ?? {}).map(([member, def]) => ({
        name: member,
        type: memberType(model, def),
        required: required.has(member) && !def.idempotencyToken,
      }));
      // The v2 models omit the method when it is POST (the SDK v2 defaults to POST).
      return { name, deprecated: op.deprecated === true, method: op.http?.method ?? 'POST', members };
    });
  return {
    sdkId: md.serviceId ?? '',
    version: md.apiVersion,
    endpointPrefix: md.endpointPrefix,
    signingName: md.signingName ?? '',
    arnNamespace: '',
    operations,
  };
}

/** Every v2 service by `metadata.serviceId`, or an empty map when the package is not installed. */
export function readV2Services(apisDir: string): Map<string, V2Service> {
  const services = new Map<string, V2Service>();
  if (!fs.existsSync(path.join(apisDir, 'metadata.json'))) return services;
  const meta = JSON.parse(fs.readFileSync(path.join(apisDir, 'metadata.json'), 'utf8')) as Record<
    string,
    { name: string; prefix?: string }
  >;
  const classNames = new Map(Object.entries(meta).map(([id, entry]) => [entry.prefix ?? id, entry.name]));
  for (const [prefix, { file }] of newestModels(apisDir)) {
    const text = fs.readFileSync(path.join(apisDir, file), 'utf8');
    const serviceId = (JSON.parse(text) as V2Model).metadata.serviceId;
    if (!serviceId) continue;
    services.set(serviceId, {
      className: classNames.get(prefix) ?? '',
      read: () => toServiceModel(JSON.parse(text) as V2Model),
    });
  }
  return services;
}

/** The installed package's version ('unknown' when absent). */
export function v2PackageVersion(apisDir: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(apisDir, '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
