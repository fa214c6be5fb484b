// Where the generator reads AWS's Smithy API models from: a git copy of aws/api-models-aws (a bare repository or a
// clone; files are read at one commit with `git cat-file --batch`, no checkout needed) or a plain directory with the
// same layout (`<sdk-id>/service/<version>/<sdk-id>-<version>.json`). Reports the commit and its date so the
// generated catalog can say exactly which models it describes.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MODELS_REPOSITORY = 'aws/api-models-aws';

/** One service model file: its path in the repository (`s3/service/2006-03-01/s3-2006-03-01.json`) and text. */
export interface ModelFile {
  path: string;
  text: string;
}

export interface ModelSet {
  files: ModelFile[];
  /** Paths listed at the commit whose contents the copy does not hold (a partial snapshot omits its largest files). */
  absent: string[];
  /** The commit the files were read at ('' for a plain directory). */
  commit: string;
  /** The commit's date, ISO 8601 with offset, as git prints it ('' for a plain directory). */
  date: string;
}

const MODEL_PATH = /^[^/]+\/service\/[^/]+\/[^/]+\.json$/;

function git(gitDir: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['--git-dir', gitDir, ...args], {
    input,
    maxBuffer: 1024 * 1024 * 1024,
  });
}

/** The git directory of `dir` (a bare repository or a clone's `.git`), or undefined. */
export function gitDirOf(dir: string): string | undefined {
  if (fs.existsSync(path.join(dir, '.git'))) return path.join(dir, '.git');
  if (fs.existsSync(path.join(dir, 'HEAD')) && fs.existsSync(path.join(dir, 'objects'))) return dir;
  return undefined;
}

/** Every service model at `rev` of a git repository. */
export function readModelsFromGit(gitDir: string, rev = 'HEAD'): ModelSet {
  const [commit = '', date = ''] = git(gitDir, ['log', '-1', '--format=%H %cI', rev])
    .toString('utf8')
    .trim()
    .split(' ');
  const entries = git(gitDir, ['ls-tree', '-r', commit])
    .toString('utf8')
    .split('\n')
    .map((line) => /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && MODEL_PATH.test(m[2]!))
    .map((m) => ({ blob: m[1]!, path: m[2]! }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const out = git(gitDir, ['cat-file', '--batch'], entries.map((e) => e.blob).join('\n') + '\n');
  const files: ModelFile[] = [];
  const absent: string[] = [];
  let at = 0;
  for (const entry of entries) {
    const headerEnd = out.indexOf(0x0a, at);
    const header = out.subarray(at, headerEnd).toString('utf8').split(' ');
    at = headerEnd + 1;
    if (header[1] === 'missing') {
      absent.push(entry.path);
      continue;
    }
    if (header[1] !== 'blob') throw new Error(`git cat-file: unexpected ${header.join(' ')} for ${entry.path}`);
    const size = Number(header[2]);
    files.push({ path: entry.path, text: out.subarray(at, at + size).toString('utf8') });
    at += size + 1;
  }
  return { files, absent, commit, date };
}

/** Every service model under a plain directory with the repository's layout. */
export function readModelsFromDir(dir: string): ModelSet {
  const files: ModelFile[] = [];
  for (const service of fs.readdirSync(dir).sort()) {
    const versions = path.join(dir, service, 'service');
    if (!fs.statSync(path.join(dir, service)).isDirectory() || !fs.existsSync(versions)) continue;
    for (const version of fs.readdirSync(versions).sort()) {
      for (const file of fs.readdirSync(path.join(versions, version)).sort()) {
        const rel = `${service}/service/${version}/${file}`;
        if (MODEL_PATH.test(rel)) files.push({ path: rel, text: fs.readFileSync(path.join(dir, rel), 'utf8') });
      }
    }
  }
  return { files, absent: [], commit: '', date: '' };
}

/** Models from a git copy when `dir` is one, else from the directory itself. */
export function readModels(dir: string, rev?: string): ModelSet {
  const gitDir = gitDirOf(dir);
  return gitDir ? readModelsFromGit(gitDir, rev) : readModelsFromDir(dir);
}
