// Fake EventBridge (AWS JSON 1.1, X-Amz-Target AWSEvents.*, signing name `events`): DescribeConnection over the
// connections tests add with `eventsOf(world).addConnection(...)`, per account and region, with the service's
// shape (ConnectionState, AuthorizationType, SecretArn) and its ResourceNotFoundException.
import { FakeServiceError, type ServiceProtocol, jsonTargetOperation } from './types';
import type { World } from './world';

const PREFIX = 'AWSEvents.';

export type ConnectionState =
  'CREATING' | 'UPDATING' | 'DELETING' | 'AUTHORIZED' | 'DEAUTHORIZED' | 'AUTHORIZING' | 'DEAUTHORIZING';

export interface FakeConnection {
  arn: string;
  name: string;
  account: string;
  region: string;
  state: ConnectionState;
  stateReason?: string;
  authorizationType: 'API_KEY' | 'BASIC' | 'OAUTH_CLIENT_CREDENTIALS';
  secretArn: string;
}

export class EventsWorld {
  readonly connections = new Map<string, FakeConnection>();

  addConnection(c: {
    name: string;
    account: string;
    region: string;
    state?: ConnectionState;
    stateReason?: string;
    authorizationType?: FakeConnection['authorizationType'];
  }): FakeConnection {
    const uuid = `${c.name.length.toString(16).padStart(8, '0')}-1111-2222-3333-444455556666`;
    const conn: FakeConnection = {
      arn: `arn:aws:events:${c.region}:${c.account}:connection/${c.name}/${uuid}`,
      name: c.name,
      account: c.account,
      region: c.region,
      state: c.state ?? 'AUTHORIZED',
      ...(c.stateReason ? { stateReason: c.stateReason } : {}),
      authorizationType: c.authorizationType ?? 'API_KEY',
      secretArn: `arn:aws:secretsmanager:${c.region}:${c.account}:secret:events!connection/${c.name}/${uuid}-AbCdEf`,
    };
    this.connections.set(`${c.account}|${c.region}|${c.name}`, conn);
    return conn;
  }
}

const worlds = new WeakMap<World, EventsWorld>();

export function eventsOf(world: World): EventsWorld {
  let w = worlds.get(world);
  if (!w) {
    w = new EventsWorld();
    worlds.set(world, w);
  }
  return w;
}

export function createEvents(world: World): ServiceProtocol {
  const events = eventsOf(world);
  return {
    signingName: 'events',
    iamPrefix: 'events',
    accessDeniedCode: 'AccessDeniedException',
    operation: jsonTargetOperation(PREFIX),
    throttle: () => new FakeServiceError('ThrottlingException', 'Rate exceeded', 400),
    error: (err, { requestId }) => ({
      status: err.status,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, ...err.extraHeaders },
      body: JSON.stringify({ __type: err.code, message: err.message }),
    }),
    resource: (req, _op, caller) => {
      const name = (safeJson(req.body.toString('utf8')) as { Name?: string } | undefined)?.Name ?? '*';
      return `arn:aws:events:${caller.region}:${caller.account}:connection/${name}`;
    },
    handle(req, op, ctx) {
      const body = safeJson(req.body.toString('utf8') || '{}') as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object')
        throw new FakeServiceError('SerializationException', 'The request body is not a JSON object', 400);
      switch (op) {
        case 'DescribeConnection': {
          const name = typeof body.Name === 'string' ? body.Name : '';
          if (!/^[.\-_A-Za-z0-9]{1,64}$/.test(name))
            throw new FakeServiceError(
              'ValidationException',
              `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`,
              400,
            );
          const c = events.connections.get(`${ctx.caller.account}|${ctx.caller.region}|${name}`);
          if (!c)
            throw new FakeServiceError(
              'ResourceNotFoundException',
              `Failed to describe the connection(s). Connection '${name}' does not exist.`,
              400,
            );
          const epoch = Date.UTC(2026, 0, 1) / 1000;
          return {
            status: 200,
            headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': ctx.nextId('') },
            body: JSON.stringify({
              ConnectionArn: c.arn,
              Name: c.name,
              ConnectionState: c.state,
              ...(c.stateReason ? { StateReason: c.stateReason } : {}),
              AuthorizationType: c.authorizationType,
              SecretArn: c.secretArn,
              CreationTime: epoch,
              LastModifiedTime: epoch,
              ...(c.state === 'AUTHORIZED' ? { LastAuthorizedTime: epoch } : {}),
            }),
          };
        }
        default:
          throw new FakeServiceError('UnknownOperationException', `Unknown operation ${op}`, 400);
      }
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
