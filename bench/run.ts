// `npm run bench`: this project's lint against amazon-states-language-service and asl-validator on
// generated definitions (medians and ratios), the crossing rules' overhead, the invoker's numbers,
// and retained memory, measured on the built dist/core.js. `--write` also records the run in docs/benchmarks.md.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Core from '../src/core/index';

// The shipped library (built by `npm run bench`), not the TypeScript sources: what users run.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { analyze, lint } = require('../dist/core.js') as typeof Core;
import { aslsValidate, aslValidatorValidate } from './anchors';
import { crossingDefinition, mixedDefinition } from './generate';
import { measure, measureAsync, measurePair, ms } from './measure';
import { runTemplateBench } from './templates';

// The AWS SDK's multi-line Node.js support notice (printed by the invoker section) is not a result.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SIZES = [1, 1000, 4000, 8000];
const lines: string[] = [];
const out = (s = ''): void => {
  console.log(s);
  lines.push(s);
};

async function main(): Promise<void> {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  out(
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
  );
  out(`Date: ${new Date().toISOString().slice(0, 10)}`);
  out();
  out('## Whole-document validation (median per call)');
  out();
  out(
    '| states | sfn-crossings lint | amazon-states-language-service 1.16.1 | asl-validator 4.0.0 | ASLS / ours | asl-validator / ours |',
  );
  out('|---:|---:|---:|---:|---:|---:|');
  const ours = new Map<number, number>();
  for (const size of SIZES) {
    const text = mixedDefinition(size);
    // The 8,000-state case is over Step Functions' 1,048,576-character limit on purpose (it measures scaling), so
    // the size finding (ASL110) is the one error it may carry.
    const errors = lint(text).filter((f) => f.severity === 'error' && f.code !== 'ASL110');
    if (errors.length)
      throw new Error(`generated ${size}-state definition is not valid: ${errors[0]!.code} ${errors[0]!.message}`);
    const a = measure(() => lint(text), { budgetMs: 2000 });
    const b = await measureAsync(() => aslsValidate(text), { budgetMs: 2000, minRuns: 3 });
    const c = measure(() => aslValidatorValidate(text), { budgetMs: 2000, minRuns: 3 });
    ours.set(size, a.median);
    out(
      `| ${size} | ${ms(a.median)} | ${ms(b.median)} | ${ms(c.median)} | ${(b.median / a.median).toFixed(1)}× | ${(c.median / a.median).toFixed(1)}× |`,
    );
  }
  out();
  out(
    `Scaling: sfn-crossings 8,000 / 1,000 states = ${(ours.get(8000)! / ours.get(1000)!).toFixed(2)} (linear would be 8)`,
  );

  out();
  out('## Crossing rules overhead (4,000 crossing tasks, the two variants called alternately)');
  const crossing = crossingDefinition(4000);
  // Alternating calls: a difference of a few milliseconds between two separate runs would be noise.
  const [without, withRules] = measurePair(
    () => analyze(crossing, { crossingRules: false }),
    () => analyze(crossing),
    { budgetMs: 6000, minRuns: 20, maxRuns: 100 },
  );
  out();
  out(
    `document rules only: ${ms(without.median)}; with crossing rules: ${ms(withRules.median)}; added: ${(((withRules.median - without.median) / without.median) * 100).toFixed(1)} %`,
  );

  out();
  out('## Templates (state machines inside a SAM/CloudFormation template)');
  runTemplateBench(out);

  out();
  out('## Memory');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    const big = mixedDefinition(8000);
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = analyze(big);
    gc();
    const after = process.memoryUsage().heapUsed;
    out();
    out(
      `Heap retained by one 8,000-state analysis (text ${(big.length / 1e6).toFixed(1)} MB): ${((after - before) / 1e6).toFixed(1)} MB (${kept.findings.length} findings)`,
    );
  } else out('\n(run with --expose-gc to measure memory)');

  const invokerBench = path.join(__dirname, 'invoker.ts');
  if (fs.existsSync(invokerBench)) {
    out();
    out('## Invoker');
    const mod = (await import(invokerBench)) as { runInvokerBench?: () => Promise<Record<string, number>> };
    if (mod.runInvokerBench) {
      const r = await mod.runInvokerBench();
      out();
      for (const [k, v] of Object.entries(r)) out(`- ${k}: ${Number.isInteger(v) ? v : v.toFixed(2)}`);
    }
  }

  if (process.argv.includes('--write')) {
    const file = path.join(__dirname, '..', 'docs', 'benchmarks.md');
    const head =
      '# Benchmarks\n\nRecorded by `npm run bench -- --write` (medians; ratios are anchor time / our time).\n\n';
    const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const keep = previous.split('<!-- bench:start -->')[0]!.replace(/^# Benchmarks[\s\S]*?\n\n[^\n]*\n\n/, '');
    fs.writeFileSync(
      file,
      head +
        keep.trimStart() +
        '<!-- bench:start -->\n' +
        lines.join('\n') +
        '\n<!-- bench:end -->\n' +
        (previous.split('<!-- bench:end -->')[1] ?? ''),
    );
    console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
