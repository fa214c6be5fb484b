// Map state fields (part of the field rules): the processor, concurrency and tolerated failures, and
// the Distributed Map objects ItemReader (with ReaderConfig), ItemBatcher and ResultWriter (where
// WriterConfig alone is valid; OutputType JSON|JSONL, Transformation NONE|COMPACT|FLATTEN).
// Sources: https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html,
// https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html
import { hasProp, type ObjectNode, prop } from '../parse/ast';
import { atKey, finding, type RuleContext } from '../model/rule';
import type { QueryLanguage, StateInfo } from '../model/model';
import { DocumentCodes as C } from './codes';
import {
  ARRAY,
  OBJECT,
  STRING,
  checkEnum,
  checkExclusive,
  checkKind,
  checkNumber,
  checkUnknownFields,
  jsonataAllowed,
} from './checks';
import { checkResource } from './resource';
import {
  ITEM_BATCHER_FIELDS,
  ITEM_READER_FIELDS,
  NESTED_EXCLUSIVE,
  READER_CONFIG_FIELDS,
  RESULT_WRITER_FIELDS,
  WRITER_CONFIG_FIELDS,
} from './stateFields';
import { type Label, label, LazyLabel } from './util';

const WRITER_OUTPUT_TYPES = ['JSON', 'JSONL'];
const WRITER_TRANSFORMATIONS = ['NONE', 'COMPACT', 'FLATTEN'];

export function checkMap(ctx: RuleContext, state: StateInfo, node: ObjectNode, where: Label, ql: QueryLanguage): void {
  const processor = prop(node, 'ItemProcessor') ?? prop(node, 'Iterator');
  if (!processor)
    ctx.report(
      finding(
        C.missingField,
        'error',
        `${label(where)} is a Map state without "ItemProcessor": add one with "StartAt" and "States" for each item.`,
        atKey(state.entry),
      ),
    );
  for (const key of ['ItemProcessor', 'Iterator']) checkKind(ctx, prop(node, key), where, OBJECT);
  checkNumber(ctx, prop(node, 'MaxConcurrency'), where, ql, { integer: true, min: 0 });
  checkNumber(ctx, prop(node, 'ToleratedFailureCount'), where, ql, { integer: true, min: 0 });
  checkNumber(ctx, prop(node, 'ToleratedFailurePercentage'), where, ql, { min: 0, max: 100 });
  for (const key of [
    'ItemsPath',
    'MaxConcurrencyPath',
    'ToleratedFailureCountPath',
    'ToleratedFailurePercentagePath',
    'Label',
  ])
    checkKind(ctx, prop(node, key), where, STRING);
  checkKind(ctx, prop(node, 'Items'), where, ARRAY, jsonataAllowed(ql));
  checkKind(ctx, prop(node, 'ItemSelector'), where, OBJECT, jsonataAllowed(ql));

  const reader = prop(node, 'ItemReader');
  if (checkKind(ctx, reader, where, OBJECT)) {
    const r = reader!.value as ObjectNode;
    const w: Label = new LazyLabel('The ItemReader of ', state.name);
    checkUnknownFields(ctx, r, ITEM_READER_FIELDS, w);
    if (!hasProp(r, 'Resource'))
      ctx.report(
        finding(
          C.missingField,
          'error',
          `${label(w)} has no "Resource": add e.g. "arn:aws:states:::s3:getObject".`,
          atKey(reader!),
        ),
      );
    else checkResource(ctx, prop(r, 'Resource'), w, 'itemReader');
    const config = prop(r, 'ReaderConfig');
    if (checkKind(ctx, config, w, OBJECT)) {
      const c = config!.value as ObjectNode;
      const cw: Label = new LazyLabel('The ReaderConfig of ', state.name);
      checkUnknownFields(ctx, c, READER_CONFIG_FIELDS, cw, { severity: 'warning' });
      for (const g of NESTED_EXCLUSIVE) checkExclusive(ctx, c, g.fields, cw);
      checkNumber(ctx, prop(c, 'MaxItems'), cw, ql, { integer: true, min: 0, max: 100_000_000 });
      checkEnum(ctx, prop(c, 'InputType'), cw, ['CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET'], ql);
      checkEnum(ctx, prop(c, 'CSVHeaderLocation'), cw, ['FIRST_ROW', 'GIVEN'], ql);
    }
  }
  const batcher = prop(node, 'ItemBatcher');
  if (checkKind(ctx, batcher, where, OBJECT)) {
    const b = batcher!.value as ObjectNode;
    const w: Label = new LazyLabel('The ItemBatcher of ', state.name);
    checkUnknownFields(ctx, b, ITEM_BATCHER_FIELDS, w);
    for (const g of NESTED_EXCLUSIVE) checkExclusive(ctx, b, g.fields, w);
    checkNumber(ctx, prop(b, 'MaxItemsPerBatch'), w, ql, { integer: true, above: 0 });
    checkNumber(ctx, prop(b, 'MaxInputBytesPerBatch'), w, ql, { integer: true, above: 0, max: 262_144 });
    checkKind(ctx, prop(b, 'BatchInput'), w, OBJECT, jsonataAllowed(ql));
  }
  const writer = prop(node, 'ResultWriter');
  if (checkKind(ctx, writer, where, OBJECT)) {
    const wr = writer!.value as ObjectNode;
    const w: Label = new LazyLabel('The ResultWriter of ', state.name);
    checkUnknownFields(ctx, wr, RESULT_WRITER_FIELDS, w);
    // WriterConfig alone is valid (results go to the state output, transformed).
    if (!hasProp(wr, 'Resource') && !hasProp(wr, 'WriterConfig'))
      ctx.report(
        finding(
          C.missingField,
          'error',
          `${label(w)} needs "Resource" (with its Parameters/Arguments) or "WriterConfig".`,
          atKey(writer!),
        ),
      );
    checkResource(ctx, prop(wr, 'Resource'), w, 'resultWriter');
    const wc = prop(wr, 'WriterConfig');
    if (checkKind(ctx, wc, w, OBJECT)) {
      const c = wc!.value as ObjectNode;
      const cw: Label = new LazyLabel('The WriterConfig of ', state.name);
      checkUnknownFields(ctx, c, WRITER_CONFIG_FIELDS, cw, { severity: 'warning' });
      // The service rejects other values (ValidateStateMachineDefinition, as ASLS also checks).
      checkEnum(ctx, prop(c, 'OutputType'), cw, WRITER_OUTPUT_TYPES, ql);
      checkEnum(ctx, prop(c, 'Transformation'), cw, WRITER_TRANSFORMATIONS, ql);
    }
  }
}
