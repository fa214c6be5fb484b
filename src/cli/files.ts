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
  expandPathArguments(args, cwd, DEFINITION_PATTERN, IGNORED, (file) => out.add(file));
  return [...out].sort();
}

/**
 * Each PATH argument as files: a file as given (`explicit`), a folder walked for `walkPatterns` (not explicit),
 * a glob expanded (explicit). Paths are absolute and normalised. Throws FileArgumentError for an argument that
 * names nothing.
 */
export function expandPathArguments(
  args: string[],
  cwd: string,
  walkPatterns: string | string[],
  ignored: string[],
  add: (file: string, explicit: boolean) => void,
): void {
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      for (const f of globSync(walkPatterns, { cwd: abs, ignore: ignored, absolute: true, dot: false }))
        add(path.normalize(f), false);
    } else if (stat) {
      add(abs, true);
    } else if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { cwd, ignore: ignored, absolute: true });
      if (!matches.length) throw new FileArgumentError(`no file matches ${arg}`);
      for (const f of matches) add(path.normalize(f), true);
    } else {
      throw new FileArgumentError(`cannot read ${arg}: no such file or folder`);
    }
  }
}
