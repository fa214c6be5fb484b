// Timing helpers for the benchmarks: medians over repeated runs, with a warm-up and a time budget.
export interface Sample {
  median: number;
  runs: number;
}
export interface MeasureOptions {
  minRuns?: number;
  maxRuns?: number;
  budgetMs?: number;
}

class Runs {
  private readonly times: number[] = [];
  private readonly start = performance.now();
  constructor(private readonly opts: MeasureOptions) {}
  more(): boolean {
    const n = this.times.length;
    return (
      n < (this.opts.maxRuns ?? 50) &&
      (n < (this.opts.minRuns ?? 3) || performance.now() - this.start < (this.opts.budgetMs ?? 3000))
    );
  }
  add(t: number): void {
    this.times.push(t);
  }
  sample(): Sample {
    const times = [...this.times].sort((a, b) => a - b);
    const mid = times.length >> 1;
    return { median: times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2, runs: times.length };
  }
}

export function measure(fn: () => unknown, opts: MeasureOptions = {}): Sample {
  fn(); // warm-up
  const runs = new Runs(opts);
  while (runs.more()) {
    const t = performance.now();
    fn();
    runs.add(performance.now() - t);
  }
  return runs.sample();
}

/**
 * Two variants of the same work, called alternately (a, b, a, b, ...) so both see the same machine
 * and garbage-collector conditions: for measuring what one adds over the other.
 */
export function measurePair(a: () => unknown, b: () => unknown, opts: MeasureOptions = {}): [Sample, Sample] {
  for (let k = 0; k < 5; k++) {
    // warm-up: both variants' code reaches the optimising compiler before anything is timed
    a();
    b();
  }
  const runsA = new Runs(opts);
  const runsB = new Runs(opts);
  while (runsA.more()) {
    let t = performance.now();
    a();
    runsA.add(performance.now() - t);
    t = performance.now();
    b();
    runsB.add(performance.now() - t);
  }
  return [runsA.sample(), runsB.sample()];
}

export async function measureAsync(fn: () => Promise<unknown>, opts: MeasureOptions = {}): Promise<Sample> {
  await fn(); // warm-up
  const runs = new Runs(opts);
  while (runs.more()) {
    const t = performance.now();
    await fn();
    runs.add(performance.now() - t);
  }
  return runs.sample();
}

export function ms(n: number): string {
  return n >= 100 ? `${n.toFixed(0)} ms` : n >= 1 ? `${n.toFixed(2)} ms` : `${(n * 1000).toFixed(0)} µs`;
}
