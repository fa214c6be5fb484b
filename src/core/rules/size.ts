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
    const compact =
      ctx.options.languageId === 'asl' ? compactJsonLength(ctx.model.parsed.text, root) : yamlCompactLength(root);
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

/**
 * The length of a JSON definition written compactly: its text without the whitespace between tokens, counted in
 * one scan (no copy of a megabyte-sized tree). Strings count as written, so an escape the author chose (`\u00e9`
 * for `é`) counts as written too: at most an over-estimate of what a tool would send.
 */
function compactJsonLength(text: string, root: { offset: number; length: number }): number {
  let count = 0;
  let inString = false;
  for (let i = root.offset, end = root.offset + root.length; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      count++;
      if (c === 92 /* \ */) {
        count++;
        i++;
      } else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      count++;
      inString = true;
    } else if (c !== 32 && c !== 10 && c !== 13 && c !== 9) count++;
  }
  return count;
}

/** A YAML definition: the JSON it becomes, measured (rare at this size). */
function yamlCompactLength(root: Parameters<typeof toValue>[0] & { length: number }): number {
  try {
    return JSON.stringify(toValue(root)).length;
  } catch {
    return root.length;
  }
}
