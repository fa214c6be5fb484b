// How the service's answers read: a TestState result as a Markdown document (status, next state, output,
// error and cause, then the inspection data: data flow, variables, the HTTP request and response at TRACE) and
// the one-line OK/FAIL summary of a validation. Pure: no SDK, no vscode.
import type { TestStateResult, ValidationResult } from './sfnClient';
import type { StateMachineType } from './sfnDefinition';

/** Pretty-prints a JSON string; other text is returned as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function fence(text: string, language = 'json'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${text}\n${ticks}`;
}

/** Labels of the inspection data fields, in the order the data flows through a state. */
const DATA_FLOW: [key: string, label: string][] = [
  ['input', 'Input'],
  ['afterInputPath', 'After InputPath'],
  ['afterParameters', 'After Parameters'],
  ['afterArguments', 'After Arguments'],
  ['result', 'Result'],
  ['afterResultSelector', 'After ResultSelector'],
  ['afterResultPath', 'After ResultPath'],
  ['variables', 'Variables after the state'],
];

function httpPart(title: string, part: Record<string, unknown> | undefined, first: string[]): string[] {
  if (!part) return [];
  const out = [`### ${title}`, ''];
  const head = first
    .map((k) => part[k])
    .filter((v) => v !== undefined && v !== '')
    .join(' ');
  if (head) out.push(`\`${head}\``, '');
  if (part.headers) out.push('Headers:', '', fence(prettyJson(String(part.headers)), 'text'), '');
  if (part.body !== undefined && part.body !== '') out.push('Body:', '', fence(prettyJson(String(part.body))), '');
  return out;
}

export interface TestStateReportContext {
  stateName: string;
  region: string;
  inspectionLevel: string;
  /** Where the input came from (a file path, "input box", "argument"). */
  inputSource: string;
}

export function testStateMarkdown(result: TestStateResult, ctx: TestStateReportContext): string {
  const lines = [`# TestState: ${ctx.stateName}`, ''];
  lines.push(`- **Status:** ${result.status}`);
  if (result.nextState) lines.push(`- **Next state:** ${result.nextState}`);
  lines.push(
    `- **Region:** ${ctx.region} · **Inspection level:** ${ctx.inspectionLevel} · **Input:** ${ctx.inputSource}`,
    '',
  );
  if (result.error || result.cause) {
    lines.push('## Error', '');
    if (result.error) lines.push(`- **Error:** ${result.error}`);
    if (result.cause) lines.push('- **Cause:**', '', fence(prettyJson(result.cause), 'text'));
    lines.push('');
  }
  if (result.output !== undefined) lines.push('## Output', '', fence(prettyJson(result.output)), '');
  const data = result.inspectionData;
  if (data) {
    const flow = DATA_FLOW.filter(([key]) => data[key] !== undefined);
    if (flow.length) {
      lines.push('## Inspection data', '');
      for (const [key, label] of flow) lines.push(`### ${label}`, '', fence(prettyJson(String(data[key]))), '');
    }
    const details = data.errorDetails as Record<string, unknown> | undefined;
    if (details && Object.keys(details).length)
      lines.push('### Error details', '', fence(JSON.stringify(details, null, 2)), '');
    lines.push(
      ...httpPart('HTTP request', data.request as Record<string, unknown> | undefined, ['method', 'url', 'protocol']),
    );
    lines.push(
      ...httpPart('HTTP response', data.response as Record<string, unknown> | undefined, [
        'protocol',
        'statusCode',
        'statusMessage',
      ]),
    );
  }
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

/** One line for the log: status, next state, error. */
export function testStateSummary(result: TestStateResult, stateName: string): string {
  return [
    `TestState ${stateName}: ${result.status}`,
    result.nextState ? `next state ${result.nextState}` : '',
    result.error
      ? `error ${result.error}${result.cause ? ` (${result.cause.replace(/\s+/g, ' ').slice(0, 200)})` : ''}`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** "OK" / "FAIL" with counts, as the editor and the CLI show it. */
export function validationSummary(result: ValidationResult, type: StateMachineType, region: string): string {
  const errors = result.diagnostics.filter((d) => d.severity !== 'WARNING').length;
  const warnings = result.diagnostics.length - errors;
  const counts = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const verdict =
    result.result === 'OK' ? 'OK: the service accepts this definition' : 'FAIL: the service rejects this definition';
  return `${verdict} (${type}, ${region})${counts ? `; ${counts}` : ''}${result.truncated ? ' (the service truncated the list)' : ''}`;
}
