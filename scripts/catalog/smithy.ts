// Reads one AWS Smithy API model (JSON AST, https://smithy.io/2.0/spec/json-ast.html, as published in
// aws/api-models-aws) into what the catalog keeps of a service: its names, version and every operation with its
// top-level input members (model names, types, required or not).
//
// Required: a member with `@required`, except an `@idempotencyToken` (the SDKs fill it in when it is absent) and a
// member with a non-null `@default` (the default applies when it is absent): never stricter than the service.
import type { MemberType } from '../../src/core/catalog/format';

interface ShapeRef {
  target: string;
  traits?: Record<string, unknown>;
}
interface Shape {
  type: string;
  version?: string;
  traits?: Record<string, unknown>;
  members?: Record<string, ShapeRef>;
  input?: ShapeRef;
  operations?: ShapeRef[];
  resources?: ShapeRef[];
  collectionOperations?: ShapeRef[];
  create?: ShapeRef;
  put?: ShapeRef;
  read?: ShapeRef;
  update?: ShapeRef;
  delete?: ShapeRef;
  list?: ShapeRef;
}
export interface SmithyModel {
  shapes: Record<string, Shape>;
}

export interface ModelMember {
  name: string;
  type: MemberType;
  required: boolean;
}
export interface ModelOperation {
  name: string;
  deprecated: boolean;
  /** HTTP method of `@http`, when the operation has one. */
  method?: string;
  members: ModelMember[];
}
/** A service as the catalog needs it, whichever model format it was read from. */
export interface ServiceModel {
  /** `aws.api#service` sdkId ("CloudWatch Logs"). */
  sdkId: string;
  /** The service shape's version ("2014-03-28"). */
  version: string;
  endpointPrefix: string;
  /** `aws.auth#sigv4` name ('' when the service does not sign with SigV4). */
  signingName: string;
  /** `aws.api#service` arnNamespace ('' when absent). */
  arnNamespace: string;
  /** Sorted by name. */
  operations: ModelOperation[];
}

const PRELUDE: Readonly<Record<string, MemberType>> = {
  String: 'string',
  Blob: 'blob',
  Boolean: 'boolean',
  PrimitiveBoolean: 'boolean',
  Byte: 'integer',
  PrimitiveByte: 'integer',
  Short: 'integer',
  PrimitiveShort: 'integer',
  Integer: 'integer',
  PrimitiveInteger: 'integer',
  Long: 'long',
  PrimitiveLong: 'long',
  Float: 'float',
  PrimitiveFloat: 'float',
  Double: 'double',
  PrimitiveDouble: 'double',
  BigInteger: 'long',
  BigDecimal: 'double',
  Timestamp: 'timestamp',
  Document: 'document',
};

/** Smithy shape types -> catalog member types (enums are strings on the wire, sets are lists, unions objects). */
const BY_SHAPE_TYPE: Readonly<Record<string, MemberType>> = {
  string: 'string',
  enum: 'string',
  blob: 'blob',
  boolean: 'boolean',
  byte: 'integer',
  short: 'integer',
  integer: 'integer',
  intEnum: 'integer',
  long: 'long',
  float: 'float',
  double: 'double',
  bigInteger: 'long',
  bigDecimal: 'double',
  timestamp: 'timestamp',
  document: 'document',
  structure: 'structure',
  union: 'structure',
  list: 'list',
  set: 'list',
  map: 'map',
};

const shapeName = (id: string): string => id.slice(id.indexOf('#') + 1);

function memberType(model: SmithyModel, target: string): MemberType {
  if (target.startsWith('smithy.api#')) {
    const prelude = PRELUDE[shapeName(target)];
    if (prelude) return prelude;
  }
  const shape = model.shapes[target];
  const type = shape && BY_SHAPE_TYPE[shape.type];
  if (!type) throw new Error(`unknown member target ${target}`);
  return type;
}

function isRequired(traits: Record<string, unknown>): boolean {
  if (!('smithy.api#required' in traits) || 'smithy.api#idempotencyToken' in traits) return false;
  return !('smithy.api#default' in traits) || traits['smithy.api#default'] === null;
}

/** Every operation id bound to the service, directly or through its resources (recursively). */
function boundOperations(model: SmithyModel, service: Shape): Set<string> {
  const ops = new Set<string>();
  const seen = new Set<string>();
  const visit = (shape: Shape): void => {
    for (const ref of [...(shape.operations ?? []), ...(shape.collectionOperations ?? [])]) ops.add(ref.target);
    for (const k of ['create', 'put', 'read', 'update', 'delete', 'list'] as const) {
      const ref = shape[k];
      if (ref) ops.add(ref.target);
    }
    for (const ref of shape.resources ?? []) {
      if (seen.has(ref.target)) continue;
      seen.add(ref.target);
      const resource = model.shapes[ref.target];
      if (resource) visit(resource);
    }
  };
  visit(service);
  return ops;
}

function readOperation(model: SmithyModel, id: string): ModelOperation {
  const op = model.shapes[id];
  if (!op || op.type !== 'operation') throw new Error(`${id} is not an operation`);
  const traits = op.traits ?? {};
  const http = traits['smithy.api#http'] as { method?: string } | undefined;
  const input = op.input && op.input.target !== 'smithy.api#Unit' ? model.shapes[op.input.target] : undefined;
  const members = Object.entries(input?.members ?? {}).map(([name, ref]) => ({
    name,
    type: memberType(model, ref.target),
    required: isRequired(ref.traits ?? {}),
  }));
  const result: ModelOperation = { name: shapeName(id), deprecated: 'smithy.api#deprecated' in traits, members };
  if (http?.method) result.method = http.method;
  return result;
}

/** The one service of a model file and its operations. Throws on a model that is not an AWS service model. */
export function readSmithyService(model: SmithyModel): ServiceModel {
  const services = Object.entries(model.shapes).filter(([, s]) => s.type === 'service');
  if (services.length !== 1) throw new Error(`expected one service shape, found ${services.length}`);
  const [serviceId, service] = services[0]!;
  const traits = service.traits ?? {};
  const aws = traits['aws.api#service'] as { sdkId?: string; endpointPrefix?: string; arnNamespace?: string };
  if (!aws?.sdkId) throw new Error('the service has no aws.api#service sdkId');
  const sigv4 = traits['aws.auth#sigv4'] as { name?: string } | undefined;
  const operations = [...boundOperations(model, service)]
    .map((id) => readOperation(model, id))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // aws.api#service: arnNamespace defaults to the service shape's name in lower case, endpointPrefix to arnNamespace.
  const arnNamespace = aws.arnNamespace ?? shapeName(serviceId).toLowerCase();
  return {
    sdkId: aws.sdkId,
    version: service.version ?? '',
    endpointPrefix: aws.endpointPrefix ?? arnNamespace,
    signingName: sigv4?.name ?? '',
    arnNamespace,
    operations,
  };
}
