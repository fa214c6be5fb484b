// Definition size (ASL110): CreateStateMachine/UpdateStateMachine reject a definition over 1,048,576
// characters. The service counts the definition as sent: compact JSON from CDK and most tools, the
// file's own text from a SAM DefinitionUri. Over the limit even when written compactly is an error; over
// it only because of the file's whitespace is a warning (it depends on how the file is deployed).
// Source: https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
// (definition: "Length Constraints: Minimum length of 1. Maximum length of 1048576.").
import { toValue } from '../parse/ast';
import { finding, type Rule, type RuleContext } from '../model/rule';
import { DocumentCodes as C } from './codes';

export const MAX_DEFINITION_LENGTH = 1_048_576;

export const sizeRule: Rule = {
  id: 'size',
  run(ctx: RuleContext): void {
    const root = ctx.model.root;
    if (root.length <= MAX_DEFINITION_LENGTH) return; // the written text is an upper bound of the compact one
    let compact: number;
    try {
      compact = JSON.stringify(toValue(root)).length;
    } catch {
      compact = root.length;
    }
    const where = { offset: root.offset, length: 1, path: '' };
    const limit = MAX_DEFINITION_LENGTH.toLocaleString('en-US');
    if (compact > MAX_DEFINITION_LENGTH)
      ctx.report(
        finding(
          C.definitionSize,
          'error',
          `The definition has ${compact.toLocaleString('en-US')} characters even as compact JSON, over the ${limit}-character limit of Step Functions: split it (e.g. move a Map's work into a child state machine).`,
          where,
        ),
      );
    else
      ctx.report(
        finding(
          C.definitionSize,
          'warning',
          `The file has ${root.length.toLocaleString('en-US')} characters, over the ${limit}-character limit of Step Functions, though only ${compact.toLocaleString('en-US')} as compact JSON: deploy it minified (a SAM DefinitionUri file is sent as written).`,
          where,
        ),
      );
  },
};
