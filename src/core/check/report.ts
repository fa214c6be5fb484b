// How a live-check report is shown: the CLI's text (failures first, each with its copyable fix) and JSON, its exit
// code (1 when a check fails, else 0), and the diagnostic severity of a result in the editor (error where the run
// will fail, warning where it may; passes and "not checked" are not diagnostics).
import type { CheckReport, CheckResult } from './types';

const ORDER: Record<CheckResult['status'], number> = { fail: 0, 'not-checked': 1, pass: 2 };
const LABEL: Record<CheckResult['status'], string> = { fail: 'FAIL', 'not-checked': 'NOT CHECKED', pass: 'PASS' };

export function sortedResults(results: CheckResult[]): CheckResult[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ORDER[a.r.status] - ORDER[b.r.status] || a.i - b.i)
    .map(({ r }) => r);
}

export function summaryLine(report: CheckReport): string {
  const s = report.summary;
  return `${s.pass} passed, ${s.fail} failed, ${s.notChecked} not checked`;
}

export function formatText(report: CheckReport, file: string): string {
  const lines: string[] = [];
  const about = [
    report.stateMachineArn ? `state machine ${report.stateMachineArn}` : '',
    report.executionRoleArn ? `execution role ${report.executionRoleArn}` : '',
  ].filter(Boolean);
  lines.push(`${file}: checked against AWS${about.length ? ` (${about.join(', ')})` : ''}`);
  for (const r of sortedResults(report.results)) {
    const label = r.status === 'fail' ? `${LABEL.fail} (${r.severity})` : LABEL[r.status];
    const where = r.state ? ` ${r.state}:` : '';
    lines.push(`${label} ${r.id}${where} ${r.message}${r.account ? ` [account ${r.account}]` : ''}`);
    if (r.fix) {
      lines.push(`  fix: ${r.fix.label}:`);
      for (const l of r.fix.text.split('\n')) lines.push(`    ${l}`);
    }
  }
  lines.push(`${file}: ${summaryLine(report)}`);
  return lines.join('\n') + '\n';
}

export function exitCodeOf(report: CheckReport): 0 | 1 {
  return report.summary.fail > 0 ? 1 : 0;
}

/** The editor severity of a result, or undefined when it is not shown as a diagnostic. */
export function diagnosticSeverity(r: CheckResult): 'error' | 'warning' | undefined {
  return r.status === 'fail' ? (r.severity ?? 'error') : undefined;
}
