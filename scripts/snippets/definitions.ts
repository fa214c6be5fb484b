// Whole-definition snippets, for an empty `.asl.json` / `.asl.yaml` file: a complete, valid state machine
// (StartAt, States, a first state and an end state) in JSONPath and in JSONata, written once in the
// template language of ./template.ts and rendered in both forms by ./generate.ts. The state snippets of
// ./catalog.ts go inside `States` afterwards.
import type { TemplateValue } from './template';

export interface DefinitionSnippet {
  prefix: string;
  /** The snippet's name in the contributed files (what `editor.action.insertSnippet` takes). */
  name: string;
  description: string;
  queryLanguage: 'JSONPath' | 'JSONata';
  /** The whole document's top-level keys. */
  body: Record<string, TemplateValue>;
}

export const DEFINITION_SNIPPETS: DefinitionSnippet[] = [
  {
    prefix: 'sfnx-machine',
    name: 'State machine: whole definition (JSONPath)',
    description:
      'A complete state machine for an empty file, in JSONPath (the default query language): Comment, StartAt and two states. Then add states inside States with the sfnx- state snippets.',
    queryLanguage: 'JSONPath',
    body: {
      Comment: '«comment:What this state machine does»',
      StartAt: '«first:FirstState»',
      States: {
        '«first»': { Type: 'Pass', Parameters: { 'input.$': '$' }, Next: '«last:Done»' },
        '«last»': { Type: 'Succeed' },
      },
    },
  },
  {
    prefix: 'sfnx-machine-jsonata',
    name: 'State machine: whole definition (JSONata)',
    description:
      'A complete state machine for an empty file with QueryLanguage JSONata for every state: Comment, StartAt and two states using Output with a {% %} expression. Then add states inside States with the sfnx- state snippets.',
    queryLanguage: 'JSONata',
    body: {
      Comment: '«comment:What this state machine does»',
      QueryLanguage: 'JSONata',
      StartAt: '«first:FirstState»',
      States: {
        '«first»': { Type: 'Pass', Output: '{% $states.input %}', Next: '«last:Done»' },
        '«last»': { Type: 'Succeed' },
      },
    },
  },
];
