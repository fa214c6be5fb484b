// Output formats of `sfn-crossings lint`: text for people, JSON for scripts, SARIF 2.1.0 for code scanning.
import type { PublicFinding } from '../core/findings';
import { ruleDocUrl } from '../core/findings';

export interface FileFindings {
  /** Path as shown to the user (relative to the working folder when inside it). */
  file: string;
  findings: PublicFinding[];
}

export type Format = 'text' | 'json' | 'sarif';

export function formatText(results: FileFindings[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    for (const f of r.findings) {
      lines.push(`${r.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}`);
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  lines.push(`${results.length} file(s) checked: ${errors} error(s), ${warnings} warning(s), ${infos} info(s)`);
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileFindings[]): string {
  const all = results.flatMap((r) => r.findings.map((f) => ({ file: r.file, ...f })));
  return JSON.stringify(all, null, 2) + '\n';
}

const sarifLevels = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: FileFindings[], version: string): string {
  const codes = [...new Set(results.flatMap((r) => r.findings.map((f) => f.code)))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sfn-crossings',
            version,
            informationUri: ruleDocUrl('').replace(/#$/, ''),
            rules: codes.map((id) => ({ id, helpUri: ruleDocUrl(id), shortDescription: { text: id } })),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: codes.indexOf(f.code),
            level: sarifLevels[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.split('\\').join('/'), uriBaseId: '%SRCROOT%' },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
                logicalLocations: f.path ? [{ fullyQualifiedName: f.path, kind: 'member' }] : undefined,
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
