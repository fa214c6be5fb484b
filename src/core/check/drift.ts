// Drift between the file and the deployed definition: compares the two state by state (every scope, by path of
// state names) and summarises what differs (only in the file, only deployed, changed), plus top-level fields. A file
// with deploy-time `${...}` placeholders is compared, but its differences are reported as "may differ".

type Json = unknown;

function statesOf(def: Json, prefix = '', out = new Map<string, string>()): Map<string, string> {
  const states = (def as { States?: Record<string, Json> } | null)?.States;
  if (!states || typeof states !== 'object') return out;
  for (const [name, state] of Object.entries(states)) {
    const path = prefix ? `${prefix}/${name}` : name;
    const { Branches, ItemProcessor, Iterator, ...own } = (state ?? {}) as Record<string, Json>;
    out.set(path, canonical(own));
    if (Array.isArray(Branches)) Branches.forEach((b, i) => statesOf(b, `${path}[${i}]`, out));
    if (ItemProcessor) statesOf(ItemProcessor, path, out);
    if (Iterator) statesOf(Iterator, path, out);
  }
  return out;
}

/** JSON text with sorted keys, so key order does not count as a change. */
export function canonical(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, Json>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export interface DriftSummary {
  same: boolean;
  onlyInFile: string[];
  onlyDeployed: string[];
  changed: string[];
  topLevel: string[];
}

export function compareDefinitions(file: Json, deployed: Json): DriftSummary {
  const a = statesOf(file);
  const b = statesOf(deployed);
  const onlyInFile = [...a.keys()].filter((k) => !b.has(k));
  const onlyDeployed = [...b.keys()].filter((k) => !a.has(k));
  const changed = [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k));
  const top = (d: Json) => {
    const { States: _s, ...rest } = (d ?? {}) as Record<string, Json>;
    return rest;
  };
  const ta = top(file);
  const tb = top(deployed);
  const topLevel = [...new Set([...Object.keys(ta), ...Object.keys(tb)])]
    .filter((k) => canonical(ta[k]) !== canonical(tb[k]))
    .sort();
  return {
    same: !onlyInFile.length && !onlyDeployed.length && !changed.length && !topLevel.length,
    onlyInFile,
    onlyDeployed,
    changed,
    topLevel,
  };
}

export function describeDrift(d: DriftSummary): string {
  const list = (xs: string[]) =>
    xs.length > 5 ? `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more` : xs.join(', ');
  return [
    d.changed.length ? `${d.changed.length} state(s) changed (${list(d.changed)})` : '',
    d.onlyInFile.length ? `${d.onlyInFile.length} only in the file (${list(d.onlyInFile)})` : '',
    d.onlyDeployed.length ? `${d.onlyDeployed.length} only deployed (${list(d.onlyDeployed)})` : '',
    d.topLevel.length ? `top-level ${list(d.topLevel)} differ` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
