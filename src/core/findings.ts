// Findings: what every rule reports, and the helpers that turn offsets into the public 1-based shape.
export type Severity = 'error' | 'warning' | 'info';

/** A suggested mechanical fix; the editor turns it into a Quick Fix, the CLI ignores it. */
export interface FixEdit {
  /** Offset and length of the text to replace, in the analysed text. */
  offset: number;
  length: number;
  newText: string;
}
export interface Fix {
  title: string;
  edits: FixEdit[];
  /** The one fix to prefer when several are offered. */
  preferred?: boolean;
}

/** A finding as rules produce it: positions are offsets into the analysed text. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** JSON pointer of the node the finding is about, e.g. `/States/CallApi/Parameters/AuthType`. */
  path: string;
  offset: number;
  length: number;
  fixes?: Fix[];
  /** Free data for editor features (e.g. a did-you-mean candidate). */
  data?: Record<string, unknown>;
}

/** The public shape returned by `lint()` and printed by the CLI (1-based lines and columns). */
export interface PublicFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  path: string;
}

export const RULES_DOC_BASE = 'https://github.com/sfn-crossings/sfn-crossings/blob/main/docs/rules.md';
export function ruleDocUrl(code: string): string {
  return `${RULES_DOC_BASE}#${code.toLowerCase()}`;
}
