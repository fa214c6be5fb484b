// Shared helpers of the IAM generation tests: build a model from a definition object, generate a kit, and walk
// every policy document a kit holds.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/lint';
import type { AslModel } from '../../../src/core/model/model';
import {
  generateIamKit,
  type IamContext,
  type IamKit,
  type IamOptions,
  type PolicyDocument,
  type PolicyStatement,
} from '../../../src/core/iam';

export const SOURCE = '111111111111';
export const TARGET = '222222222222';

export function modelOf(definition: unknown): AslModel {
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2);
  const a = analyze(text, { documentRules: false, crossingRules: false });
  if (!a.model) throw new Error(`not a definition: ${a.findings[0]?.message}`);
  return a.model;
}

export function kitOf(definition: unknown, context: Partial<IamContext> = {}, options: IamOptions = {}): IamKit {
  return generateIamKit(
    modelOf(definition),
    {
      stateMachineArn: `arn:aws:states:us-east-2:${SOURCE}:stateMachine:stateMachineName`,
      executionRoleArn: `arn:aws:iam::${SOURCE}:role/InvokeRole`,
      ...context,
    },
    options,
  );
}

/** A one-state definition around a Task. */
export function oneTask(task: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  return { ...extra, StartAt: 'T', States: { T: { Type: 'Task', End: true, ...task } } };
}

/** Every policy document of a kit, with the name `wildcards[].document` uses for it. */
export function documentsOf(kit: IamKit): Array<{ name: string; policy: PolicyDocument; trust: boolean }> {
  const out: Array<{ name: string; policy: PolicyDocument; trust: boolean }> = [
    { name: 'executionRole', policy: kit.executionRole.policy, trust: false },
    { name: 'executionRole.trustPolicy', policy: kit.executionRole.trustPolicy, trust: true },
  ];
  kit.crossAccount.forEach((k, i) => {
    out.push(
      { name: `crossAccount[${i}]`, policy: k.policy, trust: false },
      { name: `crossAccount[${i}].trustPolicy`, policy: k.trustPolicy, trust: true },
    );
  });
  kit.apiGateway.resourcePolicies.forEach((p, i) =>
    out.push({ name: `apiGateway.resourcePolicies[${i}]`, policy: p.policy, trust: false }),
  );
  kit.apiGateway.startExecutionIntegrations.forEach((s, i) => {
    out.push(
      { name: `apiGateway.startExecutionIntegrations[${i}]`, policy: s.integrationRole.policy, trust: false },
      {
        name: `apiGateway.startExecutionIntegrations[${i}].trustPolicy`,
        policy: s.integrationRole.trustPolicy,
        trust: true,
      },
      {
        name: `apiGateway.startExecutionIntegrations[${i}].openApi`,
        policy: s.openApi['x-amazon-apigateway-policy'] as PolicyDocument,
        trust: false,
      },
    );
  });
  if (kit.invokerRole) {
    out.push(
      { name: 'invokerRole', policy: kit.invokerRole.policy, trust: false },
      { name: 'invokerRole.trustPolicy', policy: kit.invokerRole.trustPolicy, trust: true },
    );
    kit.invokerRole.assumedRoles.forEach((k, i) => {
      out.push(
        { name: `invokerRole.assumedRoles[${i}]`, policy: k.policy, trust: false },
        { name: `invokerRole.assumedRoles[${i}].trustPolicy`, policy: k.trustPolicy, trust: true },
      );
    });
  }
  return out;
}

export const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Statements without their Sid, for comparing with the documents AWS publishes (which have none). */
export function withoutSids(statements: PolicyStatement[]): PolicyStatement[] {
  return statements.map(({ Sid: _sid, ...rest }) => rest);
}

/** The statements of a policy that grant `action`. */
export function grantsOf(policy: PolicyDocument, action: string): PolicyStatement[] {
  return policy.Statement.filter((s) => list(s.Action).includes(action));
}

const ACTION_RE = /^[a-z0-9-]+:[A-Za-z0-9]+$/;

/**
 * The IAM grammar every generated statement keeps: Allow, `service:Action` names (never `*`), ARN or `*`
 * resources (API Gateway's `execute-api:/...` short form only in a policy attached to the API itself), a trust
 * statement with a principal, no Resource and a condition, and a condition on every resource-policy statement.
 */
export function assertStatementGrammar(name: string, s: PolicyStatement, trust: boolean): void {
  assert.ok(s.Sid === undefined || /^[A-Za-z0-9]+$/.test(s.Sid), `Sid ${s.Sid}`);
  assert.ok(s.Effect === 'Allow', name);
  const actions = list(s.Action);
  assert.ok(actions.length > 0, `${name}: actions`);
  for (const a of actions) {
    assert.notEqual(a, '*', `${name}: Action "*"`);
    assert.match(a, ACTION_RE, `${name}: ${a}`);
  }
  if (trust) {
    assert.equal(s.Resource, undefined, `${name}: a trust statement has no Resource`);
    assert.ok(s.Principal, `${name}: a trust statement has a principal`);
    assert.ok(
      s.Condition && Object.keys(s.Condition).length > 0,
      `${name}: an sts:AssumeRole trust statement has a condition`,
    );
    return;
  }
  const resources = list(s.Resource);
  assert.ok(resources.length > 0, `${name}: resources`);
  const attachedToApi = name.startsWith('apiGateway.resourcePolicies') || name.endsWith('.openApi');
  for (const r of resources)
    assert.ok(
      r === '*' || r.startsWith('arn:aws:') || (attachedToApi && /^execute-api:\/\S+$/.test(r)),
      `${name}: resource ${r}`,
    );
  if (s.Principal)
    assert.ok(
      s.Condition && Object.keys(s.Condition).length > 0,
      `${name}: a resource policy statement has a condition`,
    );
}

/** Every document of a kit: version, unique Sids and the statement grammar. */
export function assertKitGrammar(kit: IamKit): void {
  for (const { name, policy, trust } of documentsOf(kit)) {
    assert.equal(policy.Version, '2012-10-17', name);
    const sids = policy.Statement.map((s) => s.Sid).filter((s) => s !== undefined);
    assert.equal(new Set(sids).size, sids.length, `unique Sids in ${name}`);
    for (const s of policy.Statement) assertStatementGrammar(name, s, trust);
  }
}
