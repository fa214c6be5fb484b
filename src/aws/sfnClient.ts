// The Step Functions calls the editor and the CLI make (ValidateStateMachineDefinition, TestState,
// ListStateMachines, DescribeStateMachine) behind one interface, and their thin AWS SDK v3 adapter using the
// session's region, credentials and endpoint override. Every failure becomes an SfnCallError with one plain line
// (explained by ./errors); credentials are never kept beyond the call or printed.
import {
  DescribeStateMachineCommand,
  ListStateMachinesCommand,
  SFNClient,
  TestStateCommand,
  ValidateStateMachineDefinitionCommand,
  type InspectionLevel,
} from '@aws-sdk/client-sfn';
import { explainAwsError } from './errors';
import type { AwsSession } from './session';
import type { ServiceDiagnostic, StateMachineType } from './sfnDefinition';

export interface ValidationRequest {
  definition: string;
  type: StateMachineType;
  /** Minimum severity returned: WARNING includes warnings (default), ERROR only errors. */
  severity?: 'ERROR' | 'WARNING';
}

export interface ValidationResult {
  result: 'OK' | 'FAIL';
  diagnostics: ServiceDiagnostic[];
  truncated: boolean;
}

export interface TestStateRequest {
  /** The state's definition (one state) as JSON text. */
  definition: string;
  input: string;
  roleArn?: string;
  variables?: string;
  inspectionLevel: 'INFO' | 'DEBUG' | 'TRACE';
  revealSecrets?: boolean;
}

export interface TestStateResult {
  status: string;
  output?: string;
  error?: string;
  cause?: string;
  nextState?: string;
  /** The inspection data as the service returned it (strings of JSON, HTTP request and response at TRACE). */
  inspectionData?: Record<string, unknown>;
}

export interface StateMachineSummary {
  arn: string;
  name: string;
  type: string;
  creationDate?: Date;
}

export interface StateMachineDetails extends StateMachineSummary {
  roleArn: string;
  status?: string;
  definition: string;
}

/** Everything the remote features need from Step Functions. Tests run the adapter against the fake server. */
export interface SfnPorts {
  readonly region: string;
  validate(request: ValidationRequest): Promise<ValidationResult>;
  testState(request: TestStateRequest): Promise<TestStateResult>;
  /** All state machines of the region (every page, up to `limit`). */
  listStateMachines(limit?: number): Promise<StateMachineSummary[]>;
  describeStateMachine(arn: string): Promise<StateMachineDetails>;
}

/** A failed call, with the one-line message to show; `code` is the AWS error name when there is one. */
export class SfnCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SfnCallError';
  }
}

const THROTTLED = /Throttl|TooManyRequests|Rate exceeded|RequestLimitExceeded/i;

/** One line for a failed Step Functions call. Read-only calls: nothing to roll back, unlike a deployment. */
export function explainSfnError(e: unknown, action: string, session: Pick<AwsSession, 'profile' | 'endpoint'>): string {
  const name = String((e as { name?: unknown } | null)?.name ?? '');
  const message = String((e as { message?: unknown } | null)?.message ?? e);
  if (THROTTLED.test(`${name} ${message}`)) {
    return `Step Functions is throttling ${action} (${name || 'throttled'}), even after the SDK's retries: wait a little and run it again`;
  }
  return explainAwsError(e, {
    action,
    ...(session.profile ? { profile: session.profile } : {}),
    ...(session.endpoint ? { endpoint: session.endpoint } : {}),
  });
}

export interface SfnPortsOptions {
  /** SDK attempts per call (throttling, 5xx and connection errors are retried). Default 3. */
  maxAttempts?: number;
  /** Milliseconds to open a connection (an unreachable endpoint fails after this). Default 5000. */
  connectionTimeoutMs?: number;
  /** Milliseconds to wait for an answer. Default 60000. */
  requestTimeoutMs?: number;
}

export function createSfnPorts(session: AwsSession, options: SfnPortsOptions = {}): SfnPorts {
  const client = new SFNClient({
    region: session.region,
    credentials: session.credentials,
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? 5000,
      requestTimeout: options.requestTimeoutMs ?? 60_000,
    },
    // TestState goes to `sync-<host>` on AWS; an endpoint override (LocalStack, a proxy) takes the calls as given.
    ...(session.endpoint ? { endpoint: session.endpoint, disableHostPrefix: true } : {}),
  });
  const call = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      throw new SfnCallError(
        explainSfnError(e, action, session),
        String((e as { name?: unknown } | null)?.name ?? 'Error'),
      );
    }
  };
  return {
    region: session.region,
    validate: (r) =>
      call('states:ValidateStateMachineDefinition', async () => {
        const out = await client.send(
          new ValidateStateMachineDefinitionCommand({
            definition: r.definition,
            type: r.type,
            severity: r.severity ?? 'WARNING',
            maxResults: 100,
          }),
        );
        return {
          result: out.result === 'OK' ? 'OK' : 'FAIL',
          diagnostics: (out.diagnostics ?? []).map((d) => ({
            severity: String(d.severity ?? 'ERROR'),
            code: d.code ?? '',
            message: d.message ?? '',
            ...(d.location ? { location: d.location } : {}),
          })),
          truncated: out.truncated === true,
        };
      }),
    testState: (r) =>
      call('states:TestState', async () => {
        const out = await client.send(
          new TestStateCommand({
            definition: r.definition,
            input: r.input,
            inspectionLevel: r.inspectionLevel as InspectionLevel,
            ...(r.roleArn ? { roleArn: r.roleArn } : {}),
            ...(r.variables ? { variables: r.variables } : {}),
            ...(r.revealSecrets ? { revealSecrets: true } : {}),
          }),
        );
        const result: TestStateResult = { status: out.status ?? 'UNKNOWN' };
        if (out.output !== undefined) result.output = out.output;
        if (out.error !== undefined) result.error = out.error;
        if (out.cause !== undefined) result.cause = out.cause;
        if (out.nextState !== undefined) result.nextState = out.nextState;
        if (out.inspectionData) result.inspectionData = { ...out.inspectionData } as Record<string, unknown>;
        return result;
      }),
    listStateMachines: (limit = 1000) =>
      call('states:ListStateMachines', async () => {
        const all: StateMachineSummary[] = [];
        let nextToken: string | undefined;
        do {
          const out = await client.send(
            new ListStateMachinesCommand({ maxResults: 100, ...(nextToken ? { nextToken } : {}) }),
          );
          for (const m of out.stateMachines ?? []) {
            all.push({
              arn: m.stateMachineArn ?? '',
              name: m.name ?? '',
              type: m.type ?? 'STANDARD',
              ...(m.creationDate ? { creationDate: m.creationDate } : {}),
            });
          }
          nextToken = out.nextToken;
        } while (nextToken && all.length < limit);
        return all.slice(0, limit);
      }),
    describeStateMachine: (arn) =>
      call('states:DescribeStateMachine', async () => {
        const out = await client.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
        return {
          arn: out.stateMachineArn ?? arn,
          name: out.name ?? '',
          type: out.type ?? 'STANDARD',
          roleArn: out.roleArn ?? '',
          definition: out.definition ?? '',
          ...(out.status ? { status: out.status } : {}),
          ...(out.creationDate ? { creationDate: out.creationDate } : {}),
        };
      }),
  };
}
