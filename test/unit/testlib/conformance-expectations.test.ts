// The expectations mechanism of the conformance suite (test/conformance/expectations.ts), on made-up
// findings: matching by code + severity + path as a multiset, the per-file diff, the write mode that keeps
// reasons and evidence and marks new entries UNTRIAGED, and the triage check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  diffExpectations,
  formatDiff,
  mergeExpectations,
  untriaged,
  UNTRIAGED,
  type ActualFinding,
  type ExpectationsFile,
} from '../../conformance/expectations';

const finding = (
  file: string,
  code: string,
  path: string,
  severity: ActualFinding['severity'] = 'error',
): ActualFinding => ({
  file,
  code,
  severity,
  path,
  message: `${code} message`,
  line: 3,
});

const triaged: ExpectationsFile = {
  corpus: 'c',
  files: {
    'a/x.asl.json': [
      { code: 'ASL205', severity: 'error', path: '/States/A', reason: 'really broken', evidence: 'line 5' },
      {
        code: 'XC203',
        severity: 'error',
        path: '/States/B/Parameters/ApiEndpoint',
        reason: 'rule defect',
        evidence: 'doc',
      },
    ],
  },
};

test('the same findings in another order: no difference', () => {
  const actual = [
    finding('a/x.asl.json', 'XC203', '/States/B/Parameters/ApiEndpoint'),
    finding('a/x.asl.json', 'ASL205', '/States/A'),
  ];
  assert.deepEqual(diffExpectations(triaged, actual), []);
});

test('a new finding, a missing one, a changed severity and a finding on an unlisted file are all differences', () => {
  const actual = [
    finding('a/x.asl.json', 'ASL205', '/States/A', 'warning'),
    finding('b/y.asl.yaml', 'ASL101', '/StartAt'),
  ];
  const diffs = diffExpectations(triaged, actual);
  assert.deepEqual(
    diffs.map((d) => [
      d.file,
      d.extra.map((f) => `${f.code} ${f.severity}`),
      d.missing.map((e) => `${e.code} ${e.severity}`),
    ]),
    [
      ['a/x.asl.json', ['ASL205 warning'], ['ASL205 error', 'XC203 error']],
      ['b/y.asl.yaml', ['ASL101 error'], []],
    ],
  );
  const text = formatDiff(diffs);
  assert.match(text, /^a\/x\.asl\.json\n {2}\+ ASL205 warning \/States\/A \(line 3\): ASL205 message \[not expected\]/);
  assert.match(
    text,
    /- XC203 error \/States\/B\/Parameters\/ApiEndpoint \[expected, not reported; reason: rule defect\]/,
  );
  assert.match(text, /\nb\/y\.asl\.yaml\n {2}\+ ASL101 error \/StartAt/);
});

test('two equal findings need two entries (a multiset, not a set)', () => {
  const actual = [finding('a/x.asl.json', 'ASL205', '/States/A'), finding('a/x.asl.json', 'ASL205', '/States/A')];
  const diffs = diffExpectations(
    { corpus: 'c', files: { 'a/x.asl.json': [triaged.files['a/x.asl.json']![0]!] } },
    actual,
  );
  assert.equal(diffs.length, 1);
  assert.equal(diffs[0]!.extra.length, 1);
  assert.equal(diffs[0]!.missing.length, 0);
});

test('Windows separators in the CLI output match the / paths of the file', () => {
  const actual = [
    finding('a\\x.asl.json', 'ASL205', '/States/A'),
    finding('a\\x.asl.json', 'XC203', '/States/B/Parameters/ApiEndpoint'),
  ];
  assert.deepEqual(diffExpectations(triaged, actual), []);
});

test('write mode: kept entries keep reason and evidence, new ones are UNTRIAGED, stale ones go, and the result matches', () => {
  const actual = [
    finding('a/x.asl.json', 'ASL205', '/States/A'),
    finding('a/x.asl.json', 'ASL307', '/States/C/InputPath'),
    finding('b/y.asl.yaml', 'ASL101', '/StartAt', 'warning'),
  ];
  const merged = mergeExpectations(triaged, actual);
  assert.deepEqual(merged, {
    corpus: 'c',
    files: {
      'a/x.asl.json': [
        { code: 'ASL205', severity: 'error', path: '/States/A', reason: 'really broken', evidence: 'line 5' },
        { code: 'ASL307', severity: 'error', path: '/States/C/InputPath', reason: UNTRIAGED, evidence: '' },
      ],
      'b/y.asl.yaml': [{ code: 'ASL101', severity: 'warning', path: '/StartAt', reason: UNTRIAGED, evidence: '' }],
    },
  });
  assert.deepEqual(diffExpectations(merged, actual), []);
  assert.deepEqual(
    untriaged(merged).map((u) => `${u.file} ${u.entry.code}`),
    ['a/x.asl.json ASL307', 'b/y.asl.yaml ASL101'],
  );
});

test('the triage check: UNTRIAGED, an empty reason or empty evidence are all open; a full entry is not', () => {
  const file: ExpectationsFile = {
    corpus: 'c',
    files: {
      f: [
        { code: 'A1', severity: 'error', path: '/a', reason: 'ok', evidence: 'doc' },
        { code: 'A2', severity: 'error', path: '/b', reason: ' UNTRIAGED ', evidence: 'doc' },
        { code: 'A3', severity: 'error', path: '/c', reason: '', evidence: 'doc' },
        { code: 'A4', severity: 'error', path: '/d', reason: 'ok', evidence: '  ' },
      ],
    },
  };
  assert.deepEqual(
    untriaged(file).map((u) => u.entry.code),
    ['A2', 'A3', 'A4'],
  );
  assert.deepEqual(untriaged(triaged), []);
});
