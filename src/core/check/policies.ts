// Reading trust and resource policies for the live checks: the statements whose Principal names an exact principal
// (an AWS principal or a service), and those statements turned into identity-policy form (Principal removed) so the
// IAM simulator, not this code, decides whether their actions, resources and conditions allow the call.
import type { PolicyStatement } from '../iam/types';

export function statementsOf(policyText: string | undefined): PolicyStatement[] | undefined {
  if (policyText === undefined) return undefined;
  try {
    const doc = JSON.parse(policyText) as { Statement?: unknown };
    const s = doc.Statement;
    return (Array.isArray(s) ? s : s ? [s] : []).filter(
      (x): x is PolicyStatement => !!x && typeof x === 'object',
    ) as PolicyStatement[];
  } catch {
    return undefined;
  }
}

const list = (v: unknown): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String));

/**
 * Allow statements naming `principal`: for an AWS principal (a role ARN) the role itself, its account's root or the
 * bare account id, or `*`; for a service (`states.amazonaws.com`) that service or `*`.
 */
export function statementsFor(
  statements: PolicyStatement[],
  principal: { aws: string } | { service: string },
): PolicyStatement[] {
  return statements.filter((s) => {
    if (s.Effect !== 'Allow') return false;
    const p = (s as { Principal?: unknown }).Principal;
    if (p === '*') return true;
    if (!p || typeof p !== 'object') return false;
    const rec = p as Record<string, unknown>;
    if ('aws' in principal) {
      const account = principal.aws.split(':')[4] ?? '';
      const partition = principal.aws.split(':')[1] ?? 'aws';
      return list(rec.AWS).some(
        (a) => a === '*' || a === principal.aws || a === account || a === `arn:${partition}:iam::${account}:root`,
      );
    }
    return list(rec.Service).includes(principal.service) || list(rec.AWS).includes('*');
  });
}

/** The statements in identity-policy form, one policy document, for SimulateCustomPolicy. */
export function asIdentityPolicy(statements: PolicyStatement[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map((s) => {
      const {
        Principal: _p,
        NotPrincipal: _n,
        ...rest
      } = s as PolicyStatement & {
        Principal?: unknown;
        NotPrincipal?: unknown;
      };
      // A trust policy's statements have no Resource: they are about the role itself.
      return rest.Resource === undefined && (rest as { NotResource?: unknown }).NotResource === undefined
        ? { ...rest, Resource: '*' }
        : rest;
    }),
  });
}

/** True when a statement carries a condition on `key` (any operator), e.g. `sts:ExternalId`. */
export function hasConditionKey(s: PolicyStatement, key: string): boolean {
  const c = s.Condition as Record<string, Record<string, unknown>> | undefined;
  return !!c && Object.values(c).some((block) => Object.keys(block).some((k) => k.toLowerCase() === key.toLowerCase()));
}

/** Context entries for a simulation from a generated statement's conditions (StringEquals/ArnLike... values). */
export function contextOf(condition: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!condition || typeof condition !== 'object') return out;
  for (const block of Object.values(condition as Record<string, unknown>)) {
    if (!block || typeof block !== 'object') continue;
    for (const [k, v] of Object.entries(block as Record<string, unknown>)) out[k] = list(v);
  }
  return out;
}
