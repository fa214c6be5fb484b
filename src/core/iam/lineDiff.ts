// A unified diff (`--- a/...`, `+++ b/...`, `@@` hunks with 3 lines of context) of two texts, line by line (a
// longest-common-subsequence over the part that changed), for the CLI's preview of a template edit.

function lcsOps(a: string[], b: string[]): Array<{ op: ' ' | '-' | '+'; line: string }> {
  const n = a.length;
  const m = b.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const out: Array<{ op: ' ' | '-' | '+'; line: string }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: ' ', line: a[i]! });
      i++;
      j++;
    } else if (i < n && (j >= m || dp[i + 1]![j]! >= dp[i]![j + 1]!)) out.push({ op: '-', line: a[i++]! });
    else out.push({ op: '+', line: b[j++]! });
  }
  return out;
}

export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const ops = [
    ...a.slice(0, start).map((line) => ({ op: ' ' as const, line })),
    ...lcsOps(a.slice(start, a.length - end), b.slice(start, b.length - end)),
    ...a.slice(a.length - end).map((line) => ({ op: ' ' as const, line })),
  ];
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let k = 0;
  let oldLine = 1;
  let newLine = 1;
  while (k < ops.length) {
    if (ops[k]!.op === ' ') {
      oldLine++;
      newLine++;
      k++;
      continue;
    }
    // A hunk: back up `context` lines, then run until `2 * context` unchanged lines in a row.
    const from = Math.max(0, k - context);
    let to = k;
    let quiet = 0;
    while (to < ops.length && quiet <= 2 * context) {
      quiet = ops[to]!.op === ' ' ? quiet + 1 : 0;
      to++;
    }
    to = Math.min(ops.length, to - Math.max(0, quiet - context));
    const hunk = ops.slice(from, to);
    const back = k - from;
    const oldStart = oldLine - back;
    const newStart = newLine - back;
    const oldCount = hunk.filter((o) => o.op !== '+').length;
    const newCount = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const o of hunk) out.push(`${o.op}${o.line}`);
    for (const o of ops.slice(k, to)) {
      if (o.op !== '+') oldLine++;
      if (o.op !== '-') newLine++;
    }
    k = to;
  }
  return out.join('\n') + '\n';
}
