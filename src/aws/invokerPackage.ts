// Finds and reads the invoker's deployment package (dist/invoker/invoker.zip, built by build/zip-invoker.js)
// from a bundle in dist/, from the sources under tsx, or from an extension's install folder.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const INVOKER_ZIP = join('invoker', 'invoker.zip');

export function invokerZipCandidates(extra: string[] = []): string[] {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  return [
    ...extra,
    join(here, INVOKER_ZIP), // dist/cli.js, dist/extension.js
    join(here, '..', '..', 'dist', INVOKER_ZIP), // src/aws or src/cli under tsx
    join(process.cwd(), 'dist', INVOKER_ZIP),
  ];
}

export class MissingPackageError extends Error {}

export async function readInvokerZip(extra: string[] = []): Promise<{ path: string; zip: Uint8Array }> {
  for (const path of invokerZipCandidates(extra)) {
    if (existsSync(path)) return { path, zip: new Uint8Array(await readFile(path)) };
  }
  throw new MissingPackageError('the invoker package (dist/invoker/invoker.zip) is missing: run `npm run build` first');
}
