// `npm run test:conformance`: the peer corpora, outside `npm test` because they live outside the repository.
// Runs test/conformance/*.test.ts (node:test, tsx) over $SFN_CORPUS_DIR or ../shared/corpus beside the
// checkout, and fails loudly (exit 2, a message saying what to do) when the corpus is missing.
//   asl-validator.test.ts          asl-validator's 112 fixtures: valid-* no error, invalid-* at least one,
//                                  except the listed deliberate disagreements (each with its reason).
//   aws-samples-workflows.test.ts  AWS's sample collection linted whole through `sfn-crossings lint --format
//                                  json` (so every file kind the CLI reads is covered) against the expectations file.
//
// Expectations file (test/conformance/expectations/<corpus>.json):
//   { "corpus": "aws-samples-workflows",
//     "files": { "<corpus-relative path, / separators>": [
//         { "code": "ASL307", "severity": "error", "path": "/States/Foo/InputPath",
//           "reason": "why the finding is right, or which rule defect it is", "evidence": "AWS doc URL, template line..." } ] } }
//   A file not listed must have no finding. Findings match entries by code + severity + path (a multiset).
//   The run fails on any difference (+ new finding, - missing finding, per file) and while any entry has
//   reason "UNTRIAGED" (or empty) or empty evidence.
//   SFN_CONFORMANCE_WRITE=1 writes the current findings into the file, keeping the reason/evidence of entries
//   that still match and adding new ones as "UNTRIAGED" with empty evidence (the triage check still fails).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPORA = ['asl-validator', 'aws-samples-workflows'];

const root = process.env.SFN_CORPUS_DIR
  ? path.resolve(repoRoot, process.env.SFN_CORPUS_DIR)
  : path.resolve(repoRoot, '..', 'shared', 'corpus');
const missing = CORPORA.filter((name) => !fs.existsSync(path.join(root, name)));
if (missing.length) {
  console.error(
    `test:conformance: corpus missing: ${missing.map((m) => path.join(root, m)).join(', ')} not found.\n` +
      `The conformance suite needs the peer corpora (${CORPORA.join(', ')}); put them at ../shared/corpus beside ` +
      `the checkout or set SFN_CORPUS_DIR to the folder that holds them. See test/conformance/README.md.`,
  );
  process.exit(2);
}

const files = globSync('test/conformance/*.test.ts', { cwd: repoRoot }).sort();
if (!files.length) {
  console.error('test:conformance: no test/conformance/*.test.ts found');
  process.exit(2);
}
console.log(`conformance corpora: ${root}${process.env.SFN_CONFORMANCE_WRITE === '1' ? ' (write mode)' : ''}`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files],
  { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, SFN_CORPUS_DIR: root } },
);
process.exit(result.status ?? 1);
