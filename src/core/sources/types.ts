// The shapes every source reader (CloudFormation/SAM/CDK, Terraform, Serverless) produces: one unit per
// state machine found, with what is needed to analyse it and to put its findings back into its file.
import type { Finding } from '../findings';
import type { ParsedDocument } from '../parse';
import type { SubstitutionContext } from '../model/substitutions';
import type { PositionMap } from './positionMap';

export type SourceKind = 'template' | 'terraform' | 'serverless' | 'definition';

/** One state machine found in a source. */
export interface DefinitionUnit {
  /** Logical ID (templates), resource address (Terraform) or machine name (Serverless). */
  name: string;
  /** The source file the unit was found in (template, `.tf`, `serverless.yml`). */
  source: string;
  /** The file whose text holds the definition: the source itself, or the file it references. */
  file: string;
  /** That file's text (findings are offsets into it). */
  fileText: string;
  /** The parsed definition; its text is `fileText` unless `map` is set. */
  parsed: ParsedDocument;
  /** Analysed offsets -> offsets in `fileText`; undefined when the analysed text is `fileText` itself. */
  map?: PositionMap;
  /** JSON pointer of the definition inside the source ('' when `file` holds only the definition). */
  pointerPrefix: string;
  /** What the placeholders left in the definition stand for. */
  substitutions: SubstitutionContext;
  /** CDK construct path (`aws:cdk:path` metadata), named in findings. */
  constructPath?: string;
  /** False when the analysed text is derived (escaped string, substituted values): no Quick Fix then. */
  editable: boolean;
  /** JSON pointer of the definition's value node, and its range in the source (for lenses, names). */
  range: { offset: number; length: number };
}

/** Findings about reading a source, each in the file it concerns. */
export interface SourceProblem {
  file: string;
  fileText: string;
  finding: Finding;
}

export interface SourceReading {
  kind: SourceKind;
  units: DefinitionUnit[];
  problems: SourceProblem[];
}

/** How a reader gets the files a source references (the CLI reads the disk, the editor open documents). */
export interface SourceHost {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(file: string): string | undefined;
  /** The files of a folder (Terraform reads a module's sibling .tf files); optional. */
  listFiles?(dir: string): string[];
}
