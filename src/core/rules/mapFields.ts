// Map state fields (part of the field rules): the processor, concurrency and tolerated failures, and
// the Distributed Map objects ItemReader (with ReaderConfig), ItemBatcher and ResultWriter (where
// WriterConfig alone is valid). Source: https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
import type { ObjectNode } from '../parse/ast';
import { atKey, finding, type RuleContext } from '../model/rule';
import type { QueryLanguage, StateInfo } from '../model/model';
import { DocumentCodes as C } from './codes';
import { ARRAY, OBJECT, STRING, checkEnum, checkExclusive, checkKind, checkNumber, checkUnknownFields } from './checks';
import { checkResource } from './resource';
import {
  ITEM_BATCHER_FIELDS,
  ITEM_READER_FIELDS,
  NESTED_EXCLUSIVE,
  READER_CONFIG_FIELDS,
  RESULT_WRITER_FIELDS,
  WRITER_CONFIG_FIELDS,
} from './stateFields';
import { type Label, label, q, LazyLabel } from './util';

export function checkMap(ctx: RuleContext, state: StateInfo, node: ObjectNode, where: Label, ql: QueryLanguage): void {
  const processor = node.get('ItemProcessor') ?? node.get('Iterator');
  if (!processor)
    ctx.report(
      finding(
        C.missingField,
        'error',
        `${label(where)} is a Map state without "ItemProcessor": add one with "StartAt" and "States" for each item.`,
        atKey(state.entry),
      ),
    );
  for (const key of ['ItemProcessor', 'Iterator']) checkKind(ctx, node.get(key), where, OBJECT);
  checkNumber(ctx, node.get('MaxConcurrency'), where, ql, { integer: true, min: 0 });
  checkNumber(ctx, node.get('ToleratedFailureCount'), where, ql, { integer: true, min: 0 });
  checkNumber(ctx, node.get('ToleratedFailurePercentage'), where, ql, { min: 0, max: 100 });
  for (const key of [
    'ItemsPath',
    'MaxConcurrencyPath',
    'ToleratedFailureCountPath',
    'ToleratedFailurePercentagePath',
    'Label',
  ])
    checkKind(ctx, node.get(key), where, STRING);
  checkKind(ctx, node.get('Items'), where, ARRAY, { ql, jsonata: true });
  checkKind(ctx, node.get('ItemSelector'), where, OBJECT, { ql, jsonata: true });

  const reader = node.get('ItemReader');
  if (checkKind(ctx, reader, where, OBJECT)) {
    const r = reader!.value as ObjectNode;
    const w: Label = new LazyLabel('The ItemReader of ', state.name);
    checkUnknownFields(ctx, r, ITEM_READER_FIELDS, w);
    if (!r.has('Resource'))
      ctx.report(
        finding(
          C.missingField,
          'error',
          `${label(w)} has no "Resource": add e.g. "arn:aws:states:::s3:getObject".`,
          atKey(reader!),
        ),
      );
    else checkResource(ctx, r.get('Resource'), w, 'itemReader');
    const config = r.get('ReaderConfig');
    if (checkKind(ctx, config, w, OBJECT)) {
      const c = config!.value as ObjectNode;
      const cw: Label = new LazyLabel('The ReaderConfig of ', state.name);
      checkUnknownFields(ctx, c, READER_CONFIG_FIELDS, cw, { severity: 'warning' });
      for (const g of NESTED_EXCLUSIVE) checkExclusive(ctx, c, g.fields, cw);
      checkNumber(ctx, c.get('MaxItems'), cw, ql, { integer: true, min: 0, max: 100_000_000 });
      checkEnum(ctx, c.get('InputType'), cw, ['CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET'], ql);
      checkEnum(ctx, c.get('CSVHeaderLocation'), cw, ['FIRST_ROW', 'GIVEN'], ql);
    }
  }
  const batcher = node.get('ItemBatcher');
  if (checkKind(ctx, batcher, where, OBJECT)) {
    const b = batcher!.value as ObjectNode;
    const w: Label = new LazyLabel('The ItemBatcher of ', state.name);
    checkUnknownFields(ctx, b, ITEM_BATCHER_FIELDS, w);
    for (const g of NESTED_EXCLUSIVE) checkExclusive(ctx, b, g.fields, w);
    checkNumber(ctx, b.get('MaxItemsPerBatch'), w, ql, { integer: true, above: 0 });
    checkNumber(ctx, b.get('MaxInputBytesPerBatch'), w, ql, { integer: true, above: 0, max: 262_144 });
    checkKind(ctx, b.get('BatchInput'), w, OBJECT, { ql, jsonata: true });
  }
  const writer = node.get('ResultWriter');
  if (checkKind(ctx, writer, where, OBJECT)) {
    const wr = writer!.value as ObjectNode;
    const w: Label = new LazyLabel('The ResultWriter of ', state.name);
    checkUnknownFields(ctx, wr, RESULT_WRITER_FIELDS, w);
    // WriterConfig alone is valid (results go to the state output, transformed).
    if (!wr.has('Resource') && !wr.has('WriterConfig'))
      ctx.report(
        finding(
          C.missingField,
          'error',
          `${label(w)} needs "Resource" (with its Parameters/Arguments) or "WriterConfig".`,
          atKey(writer!),
        ),
      );
    checkResource(ctx, wr.get('Resource'), w, 'resultWriter');
    const wc = wr.get('WriterConfig');
    if (checkKind(ctx, wc, w, OBJECT))
      checkUnknownFields(ctx, wc!.value as ObjectNode, WRITER_CONFIG_FIELDS, `The WriterConfig of ${q(state.name)}`, {
        severity: 'warning',
      });
  }
}
