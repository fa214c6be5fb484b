// TEST INFRASTRUCTURE ONLY: the fake IAM policy simulator behind SimulatePrincipalPolicy/SimulateCustomPolicy.
// A deliberately small evaluator of identity-policy documents, documented so tests stay honest about it:
// - Effect Allow/Deny; Action/NotAction and Resource/NotResource with `*` and `?` wildcards (actions case-insensitive);
// - Condition operators StringEquals, StringNotEquals, StringLike, ArnEquals, ArnLike, Bool (and their IfExists
//   forms); a key absent from the context makes the statement not apply and is reported in MissingContextValues;
//   any other operator makes the statement not apply (so the fake never allows more than AWS would);
// - an explicit Deny wins over any Allow; nothing matching = implicitDeny. No Principal, no permission boundaries,
//   no SCPs. The product never evaluates policies itself: it asks this (or AWS's) simulator.

export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface SourcedPolicy {
  /** Policy id shown in MatchedStatements (inline policy name, managed policy ARN, `PolicyInputList.1`). */
  id: string;
  type: 'IAM Policy' | 'user' | 'role' | 'resource';
  document: string;
}

export interface EvalResult {
  action: string;
  resource: string;
  decision: EvalDecision;
  matched: { policyId: string; policyType: string }[];
  missingContextValues: string[];
}

type Statement = Record<string, unknown>;

function list(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

function glob(pattern: string, value: string, ignoreCase: boolean): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    ignoreCase ? 'is' : 's',
  );
  return re.test(value);
}

function conditionHolds(condition: unknown, context: Map<string, string[]>, missing: Set<string>): boolean {
  if (condition === undefined) return true;
  if (!condition || typeof condition !== 'object') return false;
  for (const [rawOperator, block] of Object.entries(condition as Record<string, unknown>)) {
    const ifExists = rawOperator.endsWith('IfExists');
    const operator = ifExists ? rawOperator.slice(0, -'IfExists'.length) : rawOperator;
    if (!block || typeof block !== 'object') return false;
    for (const [key, expected] of Object.entries(block as Record<string, unknown>)) {
      const actual = [...context.entries()].find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
      if (!actual) {
        if (ifExists) continue;
        missing.add(key);
        return false;
      }
      const wanted = list(expected);
      const any = (test: (w: string, a: string) => boolean) => actual.some((a) => wanted.some((w) => test(w, a)));
      let ok: boolean;
      switch (operator) {
        case 'StringEquals':
        case 'ArnEquals':
          ok = any((w, a) => w === a);
          break;
        case 'StringNotEquals':
          ok = !any((w, a) => w === a);
          break;
        case 'StringLike':
        case 'ArnLike':
          ok = any((w, a) => glob(w, a, false));
          break;
        case 'Bool':
          ok = any((w, a) => w.toLowerCase() === a.toLowerCase());
          break;
        default:
          ok = false;
      }
      if (!ok) return false;
    }
  }
  return true;
}

function statementsOf(document: string): Statement[] {
  try {
    const doc = JSON.parse(document) as { Statement?: unknown };
    const s = doc.Statement;
    return (Array.isArray(s) ? s : s ? [s] : []).filter((x): x is Statement => !!x && typeof x === 'object');
  } catch {
    return [];
  }
}

function applies(s: Statement, action: string, resource: string): boolean {
  const actionOk =
    s.Action !== undefined
      ? list(s.Action).some((a) => glob(a, action, true))
      : s.NotAction !== undefined && !list(s.NotAction).some((a) => glob(a, action, true));
  if (!actionOk) return false;
  return s.Resource !== undefined
    ? list(s.Resource).some((r) => glob(r, resource, false))
    : s.NotResource !== undefined && !list(s.NotResource).some((r) => glob(r, resource, false));
}

/** Evaluates every (action, resource) pair against the policies, as the simulator reports it. */
export function simulate(
  policies: SourcedPolicy[],
  actions: string[],
  resources: string[],
  context: Map<string, string[]>,
): EvalResult[] {
  const out: EvalResult[] = [];
  for (const action of actions) {
    for (const resource of resources.length ? resources : ['*']) {
      const missing = new Set<string>();
      const allows: EvalResult['matched'] = [];
      let denied: EvalResult['matched'] = [];
      for (const p of policies) {
        for (const s of statementsOf(p.document)) {
          if (!applies(s, action, resource) || !conditionHolds(s.Condition, context, missing)) continue;
          const m = { policyId: p.id, policyType: p.type };
          if (s.Effect === 'Deny') denied = [...denied, m];
          else if (s.Effect === 'Allow') allows.push(m);
        }
      }
      const decision: EvalDecision = denied.length ? 'explicitDeny' : allows.length ? 'allowed' : 'implicitDeny';
      out.push({
        action,
        resource,
        decision,
        matched: decision === 'explicitDeny' ? denied : decision === 'allowed' ? allows : [],
        missingContextValues: decision === 'allowed' ? [] : [...missing],
      });
    }
  }
  return out;
}
