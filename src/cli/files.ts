// Resolves the CLI's PATH arguments: files as given, folders walked for definitions, globs expanded.
import * as fs from 'fs';
import * as path from 'path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { LanguageId } from '../core/parse';

export const DEFINITION_PATTERN = '**/*.asl.{json,yaml,yml}';
const IGNORED = ['**/node_modules/**', '**/.git/**'];

export class FileArgumentError extends Error {}

export function languageForFile(file: string): LanguageId {
  return /\.ya?ml$/i.test(file) ? 'asl-yaml' : 'asl';
}

/** Expands the arguments into a sorted, de-duplicated list of files. */
export function resolveDefinitionFiles(args: string[], cwd: string): string[] {
  const out = new Set<string>();
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      for (const f of globSync(DEFINITION_PATTERN, { cwd: abs, ignore: IGNORED, absolute: true, dot: false }))
        out.add(path.normalize(f));
    } else if (stat) {
      out.add(abs);
    } else if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { cwd, ignore: IGNORED, absolute: true });
      if (!matches.length) throw new FileArgumentError(`no file matches ${arg}`);
      for (const f of matches) out.add(path.normalize(f));
    } else {
      throw new FileArgumentError(`cannot read ${arg}: no such file or folder`);
    }
  }
  return [...out].sort();
}
