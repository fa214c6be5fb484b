// Where the conformance suite finds the peer corpora: $SFN_CORPUS_DIR, else ../shared/corpus beside the
// checkout. A missing folder is an error with a message saying what to do, never a silent skip.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** The corpus root: $SFN_CORPUS_DIR (relative to the repository) or ../shared/corpus. */
export function corpusRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.SFN_CORPUS_DIR
    ? path.resolve(repoRoot, env.SFN_CORPUS_DIR)
    : path.resolve(repoRoot, '..', 'shared', 'corpus');
}

/** One corpus folder (e.g. `asl-validator`); throws a clear message when it is missing. */
export function corpusFolder(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = path.join(corpusRoot(env), name);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new Error(
      `conformance corpus missing: ${dir} does not exist. Put the corpora at ../shared/corpus beside the checkout ` +
        `or set SFN_CORPUS_DIR to the folder that holds ${name}/ (see test/conformance/README.md).`,
    );
  return dir;
}
