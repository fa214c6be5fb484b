// What we send to the Step Functions service and how its answers map back onto the user's file: the definition
// as JSON (a JSON file as written; a YAML file converted), and each `ValidateStateMachineDefinition` diagnostic's
// `location` (`/States/A/Next`, `$.States.A.Next`, `$['States']['A']`, or the JSON parser's
// `[Source: ...; line: 3, column: 7]`) resolved to an offset range in the file. Pure: no SDK, no vscode.
import { type AstNode, type ObjectNode, pointerOf, prop, type PropertyNode, toValue } from '../core/parse/ast';
import type { ParsedDocument } from '../core/parse';
import { LineIndex } from '../core/parse/lineIndex';
import { ParseCodes } from '../core/parse/problems';

/** Where the service diagnostics are shown (Problems panel source, CLI suffix). */
export const SERVICE_SOURCE = 'Step Functions (service)';

export type StateMachineType = 'STANDARD' | 'EXPRESS';
export const STATE_MACHINE_TYPES: readonly StateMachineType[] = ['STANDARD', 'EXPRESS'];

export interface ServiceDiagnostic {
  severity: string;
  code: string;
  message: string;
  location?: string;
}

export interface LocatedDiagnostic extends ServiceDiagnostic {
  severity: 'ERROR' | 'WARNING';
  offset: number;
  length: number;
  /** JSON pointer of the node the range covers ('' for the document). */
  pointer: string;
  /** False when the location could not be followed to its end (the range is its nearest known ancestor). */
  exact: boolean;
}

export type PreparedDefinition = { ok: true; definition: string } | { ok: false; message: string };

/**
 * The definition text for the service. JSON goes as written (so the service's own parser messages keep their
 * line and column); YAML is converted to JSON, which needs a YAML file that parses.
 */
export function definitionForService(parsed: ParsedDocument): PreparedDefinition {
  const text = parsed.text.charCodeAt(0) === 0xfeff ? parsed.text.slice(1) : parsed.text;
  if (text.trim() === '') return { ok: false, message: 'the file is empty: there is no definition to send' };
  if (parsed.languageId !== 'asl-yaml') return { ok: true, definition: text };
  const blocking = parsed.problems.find(
    (p) =>
      p.severity === 'error' &&
      (p.code === ParseCodes.syntax || p.code === ParseCodes.yamlFeature || p.code === ParseCodes.tooDeep),
  );
  if (blocking || !parsed.root) {
    return {
      ok: false,
      message: `the YAML cannot be converted to JSON (${blocking?.message ?? 'no state machine object'}): fix it first`,
    };
  }
  return { ok: true, definition: JSON.stringify(toValue(parsed.root), null, 2) };
}

/** Splits a service location into path segments; undefined when it is not a path. */
export function locationSegments(location: string): { segments: string[]; separator: string } | undefined {
  const loc = location.trim();
  if (loc === '' || loc === '/' || loc === '$') return { segments: [], separator: '/' };
  if (loc.startsWith('/')) {
    return {
      segments: loc
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')),
      separator: '/',
    };
  }
  if (!loc.startsWith('$')) return undefined;
  const segments: string[] = [];
  let i = 1;
  while (i < loc.length) {
    const c = loc[i]!;
    if (c === '.') {
      let j = i + 1;
      while (j < loc.length && loc[j] !== '.' && loc[j] !== '[') j++;
      segments.push(loc.slice(i + 1, j));
      i = j;
    } else if (c === '[') {
      const quote = loc[i + 1];
      if (quote === "'" || quote === '"') {
        const end = loc.indexOf(quote + ']', i + 2);
        if (end < 0) return undefined;
        segments.push(loc.slice(i + 2, end));
        i = end + 2;
      } else {
        const end = loc.indexOf(']', i);
        if (end < 0) return undefined;
        segments.push(loc.slice(i + 1, end).trim());
        i = end + 1;
      }
    } else return undefined;
  }
  return { segments, separator: '.' };
}

interface Step {
  node: AstNode;
  property?: PropertyNode;
}

/**
 * Follows the segments from the root. State names may contain the separator (`/` or `.`), so when one segment
 * is not a key, longer joins of the following segments are tried. Returns the deepest node reached.
 */
function follow(root: ObjectNode, segments: string[], separator: string): { step: Step; exact: boolean } {
  let step: Step = { node: root };
  let i = 0;
  while (i < segments.length) {
    const node = step.node;
    let next: Step | undefined;
    let used = 0;
    if (node.kind === 'object') {
      for (let j = i + 1; j <= segments.length && !next; j++) {
        const p = prop(node, segments.slice(i, j).join(separator));
        if (p) {
          next = { node: p.value, property: p };
          used = j - i;
        }
      }
    } else if (node.kind === 'array' && /^\d+$/.test(segments[i]!)) {
      const item = node.items[Number(segments[i])];
      if (item) {
        next = { node: item, property: step.property };
        used = 1;
      }
    }
    if (!next) return { step, exact: false };
    step = next;
    i += used;
  }
  return { step, exact: true };
}

/** The range shown for a node: a property's key for objects and arrays (narrow), the value for scalars. */
function rangeOf(step: Step, root: ObjectNode): { offset: number; length: number } {
  const { node, property } = step;
  if (node === root) {
    const first = root.properties[0];
    return first
      ? { offset: first.keyOffset, length: first.keyLength }
      : { offset: root.offset, length: Math.min(1, root.length) };
  }
  if (node.kind === 'object' || node.kind === 'array') {
    if (property && property.value === node) return { offset: property.keyOffset, length: property.keyLength };
    return { offset: node.offset, length: Math.min(1, node.length) };
  }
  return { offset: node.offset, length: node.length };
}

const JACKSON_LINE = /line:\s*(\d+),\s*column:\s*(\d+)/;

/** Maps each service diagnostic to a range of the file (`sent` is the text that was sent). */
export function locateDiagnostics(
  diagnostics: ServiceDiagnostic[],
  parsed: ParsedDocument,
  sent: string,
): LocatedDiagnostic[] {
  const bomShift = parsed.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let sentLines: LineIndex | undefined;
  return diagnostics.map((d) => {
    const severity = d.severity === 'WARNING' ? 'WARNING' : 'ERROR';
    const base = { ...d, severity } as const;
    const location = d.location ?? '';
    const path = locationSegments(location);
    if (path && parsed.root) {
      const { step, exact } = follow(parsed.root, path.segments, path.separator);
      return { ...base, ...rangeOf(step, parsed.root), pointer: pointerOf(step.node), exact };
    }
    const jackson = JACKSON_LINE.exec(location) ?? JACKSON_LINE.exec(d.message);
    // Line and column of the service's JSON parser are those of the text we sent: the file itself for JSON.
    if (jackson && parsed.languageId !== 'asl-yaml') {
      sentLines ??= new LineIndex(sent);
      const offset =
        sentLines.offsetAt({ line: Number(jackson[1]) - 1, character: Math.max(0, Number(jackson[2]) - 1) }) + bomShift;
      return {
        ...base,
        offset: Math.min(offset, parsed.text.length),
        length: offset < parsed.text.length ? 1 : 0,
        pointer: '',
        exact: true,
      };
    }
    const range = parsed.root ? rangeOf({ node: parsed.root }, parsed.root) : { offset: 0, length: 0 };
    return { ...base, ...range, pointer: '', exact: location === '' || location === '/' };
  });
}
