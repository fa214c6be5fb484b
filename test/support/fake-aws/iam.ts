// Fake IAM (AWS query protocol): the role operations the invoker deployment uses. Policy documents come back
// URL-encoded, as the real service returns them.
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

export function createIam(world: World): ServiceProtocol {
  const role = (name: string | null): FakeRole => {
    const r = name ? world.roles.get(name) : undefined;
    if (!r) throw new FakeServiceError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
    return r;
  };
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
      switch (op) {
        case 'GetRole':
          return queryResponse(NS, op, { Role: roleXml(role(p.get('RoleName'))) }, id);
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
          const r = role(p.get('RoleName'));
          r.assumeRolePolicyDocument = checkPolicy(p.get('PolicyDocument'), 'policyDocument');
          return queryResponse(NS, op, undefined, id);
        }
        case 'GetRolePolicy': {
          const r = role(p.get('RoleName'));
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
          const r = role(p.get('RoleName'));
          r.inlinePolicies.set(p.get('PolicyName') ?? '', checkPolicy(p.get('PolicyDocument'), 'policyDocument'));
          return queryResponse(NS, op, undefined, id);
        }
        case 'TagRole': {
          const r = role(p.get('RoleName'));
          Object.assign(r.tags, formTags(p));
          return queryResponse(NS, op, undefined, id);
        }
        case 'ListRoleTags': {
          const r = role(p.get('RoleName'));
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
