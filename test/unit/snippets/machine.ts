// Places an expanded snippet in a minimal state machine, as text, the way a user would insert it: state
// snippets go inside `States` (the first state is StartAt), Retry/Catch blocks inside their host Task.
import { stringify as toYaml } from 'yaml';
import type { SnippetSpec } from '../../../scripts/snippets/catalog';

const indent = (text: string, pad: string): string =>
  text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');

/** The JSON definition around an expanded JSON-form snippet (or around a placeholder, given the first state's name). */
export function jsonMachine(spec: SnippetSpec, expanded: string, firstState?: string): string {
  if (spec.kind === 'state') {
    const first = firstState ?? Object.keys(JSON.parse(`{${expanded}}`))[0]!;
    return `{\n  "StartAt": ${JSON.stringify(first)},\n  "States": {\n${indent(expanded, '    ')}\n  }\n}\n`;
  }
  const host = JSON.stringify(spec.host!.task, null, 2).replace(/\n}$/, '');
  const task = `${host},\n${indent(expanded, '  ')}\n}`;
  const extra = Object.entries(spec.host!.states ?? {}).map(
    ([k, v]) => `,\n${indent(`${JSON.stringify(k)}: ${JSON.stringify(v, null, 2)}`, '    ')}`,
  );
  return `{\n  "StartAt": "Call",\n  "States": {\n    "Call": ${indent(task, '    ').trimStart()}${extra.join('')}\n  }\n}\n`;
}

/** The YAML definition around an expanded YAML-form snippet. */
export function yamlMachine(spec: SnippetSpec, expanded: string, firstState?: string): string {
  if (spec.kind === 'state') {
    const first = firstState ?? /^([^:\s]+):/.exec(expanded)![1]!;
    return `StartAt: ${first}\nStates:\n${indent(expanded, '  ')}\n`;
  }
  const host = toYaml(spec.host!.task).trimEnd();
  const extra = spec.host!.states ? toYaml(spec.host!.states).trimEnd() : '';
  return `StartAt: Call\nStates:\n  Call:\n${indent(host, '    ')}\n${indent(expanded, '    ')}\n${extra ? indent(extra, '  ') + '\n' : ''}`;
}
