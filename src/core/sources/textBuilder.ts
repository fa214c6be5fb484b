// Builds an analysed text piece by piece while remembering where each character came from in the file
// (see PositionMap), and applies CloudFormation-style `${Key}` text replacement on such a text.
import { placeholderParts } from '../model/substitutions';
import { PositionMap } from './positionMap';

/** A text and where its characters are in the file. */
export interface MappedText {
  text: string;
  map: PositionMap;
}

type Piece =
  { text: string; map: PositionMap; from: number; to: number } | { text: string; fileFrom: number; fileTo: number };

export class TextBuilder {
  private readonly pieces: Piece[] = [];
  private size = 0;

  /** Appends characters `from`..`to` of a mapped text. */
  appendMapped(source: MappedText, from = 0, to = source.text.length): void {
    if (to <= from) return;
    this.pieces.push({ text: source.text.slice(from, to), map: source.map, from, to });
    this.size += to - from;
  }

  /** Appends text that stands for the file range [fileFrom, fileTo) as a whole (a substituted value). */
  appendCollapsed(text: string, fileFrom: number, fileTo: number): void {
    if (!text) return;
    this.pieces.push({ text, fileFrom, fileTo });
    this.size += text.length;
  }

  build(): MappedText {
    const n = this.size;
    const starts = new Int32Array(n + 1);
    const ends = new Int32Array(n + 1);
    let at = 0;
    for (const p of this.pieces) {
      const len = p.text.length;
      if ('map' in p) {
        starts.set(p.map.starts.subarray(p.from, p.to), at);
        ends.set(p.map.ends.subarray(p.from + 1, p.to + 1), at + 1);
      } else {
        starts.fill(p.fileFrom, at, at + len);
        ends.fill(p.fileTo, at + 1, at + len + 1);
      }
      at += len;
    }
    starts[n] = n ? ends[n]! : 0;
    ends[0] = n ? starts[0]! : 0;
    return { text: this.pieces.map((p) => p.text).join(''), map: new PositionMap(starts, ends) };
  }
}

/** What a placeholder is replaced with: literal text (or a mapped text), or nothing (it stays `${Key}`). */
export type Replacement = { text: string } | { mapped: MappedText } | undefined;

/**
 * Replaces every `${Key}` for which `replace` returns a value, as CloudFormation does with
 * `DefinitionSubstitutions` (plain text, before parsing). Characters of a replacement land on the placeholder.
 */
export function substitute(source: MappedText, replace: (name: string) => Replacement): MappedText {
  if (source.text.indexOf('${') < 0) return source;
  const out = new TextBuilder();
  let changed = false;
  for (const part of placeholderParts(source.text)) {
    const from = part.offset;
    if ('literal' in part) {
      out.appendMapped(source, from, from + part.literal.length);
      continue;
    }
    const to = from + part.placeholder.length + 3;
    const r = replace(part.placeholder);
    if (!r) {
      out.appendMapped(source, from, to);
      continue;
    }
    changed = true;
    const fileFrom = source.map.start(from);
    const fileTo = source.map.end(to);
    if ('text' in r) out.appendCollapsed(r.text, fileFrom, fileTo);
    else out.appendCollapsed(r.mapped.text, fileFrom, fileTo);
  }
  return changed ? out.build() : source;
}
