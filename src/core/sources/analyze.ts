// Runs the rules on each state machine a source holds and puts every finding back into the file where its
// text is: offsets through the unit's position map, the JSON pointer prefixed with the definition's place
// in the template, the CDK construct path named in the message.
import type { Finding, Fix } from '../findings';
import { analyzeParsed, type Analysis, type AnalyzeOptions } from '../lint';
import type { AstNode } from '../parse/ast';
import { LineIndex } from '../parse/lineIndex';
import type { PositionMap } from './positionMap';
import type { DefinitionUnit } from './types';

export interface UnitAnalysis {
  unit: DefinitionUnit;
  /** The analysis in the analysed text's offsets (what editor features read). */
  analysis: Analysis;
  /** The findings in the offsets of `unit.file`. */
  findings: Finding[];
}

export function analyzeUnit(unit: DefinitionUnit, options: AnalyzeOptions = {}): UnitAnalysis {
  const analysis = analyzeParsed(unit.parsed, { ...options, substitutions: unit.substitutions });
  const findings = analysis.findings.map((f) => placeFinding(f, unit));
  return { unit, analysis, findings };
}

/** One finding of a unit, in the offsets of the unit's file. */
export function placeFinding(f: Finding, unit: DefinitionUnit): Finding {
  const map = unit.map;
  const at = map ? map.range(f.offset, f.length) : { offset: f.offset, length: f.length };
  const out: Finding = {
    ...f,
    offset: at.offset,
    length: at.length,
    path: unit.pointerPrefix + f.path,
    message: unit.constructPath ? `${f.message} [${unit.constructPath}]` : f.message,
  };
  const fixes = f.fixes && placeFixes(f.fixes, unit, map);
  if (fixes?.length) out.fixes = fixes;
  else delete out.fixes;
  return out;
}

/** Fixes whose edits map one to one onto the file (none inside an escaped string or a substituted value). */
function placeFixes(fixes: Fix[], unit: DefinitionUnit, map: PositionMap | undefined): Fix[] {
  if (!unit.editable) return [];
  if (!map) return fixes;
  const out: Fix[] = [];
  for (const fix of fixes) {
    const edits = [];
    for (const e of fix.edits) {
      const r = e.length ? map.range(e.offset, e.length) : { offset: map.start(e.offset), length: 0 };
      if (r.length !== e.length) break;
      edits.push({ ...e, offset: r.offset });
    }
    if (edits.length === fix.edits.length) out.push({ ...fix, edits });
  }
  return out;
}

/**
 * The unit's analysis in the coordinates of its file, for editor features that read the model's nodes
 * (lenses, hovers, the panel): when the analysed text was derived (substituted values, an escaped string),
 * every node's offsets are moved onto the file, and the findings are placed there too. Pointers stay
 * relative to the definition, as the model's are.
 */
export function fileAnalysis(ua: UnitAnalysis): Analysis {
  const { unit, analysis } = ua;
  const findings = ua.findings.map((f) => ({ ...f, path: f.path.slice(unit.pointerPrefix.length) }));
  if (!unit.map && analysis.parsed.text === unit.fileText) return { ...analysis, findings };
  if (unit.map && analysis.parsed.root) remapTree(analysis.parsed.root, unit.map);
  const parsed = { ...analysis.parsed, text: unit.fileText };
  if (analysis.model) analysis.model.parsed = parsed;
  return { ...analysis, parsed, findings, lines: new LineIndex(unit.fileText) };
}

/** Moves every node of a tree from analysed offsets onto file offsets (after the rules ran). */
function remapTree(node: AstNode, map: PositionMap): void {
  const r = map.range(node.offset, node.length);
  node.offset = r.offset;
  node.length = r.length;
  if (node.kind === 'object') {
    for (const p of node.properties) {
      remapTree(p.value, map);
      // In place: the model's state entries are these very property objects.
      const k = map.range(p.keyOffset, p.keyLength);
      const mutable = p as { keyOffset: number; keyLength: number };
      mutable.keyOffset = k.offset;
      mutable.keyLength = k.length;
    }
  } else if (node.kind === 'array') for (const item of node.items) remapTree(item, map);
}
