// Completion, hover and refactorings computed in the core.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { completionsAt, hoverAt, refactoringsAt } from '../../../src/core/crossings/assist';
import { applyEdits } from '../../../src/core/crossings/edits';
import { render, run, task, type Lang } from './helpers';

const NAMES = ['sfn-crossings-invoker'];
function at(doc: unknown, needle: string, lang: Lang = 'asl', delta = 0) {
  const text = render(doc, lang);
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  return { text, model: run(text, lang).model!, offset: offset + delta };
}
const invoker = (payload: unknown) =>
  task({
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: 'sfn-crossings-invoker', Payload: payload },
  });

for (const lang of ['asl', 'asl-yaml'] as const) {
  void test(`completion of invoker service, action, region, members (${lang})`, () => {
    const doc = invoker({ service: 's3', action: 'getObject', region: 'us-west-2', parameters: { Bucket: 'b' } });
    const q = lang === 'asl' ? 1 : 0;
    let c = at(doc, lang === 'asl' ? '"s3"' : 's3', lang, q);
    let r = completionsAt(c.model, c.offset, NAMES)!;
    assert.ok(r.items.some((i) => i.label === 'cloudwatch-logs' && i.kind === 'service'));
    assert.equal(c.text.slice(r.replace.offset, r.replace.offset + r.replace.length), 's3');
    c = at(doc, 'getObject', lang, 3);
    r = completionsAt(c.model, c.offset, NAMES)!;
    assert.ok(r.items.some((i) => i.label === 'putObject' && i.kind === 'action'));
    c = at(doc, 'us-west-2', lang, 1);
    r = completionsAt(c.model, c.offset, NAMES)!;
    assert.ok(r.items.some((i) => i.label === 'eu-central-1'));
    c = at(doc, 'Bucket', lang, 2);
    r = completionsAt(c.model, c.offset, NAMES)!;
    const key = r.items.find((i) => i.label === 'Key')!;
    assert.equal(key.sortText?.[0], '0', 'required members first');
    assert.ok(r.items.some((i) => i.label === 'VersionId'));
    assert.ok(!r.items.some((i) => i.label === 'Bucket' && r.replace.length === 0));
    // Applying an item renames the key under the cursor.
    const edited = applyEdits(c.text, [{ ...r.replace, newText: key.insertText }]);
    assert.deepEqual(
      run(edited, lang).findings.filter((f) => f.code === 'XC405').length,
      1,
      'Bucket became Key: Bucket is now missing',
    );
  });

  void test(`completion in aws-sdk resources and parameters (${lang})`, () => {
    const doc = task({ Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { Bucket: 'b' } });
    let c = at(doc, 'aws-sdk:s3', lang, 'aws-sdk:'.length + 1);
    let r = completionsAt(c.model, c.offset, NAMES)!;
    assert.ok(
      r.items.some((i) => i.label === 'cloudwatchlogs'),
      'Step Functions names',
    );
    assert.equal(c.text.slice(r.replace.offset, r.replace.offset + r.replace.length), 's3');
    c = at(doc, ':getObject', lang, 2);
    r = completionsAt(c.model, c.offset, NAMES)!;
    assert.ok(r.items.some((i) => i.label === 'headObject'));
    assert.equal(c.text.slice(r.replace.offset, r.replace.offset + r.replace.length), 'getObject');
    c = at(doc, 'Bucket', lang, 1);
    r = completionsAt(c.model, c.offset, NAMES)!;
    assert.ok(r.items.some((i) => i.label === 'Key'));
  });

  void test(`hover on a crossing state shows target and IAM actions (${lang})`, () => {
    const doc = task({
      Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets',
      Credentials: { RoleArn: 'arn:aws:iam::222222222222:role/Reader' },
    });
    const c = at(doc, 'Resource', lang, 1);
    const h = hoverAt(c.model, c.offset, NAMES)!;
    assert.match(h.markdown, /Cross-account/);
    assert.match(h.markdown, /222222222222/);
    assert.match(h.markdown, /sts:AssumeRole/);
    assert.match(h.markdown, /s3:ListAllMyBuckets/);
    const key = at(doc, lang === 'asl' ? '"T": {' : '  T:', lang, lang === 'asl' ? 1 : 2);
    const onName = hoverAt(key.model, key.offset, NAMES)!;
    assert.match(key.text.slice(onName.offset, onName.offset + onName.length), /^"?T"?$/);
    assert.equal(onName.markdown, h.markdown);
    const plain = at(task({ Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets' }), 'Resource', lang, 1);
    assert.equal(hoverAt(plain.model, plain.offset, NAMES), undefined, 'no crossing, no hover');
  });
}

void test('refactorings: aws-sdk -> invoker asks for a region; invoker -> aws-sdk is ready', () => {
  const sdk = at(task({ Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets' }), 'Resource', 'asl', 1);
  const r = refactoringsAt(sdk.model, sdk.offset, NAMES);
  assert.equal(r.length, 1);
  assert.equal(r[0]!.kind, 'to-invoker');
  const inv = at(invoker({ service: 's3', action: 'listBuckets', region: 'us-west-2' }), 'Resource', 'asl', 1);
  const r2 = refactoringsAt(inv.model, inv.offset, NAMES);
  assert.equal(r2[0]!.kind, 'edits');
  assert.match(applyEdits(inv.text, r2[0]!.edits!), /aws-sdk:s3:listBuckets/);
});

void test('completion while typing a new key (the document does not parse there yet)', () => {
  const text =
    '{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":' +
    '{"FunctionName":"sfn-crossings-invoker","Payload":{"service":"s3","action":"getObject","region":"us-west-2",' +
    '"parameters":{"Bucket":"b", "Ke"}}},"End":true}}}';
  const offset = text.indexOf('"Ke"') + 3;
  const r = completionsAt(run(text).model!, offset, NAMES)!;
  assert.equal(text.slice(r.replace.offset, r.replace.offset + r.replace.length), '"Ke"');
  const key = r.items.find((i) => i.label === 'Key')!;
  const edited = applyEdits(text, [{ ...r.replace, newText: `${key.insertText}"k"` }]);
  assert.deepEqual(
    run(edited).findings.map((f) => f.code),
    ['XC410'],
  );
});
