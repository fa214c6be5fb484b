// Shows a role policy as it will be written, as a line diff against what is deployed: both documents in one
// canonical JSON layout (keys in IAM's usual order, single-element arrays as scalars) so only real changes show.
// Used by every deploy confirmation (CLI, command, panel). Pure.

const KEY_ORDER = ['Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction'];
const KEY_RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 1 && typeof v[0] !== 'object' ? v[0] : v.map(canonical);
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => {
      const ra = KEY_RANK.get(a) ?? KEY_ORDER.length;
      const rb = KEY_RANK.get(b) ?? KEY_ORDER.length;
      return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
    });
    return Object.fromEntries(keys.map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** The document in the layout the diff compares. */
export function policyLines(doc: unknown): string[] {
  return JSON.stringify(canonical(doc), null, 2).split('\n');
}

export interface PolicyDiff {
  /** `+ ` added, `- ` removed, `  ` unchanged; the whole document, in order. */
  lines: string[];
  added: number;
  removed: number;
}

/** Line diff (longest common subsequence) of the deployed document (undefined: none yet) and the desired one. */
export function policyDiff(deployed: unknown, desired: unknown): PolicyDiff {
  const a = deployed === undefined ? [] : policyLines(deployed);
  const b = policyLines(desired);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..]; documents are small (tens of lines).
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const lines: string[] = [];
  let added = 0;
  let removed = 0;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      lines.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      lines.push(`- ${a[i]}`);
      removed++;
      i++;
    } else {
      lines.push(`+ ${b[j]}`);
      added++;
      j++;
    }
  }
  return { lines, added, removed };
}

/** The diff as text under a title saying whether the policy is new, changed or unchanged. */
export function formatPolicyDiff(title: string, deployed: unknown, desired: unknown): string {
  const d = policyDiff(deployed, desired);
  const state =
    deployed === undefined
      ? 'new'
      : d.added + d.removed === 0
        ? 'unchanged'
        : `changed: +${d.added} -${d.removed} lines`;
  return `${title} (${state}):\n${d.lines.join('\n')}\n`;
}

/**
 * The diff for a dialog: only the changed lines with `context` unchanged lines around them (`…` between hunks),
 * at most `maxLines` lines (then how many more). Dialogs cannot scroll a long document.
 */
export function compactPolicyDiff(
  title: string,
  deployed: unknown,
  desired: unknown,
  context = 1,
  maxLines = 16,
): string {
  const d = policyDiff(deployed, desired);
  if (deployed !== undefined && d.added + d.removed === 0) return `${title}: unchanged\n`;
  const keep = d.lines.map((l) => !l.startsWith('  '));
  const shown = d.lines.map((_, i) => {
    for (let j = Math.max(0, i - context); j <= Math.min(d.lines.length - 1, i + context); j++)
      if (keep[j]) return true;
    return false;
  });
  const out: string[] = [];
  for (let i = 0; i < d.lines.length; i++) {
    if (shown[i]) out.push(d.lines[i]!.replace(/^([+\- ] ) +/, '$1'));
    else if (out[out.length - 1] !== '…') out.push('…');
  }
  const state = deployed === undefined ? 'new' : `changed: +${d.added} -${d.removed} lines`;
  const cut = out.length > maxLines ? out.length - maxLines : 0;
  return (
    `${title} (${state}):\n${out.slice(0, maxLines).join('\n')}\n` +
    (cut ? `… ${cut} more line(s): see the full plan\n` : '')
  );
}
