// XC5xx: `arn:<partition>:states:::aws-sdk:<service>:<action>` tasks, in Step Functions' own service naming.
// Facts: https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
import { atNode, type Rule } from '../model/rule';
import { fix, kitFor, type Kit } from './kit';
import { lookupOperation, lookupService } from './catalog';
import { checkMembers, rangeInString } from './sdkCall';
import type { TaskInfo } from './tasks';

export const awsSdkRule: Rule = {
  id: 'crossings/aws-sdk',
  run(ctx) {
    const kit = kitFor(ctx);
    for (const task of kit.tasks) if (task.integration === 'aws-sdk') checkTask(kit, task);
  },
};

function checkTask(kit: Kit, task: TaskInfo): void {
  const node = task.resourceProp!.value;
  const resource = task.resource!;
  const text = kit.model.parsed.text;
  const prefix = `arn:${task.partition}:states:::aws-sdk:`;
  const service = task.service ?? '';
  const action = task.action ?? '';
  const serviceAt = rangeInString(text, node, prefix.length, service) ?? node;
  const actionAt = rangeInString(text, node, prefix.length + service.length + 1, action) ?? node;
  const where = (r: { offset: number; length: number }) => ({ offset: r.offset, length: r.length, path: node.pointer });
  /** The Resource with one part replaced. */
  const withPart = (newService: string, newAction: string) =>
    `${prefix}${newService}:${newAction}${task.pattern ? `.${task.pattern}` : ''}`;

  if (!service || !action) {
    kit.report(
      'XC501',
      'error',
      'An AWS SDK integration is arn:<partition>:states:::aws-sdk:<service>:<action>, e.g. arn:aws:states:::aws-sdk:s3:getObject.',
      atNode(node),
    );
    return;
  }
  if (task.pattern && task.pattern !== 'waitForTaskToken') {
    kit.report(
      'XC506',
      'error',
      `AWS SDK integrations support request-response and .waitForTaskToken only, not ".${task.pattern}".`,
      atNode(node),
      fix(
        'Use request-response',
        [kit.edit.replace(node, resource.slice(0, resource.length - task.pattern.length - 1))],
        true,
      ),
    );
  }
  const found = lookupService(service, 'sfn');
  const svc = found.service;
  if (!svc) {
    const other = found.suggestion;
    kit.report(
      'XC501',
      'error',
      other
        ? `Step Functions names this service "${other.sfn}" in aws-sdk resources ("${service}" is another of its names).`
        : `"${service}" is not an AWS SDK service Step Functions knows${found.names.length ? `: did you mean ${found.names.map((n) => `"${n}"`).join(', ')}?` : '.'}`,
      where(serviceAt),
      found.names
        .slice(0, 3)
        .flatMap((n, i) => fix(`Change to "${n}"`, [kit.edit.replace(node, withPart(n, action))], i === 0)),
      found.names[0] ? { suggestion: found.names[0] } : undefined,
    );
    if (!other) return;
  }
  const service2 = svc ?? found.suggestion!;
  const op = lookupOperation(service2, action);
  if (!op.operation) {
    kit.report(
      'XC502',
      'error',
      `${service2.sfn} has no operation "${action}"${op.names.length ? `: did you mean ${op.names.map((n) => `"${n}"`).join(', ')}?` : '.'}`,
      where(actionAt),
      op.names
        .slice(0, 3)
        .flatMap((n, i) => fix(`Change to "${n}"`, [kit.edit.replace(node, withPart(service, n))], i === 0)),
      op.names[0] ? { suggestion: op.names[0] } : undefined,
    );
    return;
  }
  if (op.wrongCase) {
    kit.report(
      'XC503',
      'warning',
      `Write the action in camelCase as AWS documents it: "${op.operation.action}" (other casings are not documented to work).`,
      where(actionAt),
      fix(`Change to "${op.operation.action}"`, [kit.edit.replace(node, withPart(service, op.operation.action))], true),
    );
  }
  if (op.operation.sfnUnsupported) {
    kit.report(
      'XC507',
      'warning',
      `AWS documents ${service2.sfn}:${op.operation.action} as not supported by the Step Functions AWS SDK integration.`,
      where(actionAt),
    );
  }
  const paramsProp = task.paramsProp;
  if (paramsProp && paramsProp.value.kind !== 'object') return; // a JSONata expression, or reported by the document rules
  checkMembers(
    kit,
    op.operation,
    'sfn',
    task.params,
    paramsProp
      ? { offset: paramsProp.keyOffset, length: paramsProp.keyLength, path: paramsProp.pointer }
      : where(actionAt),
    `${service2.sfn}:${op.operation.action}`,
    { missing: 'XC504', unknown: 'XC505', unknownSeverity: 'warning' },
  );
}
