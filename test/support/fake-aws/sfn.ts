// Fake Step Functions (AWS JSON 1.0, X-Amz-Target AWSStepFunctions.*, signing name `states`):
// ValidateStateMachineDefinition (./sfnValidate), TestState (./sfnTestState), ListStateMachines (paged) and
// DescribeStateMachine over state machines tests add with `stepFunctionsOf(world).addStateMachine(...)`.
import { FakeServiceError, type ServiceProtocol, jsonTargetOperation } from './types';
import { runTestState, type HttpEndpoint, type TaskResult } from './sfnTestState';
import { validateDefinition } from './sfnValidate';
import type { World } from './world';

const PREFIX = 'AWSStepFunctions.';

export interface FakeStateMachine {
  arn: string;
  name: string;
  region: string;
  type: 'STANDARD' | 'EXPRESS';
  definition: string;
  roleArn: string;
  creationDate: Date;
}

/** The Step Functions part of a fake's world: deployed machines, HTTP endpoints and task results for TestState. */
export class StepFunctionsWorld {
  /** Keyed by ARN. */
  readonly stateMachines = new Map<string, FakeStateMachine>();
  /** What an http:invoke Task gets back, keyed by the URL without query string. */
  readonly httpEndpoints = new Map<string, HttpEndpoint>();
  /** Requests http:invoke Tasks sent (the fake calls no real endpoint). */
  readonly httpRequests: { method: string; url: string; headers: Record<string, string>; body: string }[] = [];
  /** What other Task resources return, keyed by Resource. */
  readonly taskResults = new Map<string, TaskResult>();

  constructor(private readonly world: World) {}

  addStateMachine(m: {
    name: string;
    region?: string;
    type?: 'STANDARD' | 'EXPRESS';
    definition?: string;
    roleArn?: string;
    /** Default: the world's account. */
    account?: string;
  }): FakeStateMachine {
    const region = m.region ?? 'us-east-1';
    const account = m.account ?? this.world.options.account;
    const machine: FakeStateMachine = {
      arn: `arn:aws:states:${region}:${account}:stateMachine:${m.name}`,
      name: m.name,
      region,
      type: m.type ?? 'STANDARD',
      definition: m.definition ?? '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}',
      roleArn: m.roleArn ?? `arn:aws:iam::${account}:role/${m.name}-role`,
      creationDate: new Date(Date.UTC(2026, 0, 1)),
    };
    this.stateMachines.set(machine.arn, machine);
    return machine;
  }
}

const worlds = new WeakMap<World, StepFunctionsWorld>();

/** The Step Functions state of a fake's world (created on first use). */
export function stepFunctionsOf(world: World): StepFunctionsWorld {
  let sfn = worlds.get(world);
  if (!sfn) {
    sfn = new StepFunctionsWorld(world);
    worlds.set(world, sfn);
  }
  return sfn;
}

const epochSeconds = (d: Date) => d.getTime() / 1000;

export function createStepFunctions(world: World): ServiceProtocol {
  const sfn = stepFunctionsOf(world);
  return {
    signingName: 'states',
    iamPrefix: 'states',
    accessDeniedCode: 'AccessDeniedException',
    operation: jsonTargetOperation(PREFIX),
    throttle: () => new FakeServiceError('ThrottlingException', 'Rate exceeded', 400),
    error: (err, { requestId }) => ({
      status: err.status,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId, ...err.extraHeaders },
      body: JSON.stringify({ __type: `com.amazonaws.swf.service.v2.model#${err.code}`, message: err.message }),
    }),
    resource: (req, op, caller) => {
      const arn = (safeJson(req.body.toString('utf8')) as { stateMachineArn?: string } | undefined)?.stateMachineArn;
      if (arn) return arn;
      return op === 'ListStateMachines' || op === 'ValidateStateMachineDefinition' || op === 'TestState'
        ? '*'
        : `arn:aws:states:${caller.region}:${caller.account}:stateMachine:*`;
    },
    async handle(req, op, ctx) {
      if (String(req.headers['content-type'] ?? '') !== 'application/x-amz-json-1.0') {
        throw new FakeServiceError('SerializationException', 'Expected content type application/x-amz-json-1.0', 400);
      }
      const body = safeJson(req.body.toString('utf8') || '{}');
      if (!body || typeof body !== 'object')
        throw new FakeServiceError('SerializationException', 'The request body is not a JSON object', 400);
      const b = body as Record<string, unknown>;
      const reply = (out: unknown) => ({
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': ctx.nextId('') },
        body: JSON.stringify(out),
      });
      switch (op) {
        case 'ValidateStateMachineDefinition': {
          if (typeof b.definition !== 'string')
            throw validation("Value null at 'definition' failed to satisfy constraint: Member must not be null");
          const type = b.type === undefined ? 'STANDARD' : b.type;
          if (type !== 'STANDARD' && type !== 'EXPRESS')
            throw validation(
              `Value '${String(type)}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]`,
            );
          const severity = b.severity === 'WARNING' ? 'WARNING' : 'ERROR';
          const max = typeof b.maxResults === 'number' && b.maxResults > 0 ? Math.min(100, b.maxResults) : 100;
          const all = validateDefinition(b.definition, type).filter(
            (d) => severity === 'WARNING' || d.severity === 'ERROR',
          );
          return reply({
            result: all.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK',
            diagnostics: all.slice(0, max),
            truncated: all.length > max,
          });
        }
        case 'TestState':
          return reply(await runTestState(b, sfn));
        case 'ListStateMachines': {
          const max = typeof b.maxResults === 'number' && b.maxResults > 0 ? Math.min(1000, b.maxResults) : 100;
          const start =
            typeof b.nextToken === 'string' ? Number(Buffer.from(b.nextToken, 'base64').toString('utf8')) : 0;
          if (!Number.isInteger(start) || start < 0) throw new FakeServiceError('InvalidToken', 'Invalid Token', 400);
          const mine = [...sfn.stateMachines.values()]
            .filter((m) => m.region === ctx.caller.region)
            .sort((x, y) => x.name.localeCompare(y.name));
          const page = mine.slice(start, start + max);
          return reply({
            stateMachines: page.map((m) => ({
              stateMachineArn: m.arn,
              name: m.name,
              type: m.type,
              creationDate: epochSeconds(m.creationDate),
            })),
            ...(start + max < mine.length ? { nextToken: Buffer.from(String(start + max)).toString('base64') } : {}),
          });
        }
        case 'DescribeStateMachine': {
          const arn = typeof b.stateMachineArn === 'string' ? b.stateMachineArn : '';
          if (!/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[\w-]+$/.test(arn))
            throw new FakeServiceError('InvalidArn', `Invalid Arn: '${arn}'`, 400);
          // Another account's machine is not readable with this account's credentials.
          if (arn.split(':')[4] !== ctx.caller.account)
            throw new FakeServiceError(
              'AccessDeniedException',
              `User: ${ctx.caller.arn} is not authorized to perform: states:DescribeStateMachine on resource: ${arn} because no resource-based policy allows the states:DescribeStateMachine action`,
              400,
            );
          const m = sfn.stateMachines.get(arn);
          if (!m) throw new FakeServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`, 400);
          return reply({
            stateMachineArn: m.arn,
            name: m.name,
            status: 'ACTIVE',
            definition: m.definition,
            roleArn: m.roleArn,
            type: m.type,
            creationDate: epochSeconds(m.creationDate),
            loggingConfiguration: { level: 'OFF', includeExecutionData: false },
          });
        }
        default:
          throw new FakeServiceError('UnknownOperationException', `Unknown operation ${op}`, 400);
      }
    },
  };
}

function validation(message: string): FakeServiceError {
  return new FakeServiceError('ValidationException', `1 validation error detected: ${message}`, 400);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
