// Conformance on real projects: <corpus>/aws-samples-workflows (AWS's public sample collection, see
// ../shared/corpus/README.md), linted whole through the CLI's entry and compared with the committed, triaged
// expectations in ./expectations/aws-samples-workflows.json (format: ./README.md). Any new or missing finding
// fails with a per-file diff; so does any entry still UNTRIAGED or without evidence.
// SFN_CONFORMANCE_WRITE=1 rewrites the file from the current findings, keeping existing reasons and evidence.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { lintFolderWithCli } from './cliLint';
import { corpusFolder } from './corpus';
import {
  diffExpectations,
  formatDiff,
  mergeExpectations,
  readExpectations,
  untriaged,
  writeExpectations,
  type ExpectationsFile,
} from './expectations';

const CORPUS = 'aws-samples-workflows';
const corpusDir = corpusFolder(CORPUS);
const expectationsFile = path.join(__dirname, 'expectations', `${CORPUS}.json`);
const writeMode = process.env.SFN_CONFORMANCE_WRITE === '1';

let expectations: ExpectationsFile = readExpectations(expectationsFile, CORPUS);

void test(`${CORPUS}: the corpus holds the 176 definition files its README lists`, () => {
  const definitions = globSync('**/*.asl.{json,yaml,yml}', { cwd: corpusDir });
  assert.equal(definitions.length, 176, `expected 176 *.asl.json|yaml|yml files in ${corpusDir}`);
});

void test(`${CORPUS}: every file's findings (through \`sfn-crossings lint --format json\`) are the expected ones`, async () => {
  const { findings } = await lintFolderWithCli(corpusDir);
  const diffs = diffExpectations(expectations, findings);
  const files = new Set(findings.map((f) => f.file)).size;
  console.log(
    `${CORPUS}: ${findings.length} finding(s) in ${files} file(s); ${diffs.length} file(s) differ from ${path.relative(process.cwd(), expectationsFile)}`,
  );
  if (writeMode) {
    if (diffs.length) console.log(`writing ${expectationsFile}; the differences were:\n${formatDiff(diffs)}`);
    expectations = mergeExpectations(expectations, findings);
    writeExpectations(expectationsFile, expectations);
    return;
  }
  assert.ok(
    diffs.length === 0,
    `${diffs.length} file(s) differ from the expectations (+ reported but not expected, - expected but not reported).\n` +
      `Triage each one (a finding on a valid sample is a defect of the rule); to record the current findings run ` +
      `SFN_CONFORMANCE_WRITE=1 npm run test:conformance, then give every UNTRIAGED entry its reason and evidence.\n` +
      formatDiff(diffs),
  );
});

void test(`${CORPUS}: every expected finding is triaged (a reason and evidence, none UNTRIAGED)`, () => {
  const open = untriaged(expectations);
  const total = Object.values(expectations.files).reduce((n, list) => n + list.length, 0);
  const byFile = new Map<string, string[]>();
  for (const { file, entry } of open)
    byFile.set(file, [...(byFile.get(file) ?? []), `${entry.code} ${entry.severity} ${entry.path}`]);
  assert.ok(
    open.length === 0,
    `${open.length} of ${total} expected finding(s) in ${path.relative(process.cwd(), expectationsFile)} are not triaged ` +
      `(reason UNTRIAGED/empty or no evidence):\n` +
      [...byFile].map(([file, entries]) => `${file}\n  ${entries.join('\n  ')}`).join('\n'),
  );
});

void test(`${CORPUS}: the expectations name only files that exist in the corpus`, () => {
  const gone = Object.keys(expectations.files).filter((f) => !fs.existsSync(path.join(corpusDir, f.split('#')[0]!)));
  assert.deepEqual(gone, [], 'expectations for files the corpus does not have');
});
