// The API catalog's on-disk format (catalog.json), shared by the generator (scripts/catalog) and the loader.
// One JSON document: a header and one array per service; each operation is one compact string that the loader
// parses only when that service's operations are first asked for.

/** Bump when the layout below changes; the loader refuses other versions. */
export const CATALOG_FORMAT = 1;

/**
 * One service, as an array (positions are the field order):
 * `[v3, sfn, iamPrefix, serviceId, v2Name, apiVersion, endpointPrefix, signingName, flags, operations]`.
 * - `v3`: SDK v3 package suffix (`@aws-sdk/client-<v3>`), the invoker's `service`.
 * - `sfn`: Step Functions `aws-sdk:<sfn>:<action>` integration name.
 * - `iamPrefix`: IAM action prefix (`states`, `logs`...).
 * - `serviceId`: `metadata.serviceId` of the API model.
 * - `v2Name`: SDK v2 class name (`CloudWatchLogs`); `apiVersion`: the newest model's version.
 * - `endpointPrefix`, `signingName` (`''` when the model has none): kept as lookup aliases.
 * - `flags`: bit field, see `ServiceFlag`.
 * - `operations`: one `OperationLine` per operation, sorted by name.
 */
export type ServiceRow = [
  v3: string,
  sfn: string,
  iamPrefix: string,
  serviceId: string,
  v2Name: string,
  apiVersion: string,
  endpointPrefix: string,
  signingName: string,
  flags: number,
  operations: string[],
];

export const ServiceFlag = {
  /** The Step Functions name appears in AWS's published list of AWS SDK integrations. */
  SfnDocumented: 1,
} as const;

/**
 * An operation line: space-separated tokens.
 * First token: the PascalCase operation name, then optional markers in this order:
 * `~` deprecated in the model, `#` documented as unsupported by Step Functions' AWS SDK integration,
 * `@VERB` the HTTP method (stored only for services whose IAM actions are HTTP verbs).
 * Then one token per top-level input member, in model order: `[!]Name:<type code>` (`!` = required).
 * Example: `GetObject !Bucket:s !Key:s IfMatch:s PartNumber:i`.
 */
export type OperationLine = string;

/** Member type codes in operation lines. */
export const TYPE_CODES = {
  string: 's',
  integer: 'i',
  long: 'n',
  float: 'f',
  double: 'd',
  boolean: 'b',
  timestamp: 't',
  blob: 'y',
  structure: 'S',
  list: 'l',
  map: 'm',
  document: 'D',
} as const;

export type MemberType = keyof typeof TYPE_CODES;

export const TYPE_BY_CODE: Record<string, MemberType> = Object.fromEntries(
  Object.entries(TYPE_CODES).map(([type, code]) => [code, type as MemberType]),
);

export interface CatalogFile {
  format: typeof CATALOG_FORMAT;
  /** Where the data came from, in words (the models' repository, commit and date; any fallback). */
  source: string;
  /** The API models' repository, commit and commit date (ISO 8601), when they came from git. */
  models?: { repository: string; commit: string; date: string };
  services: ServiceRow[];
}

/**
 * Serialise deterministically: one service per line so that regenerations give readable diffs.
 * The generator writes exactly this; the drift test compares against it byte for byte.
 */
export function serializeCatalog(file: CatalogFile): string {
  const models = file.models ? `"models":${JSON.stringify(file.models)},` : '';
  const head = `{"format":${JSON.stringify(file.format)},"source":${JSON.stringify(file.source)},${models}"services":[\n`;
  return head + file.services.map((row) => JSON.stringify(row)).join(',\n') + '\n]}\n';
}
