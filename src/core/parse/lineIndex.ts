// Offset <-> line/column conversion for one text, built once on first use (binary search per lookup).
export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  character: number;
}

export class LineIndex {
  private lineStarts: number[] | undefined;
  constructor(private readonly text: string) {}

  /** Line start offsets; \r\n, \n and \r all end a line. Built lazily: most analyses never need it. */
  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      const next = cr < 0 || (lf >= 0 && lf < cr) ? lf + 1 : text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      starts.push(next);
      if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
      if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
    }
    return (this.lineStarts = starts);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  positionAt(offset: number): Position {
    const starts = this.starts;
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (starts[lo] as number) };
  }
  offsetAt(pos: Position): number {
    const starts = this.starts;
    const start = starts[Math.max(0, Math.min(pos.line, starts.length - 1))] as number;
    return Math.min(start + pos.character, this.text.length);
  }
}
