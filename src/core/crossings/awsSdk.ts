// XC5xx: `arn:<partition>:states:::aws-sdk:<service>:<action>` tasks, in Step Functions' own service naming.
// Facts: https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
import { pointerOf } from '../parse/ast';
import { atKey, atNode, type Rule, type Where } from '../model/rule';
import { fix, kitFor, type Kit } from './kit';
import { lookupOperation, lookupService } from './catalog';
import { checkMembers, missingMessage, rangeInString } from './sdkCall';
import type { TaskInfo } from './tasks';

export const awsSdkRule: Rule = {
  id: 'crossings/aws-sdk',
  run(ctx) {
    const kit = kitFor(ctx);
    for (const task of kit.tasks) if (task.integration === 'aws-sdk') checkTask(kit, task);
  },
};

/** Where the service or the action part of an aws-sdk Resource is (for findings only). */
function partAt(kit: Kit, task: TaskInfo, part: 'service' | 'action'): Where {
  const node = task.resourceProp!.value;
  const prefix = `arn:${task.partition}:states:::aws-sdk:`.length;
  const service = task.service ?? '';
  const r =
    part === 'service'
      ? rangeInString(kit.model.parsed.text, node, prefix, service)
      : rangeInString(kit.model.parsed.text, node, prefix + service.length + 1, task.action ?? '');
  return { offset: (r ?? node).offset, length: (r ?? node).length, path: pointerOf(node) };
}

/** The Resource with its service and action replaced. */
function withParts(task: TaskInfo, service: string, action: string): string {
  return `arn:${task.partition}:states:::aws-sdk:${service}:${action}${task.pattern ? `.${task.pattern}` : ''}`;
}

function checkTask(kit: Kit, task: TaskInfo): void {
  const node = task.resourceProp!.value;
  const resource = task.resource!;
  const service = task.service ?? '';
  const action = task.action ?? '';
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
  const svc = found.service ?? found.suggestion;
  if (!found.service) {
    kit.report(
      'XC501',
      'error',
      svc
        ? `Step Functions names this service "${svc.sfn}" in aws-sdk resources ("${service}" is another of its names).`
        : `"${service}" is not an AWS SDK service Step Functions knows${found.names.length ? `: did you mean ${found.names.map((n) => `"${n}"`).join(', ')}?` : '.'}`,
      partAt(kit, task, 'service'),
      found.names
        .slice(0, 3)
        .flatMap((n, i) => fix(`Change to "${n}"`, [kit.edit.replace(node, withParts(task, n, action))], i === 0)),
      found.names[0] ? { suggestion: found.names[0] } : undefined,
    );
  }
  if (!svc) return;
  const op = lookupOperation(svc, action);
  const operation = op.operation;
  if (!operation) {
    kit.report(
      'XC502',
      'error',
      `${svc.sfn} has no operation "${action}"${op.names.length ? `: did you mean ${op.names.map((n) => `"${n}"`).join(', ')}?` : '.'}`,
      partAt(kit, task, 'action'),
      op.names
        .slice(0, 3)
        .flatMap((n, i) => fix(`Change to "${n}"`, [kit.edit.replace(node, withParts(task, service, n))], i === 0)),
      op.names[0] ? { suggestion: op.names[0] } : undefined,
    );
    return;
  }
  if (op.wrongCase) {
    kit.report(
      'XC503',
      'warning',
      `Write the action in camelCase as AWS documents it: "${operation.action}" (other casings are not documented to work).`,
      partAt(kit, task, 'action'),
      fix(
        `Change to "${operation.action}"`,
        [kit.edit.replace(node, withParts(task, service, operation.action))],
        true,
      ),
    );
  }
  if (operation.sfnUnsupported) {
    kit.report(
      'XC507',
      'warning',
      `AWS documents ${svc.sfn}:${operation.action} as not supported by the Step Functions AWS SDK integration.`,
      partAt(kit, task, 'action'),
    );
  }
  const paramsProp = task.paramsProp;
  if (paramsProp && paramsProp.value.kind !== 'object') return; // a JSONata expression, or reported by the document rules
  const missing = checkMembers(kit, operation, 'sfn', svc.sfn, task.params, 'XC505', 'warning');
  if (missing)
    kit.report(
      'XC504',
      'error',
      missingMessage(svc.sfn, operation, missing),
      paramsProp ? atKey(paramsProp) : partAt(kit, task, 'action'),
      undefined,
      { missing },
    );
}
