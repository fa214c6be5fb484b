// Live checks of an `http:invoke` Task: the EventBridge connection exists, is AUTHORIZED, and its Secrets Manager
// secret (the connection's own SecretArn) and the connection are readable by the execution role's policy (asked
// of the simulator). A connection chosen at run time is not checked.
import type { StateInfo } from '../model/model';
import { readPath, staticString, taskArguments } from '../iam/fields';
import { connectionName } from '../iam/httpInvoke';
import { parseArn } from '../iam/arn';
import type { CheckSession } from './session';

const KIND = 'http' as const;

export async function checkHttpTask(s: CheckSession, state: StateInfo): Promise<void> {
  const argsKey = state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
  const where = s.where(state, argsKey, 'Authentication', 'ConnectionArn');
  const field = readPath(taskArguments(state), 'Authentication', 'ConnectionArn');
  const arn = staticString(field);
  const parsed = arn ? parseArn(arn) : undefined;
  const name = arn ? connectionName(arn) : undefined;
  if (!arn || !parsed || !name) {
    s.add(
      KIND,
      'http.connection',
      where,
      undefined,
      'not-checked',
      field.kind === 'dynamic'
        ? `EventBridge connection: not checked: it comes from ${field.expression} at run time`
        : 'EventBridge connection: not checked: Authentication.ConnectionArn is not a connection ARN',
    );
    return;
  }
  const conn = await s.read(
    KIND,
    'http.connection',
    where,
    parsed.account,
    `connection ${name}`,
    (p) => p.describeConnection(parsed.region, name),
    (e) =>
      s.add(
        KIND,
        'http.connection',
        where,
        parsed.account,
        'fail',
        `EventBridge connection ${name} does not exist in ${parsed.region} (${e.message}): the task fails`,
      ),
  );
  if (!conn) return;
  if (conn.state !== 'AUTHORIZED') {
    s.add(
      KIND,
      'http.connection',
      where,
      parsed.account,
      'fail',
      `EventBridge connection ${name} is ${conn.state}${conn.stateReason ? ` (${conn.stateReason})` : ''}, not AUTHORIZED: the task fails until its credentials are fixed (events:UpdateConnection)`,
      { severity: conn.state === 'DEAUTHORIZED' ? 'error' : 'warning' },
    );
  } else s.add(KIND, 'http.connection', where, parsed.account, 'pass', `EventBridge connection ${name} is AUTHORIZED`);
  if (!s.known.executionRole) {
    s.add(
      KIND,
      'http.secret',
      where,
      s.ctx.account,
      'not-checked',
      `the connection's secret: not checked: the execution role is unknown`,
    );
    return;
  }
  await s.checkGrants(
    KIND,
    'http.secret',
    where,
    s.ctx.executionRoleArn,
    [
      { sid: 'HttpConnection', actions: ['events:RetrieveConnectionCredentials'], resources: [arn] },
      ...(conn.secretArn
        ? [
            {
              sid: 'HttpConnectionSecret',
              actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
              resources: [conn.secretArn],
            },
          ]
        : []),
    ],
    'execution role',
  );
}
