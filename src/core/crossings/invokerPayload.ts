// XC4xx: payloads sent to the cross-region invoker Lambda (its function ARN as Resource, or lambda:invoke with its
// FunctionName): { service (SDK v3 package), action (camelCase), region, parameters, endpoint, assumeRoleArn,
// externalId }. Facts: ../shared/DOMAIN.md section 1; the protocol: src/core/invoker/protocol.ts. Also warns about
// sensitive calls (XC413: credentials, secrets, IAM/KMS/Organizations changes) and misspelled regions (XC414).
import { atKey, atNode, atValue, type Rule } from '../model/rule';
import { prop, toValue } from '../parse/ast';
import { INVOKER_EVENT_KEYS } from '../invoker/protocol';
import { checkKnownFields, knownFields, fix, kitFor, type Kit } from './kit';
import { lookupOperation, lookupService } from './catalog';
import { addRetryEdits } from './convert';
import { RECOMMENDED_LAMBDA_RETRY } from './constants';
import { KNOWN_REGIONS, misspelledRegion, partitionOfRegion } from './regions';
import { sensitiveReason } from '../invoker/sensitive';
import { checkMembers, missingMessage } from './sdkCall';
import type { TaskInfo } from './tasks';
import { closest, isPartition, isRegionCode, literalString, parseRoleArn, type Field } from './values';

const REQUIRED_PAYLOAD_FIELDS: readonly string[] = ['service', 'action', 'region'];
export const invokerPayloadRule: Rule = {
  id: 'crossings/invoker-payload',
  run(ctx) {
    const kit = kitFor(ctx);
    for (const task of kit.tasks) if (task.invoker) checkTask(kit, task);
  },
};

const INVOKER_KNOWN = knownFields(INVOKER_EVENT_KEYS);

const RETRY_MESSAGE = `The invoker is a Lambda call: add the recommended Retry on transient Lambda errors (${RECOMMENDED_LAMBDA_RETRY.ErrorEquals.join(', ')}; 2 s, 6 attempts, backoff 2), as AWS CDK does.`;

/** Errors the recommended Retry covers; a retrier on any of them (or a catch-all) counts. */
const RETRIED = new Set([
  ...RECOMMENDED_LAMBDA_RETRY.ErrorEquals,
  'States.ALL',
  'States.TaskFailed',
  'Lambda.TooManyRequestsException',
]);

function checkTask(kit: Kit, task: TaskInfo): void {
  const invoker = task.invoker!;
  checkRetry(kit, task);
  const payload = invoker.payload;
  if (!payload) {
    const v = invoker.payloadProp.value;
    if (!(
      v.kind === 'string' &&
      (invoker.payloadProp.key.endsWith('.$') || v.value?.toString().trim().startsWith('{%'))
    ))
      kit.report(
        'XC412',
        'error',
        `The invoker payload must be an object: { "service", "action", "region", "parameters" }; got ${v.kind}.`,
        atNode(v),
      );
    return;
  }
  const byName = checkKnownFields(kit, payload, INVOKER_KNOWN, 'XC409', 'error', 'invoker payload field');
  const missing = byName.missing(REQUIRED_PAYLOAD_FIELDS);
  if (missing)
    kit.report(
      'XC401',
      'error',
      `The invoker payload needs ${missing.map((m) => `"${m}"`).join(', ')} (e.g. { "service": "s3", "action": "getObject", "region": "us-west-2", "parameters": {...} }).`,
      atKey(invoker.payloadProp),
    );
  const serviceField = byName.get('service');
  const actionField = byName.get('action');
  const parametersField = byName.get('parameters');
  const service = checkService(kit, serviceField);
  const action = literalString(actionField);
  if (actionField && !actionField.dynamic) {
    if (action === undefined || !/^[A-Za-z][A-Za-z0-9]*$/.test(action)) {
      kit.report(
        'XC403',
        'error',
        '"action" is the camelCase operation name, e.g. "getObject".',
        atValue(actionField.property),
      );
    } else if (service) {
      const op = lookupOperation(service, action);
      if (op.operation && op.wrongCase) {
        kit.report(
          'XC403',
          'error',
          `"action" is camelCase: "${op.operation.action}" (the invoker builds ${op.operation.name}Command from it).`,
          atValue(actionField.property),
          fix(
            `Change to "${op.operation.action}"`,
            [kit.edit.replace(actionField.property.value, op.operation.action)],
            true,
          ),
          { suggestion: op.operation.action },
        );
      } else if (!op.operation) {
        kit.report(
          'XC404',
          'error',
          `${service.v3} has no operation "${action}"${op.names.length ? `: did you mean ${op.names.map((n) => `"${n}"`).join(', ')}?` : '.'}`,
          atValue(actionField.property),
          op.names
            .slice(0, 3)
            .flatMap((n, i) => fix(`Change to "${n}"`, [kit.edit.replace(actionField.property.value, n)], i === 0)),
          op.names[0] ? { suggestion: op.names[0] } : undefined,
        );
      }
      if (op.operation && (!parametersField || !parametersField.dynamic)) {
        const input = parametersField?.property.value;
        if (input && input.kind !== 'object') {
          kit.report('XC412', 'error', '"parameters" must be an object with the API\'s input members.', atNode(input));
        } else {
          const missing = checkMembers(
            kit,
            op.operation,
            'v3',
            service.v3,
            input?.kind === 'object' ? input : undefined,
            'XC406',
            'error',
          );
          if (missing)
            kit.report(
              'XC405',
              'error',
              missingMessage(service.v3, op.operation, missing),
              parametersField ? atKey(parametersField.property) : atValue(actionField.property),
              undefined,
              { missing },
            );
        }
      }
    } else if (/^[A-Z]/.test(action)) {
      const camel = action.charAt(0).toLowerCase() + action.slice(1);
      kit.report(
        'XC403',
        'error',
        `"action" is camelCase: "${camel}".`,
        atValue(actionField.property),
        fix(`Change to "${camel}"`, [kit.edit.replace(actionField.property.value, camel)], true),
      );
    }
  }
  if (action !== undefined && actionField && !actionField.dynamic) {
    const v3 = service?.v3 ?? literalString(serviceField);
    const input = parametersField?.property.value;
    const decrypts =
      input?.kind === 'object' &&
      (prop(input, 'WithDecryption')?.value as { value?: unknown } | undefined)?.value === true;
    const why = v3 !== undefined ? sensitiveReason(v3, action, decrypts) : undefined;
    if (why)
      kit.report(
        'XC413',
        'warning',
        `${v3}:${action} ${why}: whoever may invoke the invoker can make this call with its role, and the result lands in the execution history in clear text (readable by anyone who can read this machine's executions). Deploying the invoker asks for an explicit confirmation.`,
        atValue(actionField.property),
      );
  }
  const regionField = byName.get('region');
  if (regionField && !regionField.dynamic) {
    const region = literalString(regionField);
    if (region === undefined || !isRegionCode(region)) {
      const near = region === undefined ? undefined : closest(region, KNOWN_REGIONS);
      kit.report(
        'XC407',
        'error',
        `"region" must be a region code such as "us-west-2"${near ? `: did you mean "${near}"?` : '.'}`,
        atValue(regionField.property),
        near ? fix(`Change to "${near}"`, [kit.edit.replace(regionField.property.value, near)], true) : undefined,
      );
    } else if (misspelledRegion(region, closest)) {
      const near = misspelledRegion(region, closest)!;
      kit.report(
        'XC414',
        'warning',
        `"${region}" is not a known region: did you mean "${near}"?`,
        atValue(regionField.property),
        fix(`Change to "${near}"`, [kit.edit.replace(regionField.property.value, near)], true),
        { suggestion: near },
      );
    } else if (task.partition && isPartition(task.partition) && partitionOfRegion(region) !== task.partition) {
      kit.report(
        'XC407',
        'error',
        `${region} is in partition ${partitionOfRegion(region)} but this task runs in ${task.partition}: the invoker's credentials cannot call another partition.`,
        atValue(regionField.property),
      );
    }
  }
  const endpoint = byName.get('endpoint');
  if (endpoint) {
    if (endpoint.dynamic) {
      kit.report(
        'XC408',
        'warning',
        'An "endpoint" taken from the execution input lets whoever starts the execution send signed AWS requests to any host (SSRF). Use a literal endpoint, or leave it out; the invoker honours it only when ALLOW_ENDPOINT_OVERRIDE is "true".',
        atKey(endpoint.property),
      );
    } else {
      const url = literalString(endpoint);
      if (url === undefined || !/^https?:\/\/[^\s/]+/.test(url))
        kit.report(
          'XC412',
          'error',
          '"endpoint" must be an http(s) URL, e.g. "https://s3.us-west-2.amazonaws.com".',
          atValue(endpoint.property),
        );
    }
  }
  const role = byName.get('assumeRoleArn');
  if (role && !role.dynamic) {
    const arn = literalString(role);
    if (arn === undefined || !parseRoleArn(arn))
      kit.report(
        'XC411',
        'error',
        '"assumeRoleArn" must be an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<name>.',
        atValue(role.property),
      );
  }
  const externalId = byName.get('externalId');
  if (externalId && !role)
    kit.report(
      'XC411',
      'error',
      '"externalId" is only sent with "assumeRoleArn" (the role whose trust policy requires it).',
      atKey(externalId.property),
    );
}

function checkService(kit: Kit, f: Field | undefined) {
  if (!f || f.dynamic) return undefined;
  const name = literalString(f);
  if (name === undefined) {
    kit.report(
      'XC402',
      'error',
      '"service" must be a string: the SDK v3 package name, e.g. "s3", "dynamodb", "cloudwatch-logs".',
      atValue(f.property),
    );
    return undefined;
  }
  const found = lookupService(name, 'v3');
  if (found.service) return found.service;
  const other = found.suggestion;
  const message = other
    ? `"service" is the SDK v3 package name (@aws-sdk/client-<service>): "${name}" is ${describeScheme(name, other)}; use "${other.v3}".`
    : `"${name}" is not an AWS SDK v3 service${found.names.length ? `: did you mean ${found.names.map((n) => `"${n}"`).join(', ')}?` : '.'}`;
  kit.report(
    'XC402',
    'error',
    message,
    atValue(f.property),
    found.names
      .slice(0, 3)
      .flatMap((n, i) => fix(`Change to "${n}"`, [kit.edit.replace(f.property.value, n)], i === 0)),
    found.names[0] ? { suggestion: found.names[0] } : undefined,
  );
  return other;
}

function describeScheme(name: string, s: { iamPrefix: string; sfn: string; v2: string }): string {
  if (name === s.iamPrefix) return 'its IAM prefix';
  if (name === s.sfn) return 'its Step Functions aws-sdk name';
  if (name === s.v2) return 'its SDK v2 name';
  return 'another spelling of it';
}

function checkRetry(kit: Kit, task: TaskInfo): void {
  const retry = prop(task.node, 'Retry');
  if (retry?.value.kind === 'array') {
    const retried = (toValue(retry.value) as Array<{ ErrorEquals?: unknown }>).some(
      (r) => Array.isArray(r?.ErrorEquals) && r.ErrorEquals.some((e) => typeof e === 'string' && RETRIED.has(e)),
    );
    if (retried) return;
  } else if (retry) return; // not an array: the document rules report it
  kit.report('XC410', 'info', RETRY_MESSAGE, atNode(task.resourceProp!.value), () =>
    fix('Add the recommended Lambda Retry', addRetryEdits(kit.edit, task), true),
  );
}
