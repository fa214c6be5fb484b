// Findings about reading a state machine out of its source (template, Terraform, Serverless): the SRC0xx
// codes. They are reported on the source file, never thrown.
import type { Finding, Severity } from '../findings';

export const SourceCodes = {
  /** The template (or Terraform/Serverless file) does not parse. */
  unparseable: 'SRC001',
  /** A referenced definition file does not exist or cannot be read. */
  missingFile: 'SRC002',
  /** The definition is in S3 (or another place the tool does not read). */
  notRead: 'SRC003',
  /** An `Fn::Join` (or other expression) whose text cannot be known before deployment. */
  notStatic: 'SRC004',
  /** A value imported from another stack (`Fn::ImportValue`): checked as unknown. */
  importValue: 'SRC005',
  /** A definition property of an unexpected shape. */
  badShape: 'SRC006',
} as const;

export function sourceFinding(
  code: string,
  severity: Severity,
  message: string,
  offset: number,
  length: number,
  path: string,
): Finding {
  return { code, severity, message, offset, length: Math.max(0, length), path };
}
