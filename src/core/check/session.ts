// One run of the live checks: the definition's model, the resolved IAM context, the ports per account (resolved
// once), and the helpers every check uses to report a result at a narrow place of the text, to turn a failed read
// into "not checked" (or a failure when the thing is missing) and to ask the simulator about a role's grants.
import { pointerOf, prop, type AstNode } from '../parse/ast';
import type { AslModel, StateInfo } from '../model/model';
import { buildPolicy } from '../iam/statements';
import type { Grant, ResolvedContext } from '../iam/types';
import { contextOf } from './policies';
import {
  CheckCallError,
  type AccountPorts,
  type CheckKind,
  type CheckPorts,
  type CheckResult,
  type SimulationDecision,
} from './types';

export interface Where {
  state: string;
  pointer: string;
  offset: number;
  length: number;
}

export class CheckSession {
  readonly results: CheckResult[] = [];
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly model: AslModel,
    readonly ctx: ResolvedContext,
    private readonly ports: CheckPorts,
    /** What is known for sure (placeholders stand in for the rest). */
    readonly known: { stateMachineArn: boolean; executionRole: boolean },
  ) {}

  /** The read ports of an account (resolved once per run), or why there are none. */
  portsFor(account: string): Promise<AccountPorts | { missing: string }> {
    return this.once(`ports:${account}`, () => this.ports.forAccount(account));
  }

  /** Runs `make` once per key (e.g. one trust check per role, shared by the states that use it). */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      this.memo.set(key, p);
    }
    return p;
  }

  /** The state's key, or a field of it (`Credentials/RoleArn`) when present: the narrow range a diagnostic uses. */
  where(state: StateInfo | undefined, ...path: string[]): Where {
    if (!state) return { state: '', pointer: '', offset: this.model.root.offset, length: 1 };
    let node: AstNode | undefined = state.node;
    for (const key of path) node = node ? prop(node, key)?.value : undefined;
    if (node) return { state: state.name, pointer: pointerOf(node), offset: node.offset, length: node.length };
    return { state: state.name, pointer: state.pointer, offset: state.entry.keyOffset, length: state.entry.keyLength };
  }

  add(
    kind: CheckKind,
    id: string,
    where: Where,
    account: string | undefined,
    status: CheckResult['status'],
    message: string,
    extra: Partial<Pick<CheckResult, 'severity' | 'fix'>> = {},
  ): void {
    this.results.push({
      id,
      kind,
      ...where,
      ...(account ? { account } : {}),
      status,
      ...(status === 'fail' ? { severity: extra.severity ?? 'error' } : {}),
      message,
      ...(extra.fix ? { fix: extra.fix } : {}),
    });
  }

  /**
   * Calls `read` with the account's ports. A missing profile or a failed read becomes "not checked" (returns
   * undefined); `notFound` decides what a NoSuchEntity-like answer means (a failure, reported by the caller).
   */
  async read<T>(
    kind: CheckKind,
    id: string,
    where: Where,
    account: string,
    what: string,
    read: (ports: AccountPorts) => Promise<T>,
    notFound?: (e: CheckCallError) => void,
  ): Promise<T | undefined> {
    const ports = await this.portsFor(account);
    if ('missing' in ports) {
      this.add(kind, id, where, account, 'not-checked', `${what}: not checked: ${ports.missing}`);
      return undefined;
    }
    try {
      return await read(ports);
    } catch (e) {
      if (e instanceof CheckCallError && e.failure === 'not-found' && notFound) notFound(e);
      else {
        const why = e instanceof CheckCallError ? e.message : String(e);
        this.add(kind, id, where, account, 'not-checked', `${what}: not checked: ${why}`);
      }
      return undefined;
    }
  }

  /**
   * Asks the simulator whether `roleArn` allows every grant; one result: pass, or fail with the denied
   * `action on resource` pairs and the generator's statements for them as the fix.
   */
  async checkGrants(
    kind: CheckKind,
    id: string,
    where: Where,
    roleArn: string,
    grants: Grant[],
    roleLabel: string,
  ): Promise<void> {
    if (grants.length === 0) return;
    const account = roleArn.split(':')[4] ?? '';
    const missing: { grant: Grant; denied: SimulationDecision[] }[] = [];
    const ok = await this.read(
      kind,
      id,
      where,
      account,
      `${roleLabel} permissions`,
      async (ports) => {
        for (const grant of grants) {
          const decisions = await ports.simulatePrincipal(
            roleArn,
            grant.actions,
            grant.resources,
            contextOf(grant.condition),
          );
          const denied = decisions.filter((d) => d.decision !== 'allowed');
          if (denied.length) missing.push({ grant, denied });
        }
        return true;
      },
      (e) =>
        this.add(kind, id, where, account, 'fail', `${roleLabel} ${roleArn} does not exist (${e.message})`, {
          severity: 'error',
        }),
    );
    if (!ok) return;
    const actions = [...new Set(grants.flatMap((g) => g.actions))].sort();
    if (missing.length === 0) {
      this.add(kind, id, where, account, 'pass', `${roleLabel} ${roleArn} allows ${actions.join(', ')}`);
      return;
    }
    const pairs = missing.flatMap((m) =>
      m.denied.map((d) => `${d.action} on ${d.resource}${d.decision === 'explicitDeny' ? ' (explicitly denied)' : ''}`),
    );
    const built = buildPolicy(
      missing.map((m) => ({ grant: m.grant, state: where.state, pointer: where.pointer })),
      id,
    );
    // A grant whose resource is `*` only because a value is known at run time may still work for the real value.
    const onlyWildcards = missing.every((m) => m.grant.wildcard);
    this.add(kind, id, where, account, 'fail', `${roleLabel} ${roleArn} does not allow ${pairs.join('; ')}`, {
      severity: onlyWildcards ? 'warning' : 'error',
      fix: {
        label: `Add these statements to the policy of ${roleArn}`,
        text: JSON.stringify(built.policy.Statement, null, 2),
      },
    });
  }
}
