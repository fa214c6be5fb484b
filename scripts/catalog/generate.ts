// Generates the API catalog (src/core/catalog/data/catalog.json) from AWS's Smithy API models, the public repository
// aws/api-models-aws (one JSON AST model per service), read from a git copy at one commit. The catalog records that
// commit and its date. SDK v2 class names (lookup aliases) come from the npm `aws-sdk` v2 package's apis/, which also
// stands in for a service whose Smithy model the copy does not hold (the catalog's `source` names each such case).
//
//   node --import tsx scripts/catalog/generate.ts --models <api-models-aws git dir or checkout> [--rev <commit>]
//        [--apis <aws-sdk/apis dir>] [--out <dir>] [--check]
//
// `--models` defaults to $API_MODELS_AWS. --check regenerates in memory and exits 1 if the committed file differs.
// If aws-cdk-lib's `custom-resources/lib/helpers-internal/sdk-v3-metadata.json` is installed, its IAM prefixes are
// compared with ours and differences are printed (it is not a dependency; nothing relies on it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOG_FORMAT, ServiceFlag, TYPE_CODES, serializeCatalog } from '../../src/core/catalog/format';
import type { CatalogFile, ServiceRow } from '../../src/core/catalog/format';
import { IAM_HTTP_VERB_SERVICES } from '../../src/core/catalog/iam-exceptions';
import { IAM_PREFIX_EXCEPTIONS } from './iam-prefixes';
import { MODELS_REPOSITORY, readModels } from './modelSource';
import type { ModelSet } from './modelSource';
import { DOCUMENTED_SFN_NAMES, RETIRED_SFN_NAMES, sfnNameFor } from './sfn-names';
import { SFN_UNSUPPORTED_OPERATIONS } from './sfn-unsupported';
import { readSmithyService } from './smithy';
import type { ServiceModel, SmithyModel } from './smithy';
import { readV2Services, v2PackageVersion } from './v2Models';
import type { V2Service } from './v2Models';

const ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_APIS_DIR = path.join(ROOT, 'node_modules', 'aws-sdk', 'apis');
export const DEFAULT_OUT_DIR = path.join(ROOT, 'src', 'core', 'catalog', 'data');
export const CATALOG_FILE_NAME = 'catalog.json';

/** SDK v3 package suffix: exactly how SDK v3 names its packages (sdkId lower-cased, spaces -> '-'). */
export function v3NameFor(serviceId: string): string {
  return serviceId.trim().toLowerCase().replace(/\s+/g, '-');
}

/** One operation line (format.ts `OperationLine`). */
export function operationLine(op: ServiceModel['operations'][number], unsupported: boolean, withVerb: boolean): string {
  let head = op.name;
  if (op.deprecated) head += '~';
  if (unsupported) head += '#';
  if (withVerb) head += `@${op.method ?? 'POST'}`;
  const members = op.members.map((m) => `${m.required ? '!' : ''}${m.name}:${TYPE_CODES[m.type]}`);
  return [head, ...members].join(' ');
}

/** The catalog row of one service. */
export function serviceRow(v3: string, service: ServiceModel, className: string): ServiceRow {
  const sfn = sfnNameFor(service.sdkId);
  const unsupported = new Set(SFN_UNSUPPORTED_OPERATIONS[sfn] ?? []);
  const withVerb = IAM_HTTP_VERB_SERVICES.includes(v3);
  const iamPrefix = IAM_PREFIX_EXCEPTIONS[v3] ?? (service.signingName || service.endpointPrefix);
  return [
    v3,
    sfn,
    iamPrefix,
    service.sdkId,
    className,
    service.version,
    service.endpointPrefix,
    service.signingName,
    DOCUMENTED_SFN_NAMES.includes(sfn) ? ServiceFlag.SfnDocumented : 0,
    service.operations.map((op) => operationLine(op, unsupported.has(op.name), withVerb)),
  ];
}

export interface GenerateResult {
  file: CatalogFile;
  /** Problems worth a look (printed by the CLI, asserted empty by the tests). */
  warnings: string[];
}

/** The catalog of a set of Smithy models (plus the v2 package's class names and fallbacks). */
export function buildCatalog(models: ModelSet, apisDir: string = DEFAULT_APIS_DIR): GenerateResult {
  const warnings: string[] = [];
  const v2 = readV2Services(apisDir);
  const v2ByV3 = new Map<string, V2Service & { sdkId: string }>();
  for (const [sdkId, service] of v2) v2ByV3.set(v3NameFor(sdkId), { ...service, sdkId });
  const rows: ServiceRow[] = [];
  for (const file of models.files) {
    const dirName = file.path.split('/')[0]!;
    let service: ServiceModel;
    try {
      service = readSmithyService(JSON.parse(file.text) as SmithyModel);
    } catch (e) {
      warnings.push(`${file.path}: ${e instanceof Error ? e.message : String(e)}, skipped`);
      continue;
    }
    const v3 = v3NameFor(service.sdkId);
    if (v3 !== dirName) warnings.push(`${file.path}: sdkId "${service.sdkId}" gives ${v3}, not ${dirName}`);
    if (service.operations.length === 0) warnings.push(`${v3}: no operations`);
    rows.push(serviceRow(v3, service, v2.get(service.sdkId)?.className ?? ''));
  }
  const fallbacks: string[] = [];
  for (const absent of models.absent) {
    const v3 = absent.split('/')[0]!;
    const old = v2ByV3.get(v3);
    if (!old) {
      warnings.push(`${absent}: not in the models' copy and no SDK v2 model to stand in, skipped`);
      continue;
    }
    rows.push(serviceRow(v3, old.read(), old.className));
    fallbacks.push(v3);
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
  const date = models.date.slice(0, 10);
  let source = `${MODELS_REPOSITORY}@${models.commit.slice(0, 12) || 'working copy'}${date ? ` (${date})` : ''}`;
  if (fallbacks.length) {
    source += `; ${fallbacks.join(', ')} from aws-sdk@${v2PackageVersion(apisDir)} (absent from the models' copy)`;
  }
  const file: CatalogFile = { format: CATALOG_FORMAT, source, services: rows };
  if (models.commit) file.models = { repository: MODELS_REPOSITORY, commit: models.commit, date: models.date };
  return { file, warnings };
}

function checkUnique(rows: ServiceRow[], column: 0 | 1, label: string, warnings: string[]): void {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row[column])) warnings.push(`duplicate ${label}: ${row[column]}`);
    seen.add(row[column]);
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
  const modelsDir = arg('--models') ?? process.env.API_MODELS_AWS;
  if (!modelsDir) {
    console.error(
      'Where are the models? Give --models <aws/api-models-aws git dir or checkout> (or set API_MODELS_AWS).',
    );
    return 2;
  }
  const apisDir = arg('--apis') ?? DEFAULT_APIS_DIR;
  const outDir = arg('--out') ?? DEFAULT_OUT_DIR;
  const { file, warnings } = buildCatalog(readModels(modelsDir, arg('--rev')), apisDir);
  for (const w of [...warnings, ...compareWithCdk(file.services)]) console.warn(`warning: ${w}`);
  const text = serializeCatalog(file);
  const target = path.join(outDir, CATALOG_FILE_NAME);
  const ops = file.services.reduce((n, row) => n + row[9].length, 0);
  if (argv.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), target)} is out of date: run npm run catalog -- --models <dir>`);
      return 1;
    }
    console.log(`catalog up to date: ${file.services.length} services, ${ops} operations`);
    return 0;
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(target, text);
  console.log(
    `wrote ${path.relative(process.cwd(), target)}: ${file.services.length} services, ${ops} operations, ` +
      `${Buffer.byteLength(text)} bytes (${file.source})`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
