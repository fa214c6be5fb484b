// Generates the API catalog (src/core/catalog/data/catalog.json) from AWS's own API models: the npm `aws-sdk` v2
// package's `apis/*.min.json` (+ `apis/metadata.json` for the v2 class names). Keeps the newest model per service.
//
//   node --import tsx scripts/catalog/generate.ts [--apis <dir>] [--out <dir>] [--check]
//
// --check regenerates in memory and exits 1 if the committed file differs (nothing written).
// If aws-cdk-lib's `custom-resources/lib/helpers-internal/sdk-v3-metadata.json` is installed, its IAM prefixes are
// compared with ours and differences are printed (it is not a dependency; nothing relies on it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOG_FORMAT, ServiceFlag, TYPE_CODES, serializeCatalog } from '../../src/core/catalog/format';
import type { CatalogFile, MemberType, ServiceRow } from '../../src/core/catalog/format';
import { IAM_HTTP_VERB_SERVICES } from '../../src/core/catalog/iam-exceptions';
import { IAM_PREFIX_EXCEPTIONS } from './iam-prefixes';
import { DOCUMENTED_SFN_NAMES, RETIRED_SFN_NAMES, sfnNameFor } from './sfn-names';
import { SFN_UNSUPPORTED_OPERATIONS } from './sfn-unsupported';

const ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_APIS_DIR = path.join(ROOT, 'node_modules', 'aws-sdk', 'apis');
export const DEFAULT_OUT_DIR = path.join(ROOT, 'src', 'core', 'catalog', 'data');
export const CATALOG_FILE_NAME = 'catalog.json';

/** The parts of a v2 `*.min.json` model the catalog reads. */
interface ModelShape {
  type?: string;
  shape?: string;
  members?: Record<string, ModelShape>;
  required?: string[];
}
interface ApiModel {
  metadata: { apiVersion: string; serviceId?: string; signingName?: string; endpointPrefix: string };
  operations: Record<string, { input?: ModelShape; http?: { method?: string }; deprecated?: boolean }>;
  shapes: Record<string, ModelShape>;
}

/** SDK v3 package suffix: exactly how SDK v3 names its packages (serviceId lower-cased, spaces -> '-'). */
export function v3NameFor(serviceId: string): string {
  return serviceId.trim().toLowerCase().replace(/\s+/g, '-');
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

/** v2 metadata.json: `{ <id>: { name, prefix? } }`; the model prefix is `prefix ?? id`. */
function v2ClassNames(apisDir: string): Map<string, string> {
  const meta = JSON.parse(fs.readFileSync(path.join(apisDir, 'metadata.json'), 'utf8')) as Record<
    string,
    { name: string; prefix?: string }
  >;
  return new Map(Object.entries(meta).map(([id, entry]) => [entry.prefix ?? id, entry.name]));
}

function memberType(model: ApiModel, member: ModelShape, depth = 0): MemberType {
  if (member.shape !== undefined && depth < 8) {
    const target = model.shapes[member.shape];
    if (target) return memberType(model, target, depth + 1);
  }
  const type = member.type ?? 'string';
  if (!(type in TYPE_CODES)) throw new Error(`unknown member type ${type}`);
  return type as MemberType;
}

function inputShape(model: ApiModel, input: ModelShape | undefined): ModelShape | undefined {
  if (input?.shape !== undefined && !input.members) return model.shapes[input.shape];
  return input;
}

function operationLines(model: ApiModel, v3: string, sfn: string): string[] {
  const unsupported = new Set(SFN_UNSUPPORTED_OPERATIONS[sfn] ?? []);
  const withVerb = IAM_HTTP_VERB_SERVICES.includes(v3);
  return Object.keys(model.operations)
    .sort()
    .map((name) => {
      const op = model.operations[name]!;
      let head = name;
      if (op.deprecated) head += '~';
      if (unsupported.has(name)) head += '#';
      // The v2 models omit the method when it is POST (the SDK v2 defaults to POST).
      if (withVerb) head += `@${op.http?.method ?? 'POST'}`;
      const input = inputShape(model, op.input);
      const required = new Set(input?.required ?? []);
      const members = Object.entries(input?.members ?? {}).map(
        ([member, def]) => `${required.has(member) ? '!' : ''}${member}:${TYPE_CODES[memberType(model, def)]}`,
      );
      return [head, ...members].join(' ');
    });
}

export interface GenerateResult {
  file: CatalogFile;
  /** Problems worth a look (printed by the CLI, asserted empty by the tests). */
  warnings: string[];
}

export function buildCatalog(apisDir: string = DEFAULT_APIS_DIR): GenerateResult {
  const warnings: string[] = [];
  const classNames = v2ClassNames(apisDir);
  const documented = new Set(DOCUMENTED_SFN_NAMES);
  const rows: ServiceRow[] = [];
  for (const [prefix, { version, file }] of newestModels(apisDir)) {
    const model = JSON.parse(fs.readFileSync(path.join(apisDir, file), 'utf8')) as ApiModel;
    const md = model.metadata;
    if (!md.serviceId) {
      warnings.push(`${file}: no metadata.serviceId, skipped`);
      continue;
    }
    const v3 = v3NameFor(md.serviceId);
    const sfn = sfnNameFor(md.serviceId);
    const iamPrefix = IAM_PREFIX_EXCEPTIONS[v3] ?? md.signingName ?? md.endpointPrefix;
    const ops = operationLines(model, v3, sfn);
    if (ops.length === 0) warnings.push(`${v3}: no operations`);
    rows.push([
      v3,
      sfn,
      iamPrefix,
      md.serviceId,
      classNames.get(prefix) ?? '',
      version,
      md.endpointPrefix,
      md.signingName ?? '',
      documented.has(sfn) ? ServiceFlag.SfnDocumented : 0,
      ops,
    ]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  checkUnique(rows, 0, 'SDK v3 name', warnings);
  checkUnique(rows, 1, 'Step Functions name', warnings);
  for (const sfn of Object.keys(SFN_UNSUPPORTED_OPERATIONS)) {
    if (!rows.some((r) => r[1] === sfn)) warnings.push(`sfn-unsupported.ts names an unknown service: ${sfn}`);
  }
  for (const name of DOCUMENTED_SFN_NAMES) {
    if (RETIRED_SFN_NAMES.includes(name)) continue;
    if (!rows.some((r) => r[1] === name)) warnings.push(`documented Step Functions name without a model: ${name}`);
  }
  const sdkVersion = readSdkVersion(apisDir);
  return {
    file: { format: CATALOG_FORMAT, source: `aws-sdk@${sdkVersion} apis/*.min.json`, services: rows },
    warnings,
  };
}

function checkUnique(rows: ServiceRow[], column: 0 | 1, label: string, warnings: string[]): void {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row[column])) warnings.push(`duplicate ${label}: ${row[column]}`);
    seen.add(row[column]);
  }
}

function readSdkVersion(apisDir: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(apisDir, '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** If aws-cdk-lib happens to be installed, report where its v3 -> IAM prefix table disagrees with ours. */
function compareWithCdk(rows: ServiceRow[]): string[] {
  const candidate = path.join(ROOT, 'node_modules', 'aws-cdk-lib', 'custom-resources', 'lib', 'helpers-internal');
  const file = path.join(candidate, 'sdk-v3-metadata.json');
  if (!fs.existsSync(file)) return [];
  const cdk = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { iamPrefix?: string }>;
  const notes: string[] = [];
  for (const row of rows) {
    const theirs = cdk[row[0]]?.iamPrefix;
    if (theirs && theirs !== row[2]) notes.push(`aws-cdk-lib says ${row[0]} -> ${theirs}, catalog says ${row[2]}`);
  }
  return notes;
}

function main(argv: string[]): number {
  const arg = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const apisDir = arg('--apis') ?? DEFAULT_APIS_DIR;
  const outDir = arg('--out') ?? DEFAULT_OUT_DIR;
  const { file, warnings } = buildCatalog(apisDir);
  for (const w of [...warnings, ...compareWithCdk(file.services)]) console.warn(`warning: ${w}`);
  const text = serializeCatalog(file);
  const target = path.join(outDir, CATALOG_FILE_NAME);
  const ops = file.services.reduce((n, row) => n + row[9].length, 0);
  if (argv.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), target)} is out of date: run npm run catalog`);
      return 1;
    }
    console.log(`catalog up to date: ${file.services.length} services, ${ops} operations`);
    return 0;
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(target, text);
  console.log(
    `wrote ${path.relative(process.cwd(), target)}: ${file.services.length} services, ${ops} operations, ` +
      `${Buffer.byteLength(text)} bytes`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
