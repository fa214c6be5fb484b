// Permissions of `arn:aws:states:::http:invoke` (DOMAIN.md section 4; Step Functions guide "Call HTTPS APIs",
// https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html): states:InvokeHTTPEndpoint on the
// state machine with the endpoint/method conditions, the EventBridge connection and its Secrets Manager secret.
import { readField, readPath, staticString, type Field } from './fields';
import { dynamicStar } from './resources';
import { narrowEndpoint } from './literal';
import type { Condition, Grant } from './types';
import type { TaskGrants, TaskInput } from './integrations';

/** `arn:aws:events:us-east-1:123456789012:connection/MyConnection/uuid` -> `MyConnection`. */
export function connectionName(connectionArn: string): string | undefined {
  return /^arn:[^:]+:events:[^:]*:[^:]*:connection\/([^/]+)(?:\/.*)?$/.exec(connectionArn)?.[1];
}

export function httpInvokeGrants(t: TaskInput): TaskGrants {
  const notes: string[] = [];
  const grants: Grant[] = [];
  const condition: Condition = {};
  const endpoint = readField(t.args, 'ApiEndpoint');
  const method = readField(t.args, 'Method');
  const url = staticString(endpoint);
  if (url) condition.StringEquals = { ...condition.StringEquals, 'states:HTTPEndpoint': url };
  else if (endpoint.kind === 'dynamic' && narrowEndpoint(endpoint.expression))
    // The literal prefix the URL is built from (States.Format / JSONata `&`): StringLike on that pattern.
    condition.StringLike = { 'states:HTTPEndpoint': narrowEndpoint(endpoint.expression)! };
  else if (endpoint.kind === 'dynamic')
    notes.push(
      `http:invoke: the endpoint comes from ${endpoint.expression} at run time, so states:HTTPEndpoint cannot be pinned; add a StringLike condition on its known prefix.`,
    );
  const verb = staticString(method);
  if (verb) condition.StringEquals = { ...condition.StringEquals, 'states:HTTPMethod': verb.toUpperCase() };
  const invoke: Grant = {
    sid: 'HttpInvoke',
    actions: ['states:InvokeHTTPEndpoint'],
    resources: [t.ctx.stateMachineArn],
  };
  if (Object.keys(condition).length > 0) invoke.condition = condition;
  grants.push(invoke);
  const connections: Field[] = [
    readPath(t.args, 'Authentication', 'ConnectionArn'),
    readPath(t.args, 'InvocationConfig', 'ConnectionArn'),
  ];
  for (const connection of connections) {
    if (connection.kind === 'absent') continue;
    const secretPrefix = `arn:${t.env.partition}:secretsmanager:*:*:secret:events!connection`;
    if (connection.kind === 'dynamic') {
      const star = dynamicStar(connection, 'the EventBridge connection');
      grants.push({
        sid: 'HttpConnection',
        actions: ['events:RetrieveConnectionCredentials'],
        resources: star.resources,
        wildcard: star.wildcard!,
      });
      grants.push({
        sid: 'HttpConnectionSecret',
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [`${secretPrefix}/*`],
      });
      continue;
    }
    const arn = staticString(connection);
    const name = arn ? connectionName(arn) : undefined;
    if (!arn || !name) {
      notes.push(
        `http:invoke: ${arn ?? 'the connection'} is not an EventBridge connection ARN; no connection permissions generated.`,
      );
      continue;
    }
    grants.push({ sid: 'HttpConnection', actions: ['events:RetrieveConnectionCredentials'], resources: [arn] });
    grants.push({
      sid: 'HttpConnectionSecret',
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: [`${secretPrefix}/${name}/*`],
    });
  }
  if (connections.every((c) => c.kind === 'absent'))
    notes.push('http:invoke: Authentication.ConnectionArn is missing (it is required).');
  return { grants, notes, integration: 'http:invoke' };
}
