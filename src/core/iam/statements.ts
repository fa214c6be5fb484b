// Grants -> policy statements: merges grants of the same kind that share a condition (same actions -> one
// Resource list; same resources -> one Action list), names them with stable Sids, and records which state
// forced each `*` so the output can say so.
import type { Grant, PolicyDocument, PolicyStatement, WildcardExplanation } from './types';

export interface SourcedGrant {
  grant: Grant;
  state: string;
  pointer: string;
}

export const POLICY_VERSION = '2012-10-17' as const;

const sortedUnique = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
const one = (xs: string[]): string | string[] => (xs.length === 1 ? xs[0]! : xs);

interface Group {
  sid: string;
  condition?: Grant['condition'];
  actions: string[];
  resources: string[];
}

function mergeBy(groups: Group[], keyOf: (g: Group) => string, combine: (into: Group, g: Group) => void): Group[] {
  const byKey = new Map<string, Group>();
  for (const g of groups) {
    const k = keyOf(g);
    const existing = byKey.get(k);
    if (existing) combine(existing, g);
    else byKey.set(k, { ...g, actions: [...g.actions], resources: [...g.resources] });
  }
  return [...byKey.values()];
}

/** Builds one policy document from grants; `document` names it in the wildcard explanations. */
export function buildPolicy(
  grants: SourcedGrant[],
  document: string,
): { policy: PolicyDocument; wildcards: WildcardExplanation[] } {
  const wildcards: WildcardExplanation[] = [];
  for (const { grant, state, pointer } of grants) {
    if (!grant.wildcard) continue;
    const w: WildcardExplanation = {
      document,
      state,
      pointer,
      actions: sortedUnique(grant.actions),
      reason: grant.wildcard.reason,
      detail: grant.wildcard.detail,
    };
    if (grant.wildcard.field) w.field = grant.wildcard.field;
    if (!wildcards.some((x) => JSON.stringify(x) === JSON.stringify(w))) wildcards.push(w);
  }
  const cond = (g: Group) => JSON.stringify(g.condition ?? null);
  let groups: Group[] = grants.map(({ grant }) => ({
    sid: grant.sid,
    ...(grant.condition ? { condition: grant.condition } : {}),
    actions: sortedUnique(grant.actions),
    resources: sortedUnique(grant.resources),
  }));
  groups = mergeBy(
    groups,
    (g) => `${g.sid}|${cond(g)}|${g.actions.join(',')}`,
    (into, g) => {
      into.resources = sortedUnique([...into.resources, ...g.resources]);
    },
  );
  for (const g of groups) if (g.resources.includes('*')) g.resources = ['*'];
  groups = mergeBy(
    groups,
    (g) => `${g.sid}|${cond(g)}|${g.resources.join(',')}`,
    (into, g) => {
      into.actions = sortedUnique([...into.actions, ...g.actions]);
    },
  );
  groups.sort((a, b) =>
    a.sid < b.sid
      ? -1
      : a.sid > b.sid
        ? 1
        : cond(a).localeCompare(cond(b)) || a.resources.join().localeCompare(b.resources.join()),
  );
  const seen = new Map<string, number>();
  const statements: PolicyStatement[] = groups.map((g) => {
    const n = (seen.get(g.sid) ?? 0) + 1;
    seen.set(g.sid, n);
    const s: PolicyStatement = {
      Sid: n === 1 ? g.sid : `${g.sid}${n}`,
      Effect: 'Allow',
      Action: one(g.actions),
      Resource: one(g.resources),
    };
    if (g.condition) s.Condition = g.condition;
    return s;
  });
  return { policy: { Version: POLICY_VERSION, Statement: statements }, wildcards };
}

/** Every distinct action of a list of grants, sorted. */
export function actionsOf(grants: Grant[]): string[] {
  return sortedUnique(grants.flatMap((g) => g.actions));
}
