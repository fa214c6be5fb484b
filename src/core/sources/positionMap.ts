// Maps offsets of an analysed definition text back to the file the text came from: a YAML block scalar
// loses its indentation, a JSON string its escapes, a substituted `${Key}` its placeholder. Two offsets per
// character (where it starts, where it ends) so a range inside a substituted value covers the placeholder.

export class PositionMap {
  /** starts[i]: file offset where analysed character i begins; ends[i + 1]: where it ends. */
  constructor(
    readonly starts: Int32Array,
    readonly ends: Int32Array,
  ) {}

  /** A map of `length` characters that sit in the file from `fileOffset` on, one to one. */
  static shifted(length: number, fileOffset: number): PositionMap {
    const starts = new Int32Array(length + 1);
    for (let i = 0; i <= length; i++) starts[i] = fileOffset + i;
    return new PositionMap(starts, starts);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  /** File offset of the analysed offset as the start of a range. */
  start(offset: number): number {
    return this.starts[clamp(offset, this.starts.length - 1)]!;
  }

  /** File offset of the analysed offset as the end of a range. */
  end(offset: number): number {
    return this.ends[clamp(offset, this.ends.length - 1)]!;
  }

  /** The file range of an analysed range (never negative, never empty when the input is not). */
  range(offset: number, length: number): { offset: number; length: number } {
    const s = this.start(offset);
    if (length <= 0) return { offset: s, length: 0 };
    const e = this.end(offset + length);
    return { offset: s, length: Math.max(1, e - s) };
  }
}

function clamp(i: number, max: number): number {
  return i < 0 ? 0 : i > max ? max : i;
}

/**
 * The file range of every character of a scalar's value, by walking the value and its source together:
 * escapes of double-quoted strings (JSON and YAML) are read as one character, indentation and line breaks
 * that YAML folded away are skipped. Characters that cannot be matched (rare folding cases) land on the
 * nearest source position, so a finding stays on the right line.
 */
export function alignScalar(value: string, text: string, from: number, to: number): PositionMap {
  const n = value.length;
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  let j = from;
  const c0 = text[from];
  const doubleQuoted = c0 === '"';
  const singleQuoted = c0 === "'";
  if (c0 === '"' || c0 === "'") j++;
  else if (c0 === '|' || c0 === '>') {
    const nl = text.indexOf('\n', from);
    j = nl < 0 || nl >= to ? to : nl + 1;
  }
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    let t = text.charCodeAt(j);
    if (singleQuoted && c === 39 && t === 39 && text.charCodeAt(j + 1) === 39) {
      // '' is one quote in a single-quoted YAML scalar.
      starts[i] = j;
      ends[i + 1] = j += 2;
      continue;
    }
    if (t === c && !(doubleQuoted && t === 92)) {
      starts[i] = j;
      ends[i + 1] = ++j;
      continue;
    }
    if (doubleQuoted && t === 92 /* \ */ && j + 1 < to) {
      const e = text[j + 1];
      if (e === '\n' || e === '\r') {
        // YAML line continuation: no character of its own.
        j += 2;
        while (j < to && isSpace(text.charCodeAt(j))) j++;
        i--;
        continue;
      }
      const len = e === 'u' ? 6 : e === 'x' ? 4 : e === 'U' ? 10 : 2;
      starts[i] = j;
      j = Math.min(j + len, to);
      ends[i + 1] = j;
      continue;
    }
    let k = j;
    while (k < to && isSpace((t = text.charCodeAt(k)))) k++;
    if (k < to && t === c) {
      starts[i] = k;
      ends[i + 1] = j = k + 1;
    } else {
      const at = Math.min(j, to);
      starts[i] = at;
      ends[i + 1] = at;
    }
  }
  starts[n] = n ? ends[n]! : j;
  ends[0] = n ? starts[0]! : j;
  return new PositionMap(starts, ends);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
