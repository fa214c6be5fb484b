// Fake IAM (AWS query protocol): the role operations the invoker deployment uses, and the read APIs of the live
// checks (roles, inline and attached managed policies, SimulatePrincipalPolicy/SimulateCustomPolicy through the
// small test evaluator in ./iamEval). Roles and policies belong to accounts: a caller reads only its own account's.
// Policy documents come back URL-encoded, as the real service returns them.
import { simulate, type SourcedPolicy } from './iamEval';
import { formParams, formTags, queryError, queryResponse } from './query';
import { FakeServiceError, type ServiceProtocol } from './types';
import type { FakeRole } from './world';
import type { World } from './world';

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

function roleXml(r: FakeRole) {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.roleId,
    Arn: r.arn,
    CreateDate: r.createDate,
    AssumeRolePolicyDocument: encodeURIComponent(r.assumeRolePolicyDocument),
    Description: r.description,
    MaxSessionDuration: 3600,
    Tags: Object.keys(r.tags).length ? Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })) : undefined,
  };
}

function checkPolicy(doc: string | null, what: string): string {
  if (!doc)
    throw new FakeServiceError(
      'ValidationError',
      `1 validation error detected: Value null at '${what}' failed to satisfy constraint: Member must not be null`,
    );
  try {
    JSON.parse(doc);
  } catch {
    throw new FakeServiceError('MalformedPolicyDocument', 'This policy contains invalid Json');
  }
  return doc;
}

export interface FakeManagedPolicy {
  arn: string;
  name: string;
  policyId: string;
  defaultVersionId: string;
  document: string;
  createDate: Date;
}

/** IAM state beyond the roles: managed policies (by ARN) and the policies attached to each role (by role ARN). */
export interface IamWorld {
  managedPolicies: Map<string, FakeManagedPolicy>;
  attached: Map<string, string[]>;
}

const iamWorlds = new WeakMap<World, IamWorld>();

export function iamOf(world: World): IamWorld {
  let w = iamWorlds.get(world);
  if (!w) {
    w = { managedPolicies: new Map(), attached: new Map() };
    iamWorlds.set(world, w);
  }
  return w;
}

const accountOf = (arn: string) => arn.split(':')[4] ?? '';

/** The role `name` of `account` (roles of other accounts than the world's are stored under `account:name`). */
export function findRole(world: World, account: string, name: string): FakeRole | undefined {
  const direct = world.roles.get(name);
  if (direct && accountOf(direct.arn) === account) return direct;
  return [...world.roles.values()].find((r) => r.name === name && accountOf(r.arn) === account);
}

/** `List.member.N` values of a query request. */
function members(p: URLSearchParams, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; p.has(`${prefix}.member.${i}`); i++) out.push(p.get(`${prefix}.member.${i}`)!);
  return out;
}

function contextEntries(p: URLSearchParams): Map<string, string[]> {
  const ctx = new Map<string, string[]>();
  for (let i = 1; p.has(`ContextEntries.member.${i}.ContextKeyName`); i++)
    ctx.set(
      p.get(`ContextEntries.member.${i}.ContextKeyName`)!,
      members(p, `ContextEntries.member.${i}.ContextKeyValues`),
    );
  return ctx;
}

function requireList(values: string[], what: string): string[] {
  if (values.length === 0)
    throw new FakeServiceError(
      'ValidationError',
      `1 validation error detected: Value null at '${what}' failed to satisfy constraint: Member must not be null`,
    );
  return values;
}

export function createIam(world: World): ServiceProtocol {
  const iam = iamOf(world);
  const role = (name: string | null, callerAccount: string): FakeRole => {
    const r = name ? findRole(world, callerAccount, name) : undefined;
    if (!r) throw new FakeServiceError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
    return r;
  };
  const policy = (arn: string | null, callerAccount: string): FakeManagedPolicy => {
    const m = arn ? iam.managedPolicies.get(arn) : undefined;
    // AWS managed policies (account `aws`) are readable from every account; customer ones only from their own.
    if (!m || (accountOf(m.arn) !== 'aws' && accountOf(m.arn) !== callerAccount))
      throw new FakeServiceError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
    return m;
  };
  /** The request's PolicyInputList documents (validated as JSON). */
  const inputPolicies = (p: URLSearchParams): SourcedPolicy[] =>
    members(p, 'PolicyInputList').map((document, i) => ({
      id: `PolicyInputList.${i + 1}`,
      type: 'IAM Policy' as const,
      document: checkPolicy(document, 'policyInputList'),
    }));
  /** Evaluates ActionNames x ResourceArns with the ContextEntries against `policies`, in the response's shape. */
  const simulation = (p: URLSearchParams, policies: SourcedPolicy[]) => {
    const actions = requireList(members(p, 'ActionNames'), 'actionNames');
    return simulationResult(simulate(policies, actions, members(p, 'ResourceArns'), contextEntries(p)));
  };
  const simulationResult = (results: ReturnType<typeof simulate>) => ({
    EvaluationResults: results.map((r) => ({
      EvalActionName: r.action,
      EvalResourceName: r.resource,
      EvalDecision: r.decision,
      MatchedStatements: r.matched.map((m) => ({ SourcePolicyId: m.policyId, SourcePolicyType: m.policyType })),
      MissingContextValues: r.missingContextValues,
    })),
    IsTruncated: false,
  });
  return {
    signingName: 'iam',
    iamPrefix: 'iam',
    accessDeniedCode: 'AccessDenied',
    operation: (req) => (req.method === 'POST' ? (formParams(req).get('Action') ?? undefined) : undefined),
    throttle: () => new FakeServiceError('Throttling', 'Rate exceeded', 400),
    error: (err, { requestId }) => queryError(NS, err, requestId),
    resource: (req, _op, caller) => {
      const name = formParams(req).get('RoleName');
      return name ? `arn:aws:iam::${caller.account}:role/${name}` : '*';
    },
    handle(req, op, ctx) {
      const p = formParams(req);
      const id = ctx.nextId('');
      const callerAccount = ctx.caller.account;
      switch (op) {
        case 'ListRolePolicies': {
          const r = role(p.get('RoleName'), callerAccount);
          return queryResponse(NS, op, { PolicyNames: [...r.inlinePolicies.keys()].sort(), IsTruncated: false }, id);
        }
        case 'ListAttachedRolePolicies': {
          const r = role(p.get('RoleName'), callerAccount);
          const attached = (iam.attached.get(r.arn) ?? []).map((arn) => ({
            PolicyName: arn.replace(/^.*\//, ''),
            PolicyArn: arn,
          }));
          return queryResponse(NS, op, { AttachedPolicies: attached, IsTruncated: false }, id);
        }
        case 'GetPolicy': {
          const m = policy(p.get('PolicyArn'), callerAccount);
          return queryResponse(
            NS,
            op,
            {
              Policy: {
                PolicyName: m.name,
                PolicyId: m.policyId,
                Arn: m.arn,
                Path: '/',
                DefaultVersionId: m.defaultVersionId,
                AttachmentCount: [...iam.attached.values()].filter((a) => a.includes(m.arn)).length,
                IsAttachable: true,
                CreateDate: m.createDate,
                UpdateDate: m.createDate,
              },
            },
            id,
          );
        }
        case 'GetPolicyVersion': {
          const m = policy(p.get('PolicyArn'), callerAccount);
          const version = p.get('VersionId');
          if (version !== m.defaultVersionId)
            throw new FakeServiceError('NoSuchEntity', `Policy ${m.arn} version ${version} does not exist.`, 404);
          return queryResponse(
            NS,
            op,
            {
              PolicyVersion: {
                Document: encodeURIComponent(m.document),
                VersionId: version,
                IsDefaultVersion: true,
                CreateDate: m.createDate,
              },
            },
            id,
          );
        }
        case 'SimulatePrincipalPolicy': {
          const source = p.get('PolicySourceArn') ?? '';
          const m = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(source);
          if (!m) throw new FakeServiceError('InvalidInput', `Invalid ARN: ${source}`, 400);
          // Only principals of the caller's own account can be simulated.
          const r = findRole(world, callerAccount, m[2]!);
          if (!r || m[1] !== callerAccount)
            throw new FakeServiceError('NoSuchEntity', `The role with name ${m[2]} cannot be found.`, 404);
          const policies: SourcedPolicy[] = [
            ...[...r.inlinePolicies.entries()].map(([name, document]) => ({
              id: name,
              type: 'role' as const,
              document,
            })),
            ...(iam.attached.get(r.arn) ?? []).flatMap((arn) => {
              const mp = iam.managedPolicies.get(arn);
              return mp ? [{ id: arn, type: 'IAM Policy' as const, document: mp.document }] : [];
            }),
            ...inputPolicies(p),
          ];
          return queryResponse(NS, op, simulation(p, policies), id);
        }
        case 'SimulateCustomPolicy': {
          requireList(members(p, 'PolicyInputList'), 'policyInputList');
          return queryResponse(NS, op, simulation(p, inputPolicies(p)), id);
        }
        case 'GetRole':
          return queryResponse(NS, op, { Role: roleXml(role(p.get('RoleName'), callerAccount)) }, id);
        case 'CreateRole': {
          const name = p.get('RoleName') ?? '';
          if (world.roles.has(name))
            throw new FakeServiceError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
          const path = p.get('Path') ?? '/';
          const r: FakeRole = {
            name,
            arn: `arn:aws:iam::${ctx.caller.account}:role${path}${name}`,
            roleId: ctx.nextId('AROA'),
            path,
            assumeRolePolicyDocument: checkPolicy(p.get('AssumeRolePolicyDocument'), 'assumeRolePolicyDocument'),
            description: p.get('Description') ?? undefined,
            createDate: new Date(),
            tags: formTags(p),
            inlinePolicies: new Map(),
            unassumableForCreateCalls: world.options.roleUnassumableForCreateCalls,
          };
          world.roles.set(name, r);
          return queryResponse(NS, op, { Role: roleXml(r) }, id);
        }
        case 'UpdateAssumeRolePolicy': {
          const r = role(p.get('RoleName'), callerAccount);
          r.assumeRolePolicyDocument = checkPolicy(p.get('PolicyDocument'), 'policyDocument');
          return queryResponse(NS, op, undefined, id);
        }
        case 'GetRolePolicy': {
          const r = role(p.get('RoleName'), callerAccount);
          const name = p.get('PolicyName') ?? '';
          const doc = r.inlinePolicies.get(name);
          if (doc === undefined)
            throw new FakeServiceError('NoSuchEntity', `The role policy with name ${name} cannot be found.`, 404);
          return queryResponse(
            NS,
            op,
            { RoleName: r.name, PolicyName: name, PolicyDocument: encodeURIComponent(doc) },
            id,
          );
        }
        case 'PutRolePolicy': {
          const r = role(p.get('RoleName'), callerAccount);
          r.inlinePolicies.set(p.get('PolicyName') ?? '', checkPolicy(p.get('PolicyDocument'), 'policyDocument'));
          return queryResponse(NS, op, undefined, id);
        }
        case 'TagRole': {
          const r = role(p.get('RoleName'), callerAccount);
          Object.assign(r.tags, formTags(p));
          return queryResponse(NS, op, undefined, id);
        }
        case 'ListRoleTags': {
          const r = role(p.get('RoleName'), callerAccount);
          return queryResponse(
            NS,
            op,
            { Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })), IsTruncated: false },
            id,
          );
        }
        default:
          throw new FakeServiceError('InvalidAction', `Could not find operation ${op} for version 2010-05-08`, 400);
      }
    },
  };
}
