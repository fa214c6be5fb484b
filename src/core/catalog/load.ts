// Finding and reading catalog.json, once, on first use. Bundles (dist/*.js) read dist/catalog/catalog.json
// (copied there by build/copy-catalog.js); source runs (tsx, tests) read src/core/catalog/data/catalog.json.
// A host that knows better (the extension, a test) can point at a file or hand over the text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOG_FORMAT } from './format';
import type { CatalogFile } from './format';

export const CATALOG_FILE_NAME = 'catalog.json';

export interface CatalogStatus {
  /** How many times the file has been read and parsed (0 until the first query, then 1). */
  loads: number;
  /** The file that was read, when one was. */
  path?: string;
  /** Why the catalog could not be loaded; queries then answer as if it were empty. */
  error?: string;
}

let source: { path?: string; text?: string } = {};
let loaded: CatalogFile | undefined;
const status: CatalogStatus = { loads: 0 };

/** Where to look, first hit wins: next to a bundle in dist/, then next to this module in src/. */
export function candidatePaths(): string[] {
  const dirs: string[] = [];
  if (typeof __dirname === 'string') {
    dirs.push(path.join(__dirname, 'catalog'), path.join(__dirname, 'data'), path.join(__dirname, '..', 'catalog'));
  }
  return dirs.map((dir) => path.join(dir, CATALOG_FILE_NAME));
}

/**
 * Use this file (or this already-read text) instead of searching; forgets what was loaded. The extension may call
 * it with `<extensionPath>/dist/catalog/catalog.json`; tests use it to load a small catalog.
 */
export function configureCatalog(options: { path?: string; text?: string }): void {
  source = { ...options };
  loaded = undefined;
  status.loads = 0;
  delete status.path;
  delete status.error;
}

export function catalogStatus(): Readonly<CatalogStatus> {
  return { ...status };
}

function parse(text: string, origin: string): CatalogFile {
  const data = JSON.parse(text) as Partial<CatalogFile>;
  if (data.format !== CATALOG_FORMAT || !Array.isArray(data.services)) {
    throw new Error(`${origin}: not an API catalog of format ${CATALOG_FORMAT}`);
  }
  return data as CatalogFile;
}

/** The catalog's contents, read on the first call only. Never throws: a failure is kept in `catalogStatus()`. */
export function catalogFile(): CatalogFile {
  if (loaded) return loaded;
  status.loads++;
  try {
    if (source.text !== undefined) {
      loaded = parse(source.text, 'configured catalog text');
    } else {
      const tried = source.path ? [source.path] : candidatePaths();
      const found = tried.find((p) => fs.existsSync(p));
      if (!found) throw new Error(`API catalog not found; looked in ${tried.join(', ')}`);
      status.path = found;
      loaded = parse(fs.readFileSync(found, 'utf8'), found);
    }
  } catch (e) {
    status.error = e instanceof Error ? e.message : String(e);
    loaded = { format: CATALOG_FORMAT, source: 'unavailable', services: [] };
  }
  return loaded;
}
