// Fake STS (AWS query protocol): GetCallerIdentity and AssumeRole. Issued session keys become valid identities.
import { formParams, queryError, queryResponse } from './query';
import { FakeServiceError, type ServiceProtocol } from './types';
import type { World } from './world';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function createSts(world: World): ServiceProtocol {
  return {
    signingName: 'sts',
    iamPrefix: 'sts',
    accessDeniedCode: 'AccessDenied',
    operation: (req) => (req.method === 'POST' ? (formParams(req).get('Action') ?? undefined) : undefined),
    throttle: () => new FakeServiceError('Throttling', 'Rate exceeded', 400),
    error: (err, { requestId }) => queryError(NS, err, requestId),
    resource: (req, op) => (op === 'AssumeRole' ? (formParams(req).get('RoleArn') ?? '*') : '*'),
    handle(req, op, ctx) {
      const p = formParams(req);
      const id = ctx.nextId('');
      switch (op) {
        case 'GetCallerIdentity':
          return queryResponse(
            NS,
            op,
            { Arn: ctx.caller.arn, UserId: 'AIDAFAKEUSERID', Account: ctx.caller.account },
            id,
          );
        case 'AssumeRole': {
          const roleArn = p.get('RoleArn') ?? '';
          const role = [...world.roles.values()].find((r) => r.arn === roleArn);
          if (!role) {
            throw new FakeServiceError(
              'AccessDenied',
              `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
              403,
            );
          }
          if (role.externalId !== undefined && role.externalId !== p.get('ExternalId')) {
            throw new FakeServiceError(
              'AccessDenied',
              `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
              403,
            );
          }
          const session = p.get('RoleSessionName') ?? 'session';
          const accessKeyId = ctx.nextId('ASIA');
          const secretAccessKey = `secret-${accessKeyId}`;
          const sessionToken = `token-${accessKeyId}`;
          const account = roleArn.split(':')[4] ?? ctx.caller.account;
          const assumedArn = `arn:aws:sts::${account}:assumed-role/${role.name}/${session}`;
          world.identities.set(accessKeyId, { secretAccessKey, sessionToken, account, arn: assumedArn });
          const seconds = Number(p.get('DurationSeconds') ?? 3600);
          return queryResponse(
            NS,
            op,
            {
              Credentials: {
                AccessKeyId: accessKeyId,
                SecretAccessKey: secretAccessKey,
                SessionToken: sessionToken,
                Expiration: new Date(Date.now() + seconds * 1000),
              },
              AssumedRoleUser: { AssumedRoleId: `${role.roleId}:${session}`, Arn: assumedArn },
            },
            id,
          );
        }
        default:
          throw new FakeServiceError('InvalidAction', `Could not find operation ${op} for version 2011-06-15`, 400);
      }
    },
  };
}
