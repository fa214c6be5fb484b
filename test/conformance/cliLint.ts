// Lints a folder through the CLI's own entry (`sfn-crossings lint --format json <folder>`, the `main()` of
// src/cli/main.ts), so whatever the CLI learns to read (definitions today; templates, Terraform) is covered.
import { main } from '../../src/cli/main';
import type { ActualFinding } from './expectations';

export interface CliLintResult {
  exitCode: number;
  findings: ActualFinding[];
  stderr: string;
}

/** Runs `sfn-crossings lint --format json .` with `folder` as the working folder: file paths come back relative to it. */
export async function lintFolderWithCli(folder: string): Promise<CliLintResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['lint', '--format', 'json', '.'], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    interactive: false,
    cwd: folder,
    env: process.env,
  });
  if (exitCode !== 0 && exitCode !== 1)
    throw new Error(`sfn-crossings lint --format json . (in ${folder}) exited with ${exitCode}:\n${stderr}`);
  let findings: ActualFinding[];
  try {
    findings = JSON.parse(stdout) as ActualFinding[];
  } catch (e) {
    throw new Error(
      `sfn-crossings lint printed no JSON (${(e as Error).message}):\n${stdout.slice(0, 2000)}\n${stderr}`,
    );
  }
  return { exitCode, findings, stderr };
}
