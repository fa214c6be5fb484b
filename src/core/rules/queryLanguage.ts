// QueryLanguage rules (ASL301-ASL304): JSONPath-only fields in JSONata states and JSONata-only fields
// in JSONPath states (state level, Catch, Choice rules, ItemReader/ResultWriter/ItemBatcher), a JSONPath
// state inside a JSONata state machine, and QueryLanguage on branches and Map processors.
// Sources: https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html,
// https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_stepfunctions.QueryLanguage.html
import { prop, type AstNode, type ObjectNode, type PropertyNode } from '../parse/ast';
import { atKey, atValue, finding, type Rule, type RuleContext } from '../model/rule';
import type { StateInfo } from '../model/model';
import { DocumentCodes as C } from './codes';
import {
  CHOICE_RULE_FIELDS,
  JSONATA_CHOICE_RULE_FIELDS,
  JSONATA_ONLY,
  JSONPATH_ONLY,
  STATE_FIELDS,
  type StateType,
} from './stateFields';
import { q } from './util';

export const queryLanguageRule: Rule = {
  id: 'query-language',
  run(ctx: RuleContext): void {
    const { model } = ctx;
    for (const scope of model.scopes) {
      if (scope.kind === 'root') continue;
      const p = prop(scope.node, 'QueryLanguage');
      if (p)
        ctx.report(
          finding(
            C.queryLanguagePlacement,
            'error',
            `"QueryLanguage" cannot be set on ${scope.kind === 'branch' ? 'a Parallel branch' : `a Map ${scope.kind === 'iterator' ? 'Iterator' : 'ItemProcessor'}`}: set it on the ${scope.kind === 'branch' ? 'Parallel' : 'Map'} state ${q(scope.owner?.name ?? '?')}, on the states inside, or at the top level.`,
            atKey(p),
          ),
        );
    }
  },
  checkState(ctx: RuleContext, state: StateInfo): void {
    const { model } = ctx;
    const node = state.node;
    if (!node) return;
    const own = prop(node, 'QueryLanguage');
    if (model.queryLanguage === 'JSONata' && own?.value.kind === 'string' && own.value.value === 'JSONPath')
      ctx.report(
        finding(
          C.jsonPathUnderJsonata,
          'error',
          `State ${q(state.name)} sets "QueryLanguage": "JSONPath", but the state machine uses JSONata at the top level; once the top level is JSONata every state must use JSONata. Convert this state to JSONata, or set the top level to JSONPath and opt states into JSONata one by one.`,
          atValue(own),
        ),
      );
    if (state.queryLanguage === 'JSONata') checkJsonataState(ctx, state, node);
    else checkJsonPathState(ctx, state, node);
  },
};

function whyJsonata(state: StateInfo): string {
  const own = prop(state.node, 'QueryLanguage');
  return own ? 'its "QueryLanguage" is JSONata' : 'it inherits "QueryLanguage": "JSONata"';
}

function checkJsonataState(ctx: RuleContext, state: StateInfo, node: ObjectNode): void {
  const report = (p: PropertyNode, where: string): void => {
    const instead =
      JSONPATH_ONLY.get(p.key) ?? 'use the JSONata fields (Arguments, Output, Assign) with {% %} expressions';
    ctx.report(
      finding(
        C.jsonPathFieldInJsonata,
        'error',
        `"${p.key}"${where} is a JSONPath field, but state ${q(state.name)} uses JSONata (${whyJsonata(state)}): ${instead}.`,
        atKey(p),
      ),
    );
  };
  for (const p of node.properties) if (JSONPATH_ONLY.has(p.key) && acceptedByType(state, p.key)) report(p, '');
  for (const catcher of items(prop(node, 'Catch')?.value)) {
    const rp = prop(catcher, 'ResultPath');
    if (rp) report(rp, ' in a Catch');
  }
  for (const key of ['ItemReader', 'ResultWriter']) {
    const p = prop(prop(node, key)?.value, 'Parameters');
    if (p) report(p, ` in ${key}`);
  }
  const config = prop(node, 'ItemReader')?.value;
  const maxItemsPath = prop(
    config?.kind === 'object' ? prop(config, 'ReaderConfig')?.value : undefined,
    'MaxItemsPath',
  );
  if (maxItemsPath) report(maxItemsPath, ' in ReaderConfig');
  const batcher = prop(node, 'ItemBatcher')?.value;
  for (const key of ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath']) {
    const p = prop(batcher, key);
    if (p) report(p, ' in ItemBatcher');
  }
  if (state.type === 'Choice') {
    for (const rule of items(prop(node, 'Choices')?.value)) {
      if (rule.kind !== 'object') continue;
      for (const p of rule.properties)
        if (CHOICE_RULE_FIELDS.has(p.key) && !JSONATA_CHOICE_RULE_FIELDS.has(p.key)) report(p, ' in a Choice rule');
    }
  }
}

function checkJsonPathState(ctx: RuleContext, state: StateInfo, node: ObjectNode): void {
  const report = (p: PropertyNode, where: string): void => {
    const instead = JSONATA_ONLY.get(p.key) ?? '"Parameters"';
    ctx.report(
      finding(
        C.jsonataFieldInJsonPath,
        'error',
        `"${p.key}"${where} is a JSONata field, but state ${q(state.name)} uses JSONPath (the default). Add "QueryLanguage": "JSONata" to the state (or the top level), or use ${instead}.`,
        atKey(p),
      ),
    );
  };
  for (const p of node.properties) if (JSONATA_ONLY.has(p.key) && acceptedByType(state, p.key)) report(p, '');
  for (const catcher of items(prop(node, 'Catch')?.value)) {
    const out = prop(catcher, 'Output');
    if (out) report(out, ' in a Catch');
  }
  for (const key of ['ItemReader', 'ResultWriter']) {
    const p = prop(prop(node, key)?.value, 'Arguments');
    if (p) report(p, ` in ${key}`);
  }
  if (state.type === 'Choice') {
    for (const rule of items(prop(node, 'Choices')?.value)) {
      for (const key of ['Condition', 'Output']) {
        const p = prop(rule, key);
        if (p) report(p, ' in a Choice rule');
      }
    }
  }
}

/** Fields the state's type does not accept at all are the unknown-field rule's (ASL201), not ours. */
function acceptedByType(state: StateInfo, key: string): boolean {
  const fields = state.type ? STATE_FIELDS[state.type as StateType] : undefined;
  return fields ? fields.has(key) : false;
}

function items(node: AstNode | undefined): AstNode[] {
  return node?.kind === 'array' ? node.items : [];
}
