// The permissions of each Step Functions service integration, from the Task's Resource and arguments: the
// optimized integrations (Lambda, Step Functions, SNS, SQS, DynamoDB, EventBridge, Batch, ECS, Glue, CodeBuild,
// Athena, Bedrock, S3, http:invoke, apigateway:invoke) and generic `aws-sdk:` tasks. Templates follow the Step
// Functions guide "IAM policies for integrated services" (https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html).
import { arn, parseArn, type Env } from './arn';
import { readField, readPath, staticItems, staticString, type Field } from './fields';
import { sdkTaskActions, type IamCatalog } from './iamActions';
import {
  dynamicStar,
  eventBusesOf,
  executionsOf,
  lambdaArns,
  parseS3Uri,
  prefixObjects,
  queueArn,
  s3Arn,
  scopeField,
  sdkCallResources,
  stateMachineArn,
  tableArn,
  unknownResource,
  unscopable,
  type Scoped,
} from './resources';
import { apiGatewayGrants } from './apiGatewayGrants';
import { httpInvokeGrants } from './httpInvoke';
import { sdkCallCondition, sdkExtraGrants } from './sdkExtras';
import type { Grant, ResolvedContext } from './types';

export type Pattern = '' | 'sync' | 'sync:2' | 'waitForTaskToken';

export interface TaskInput {
  /** The Task's Resource. */
  resource: string;
  /** Parameters (JSONPath) or Arguments (JSONata). */
  args: Field;
  /** Partition, region and account of the role running the task. */
  env: Env;
  ctx: ResolvedContext;
  /** True when the task runs under a Credentials role: `.sync` then polls with it, without the EventBridge rule. */
  underCredentials: boolean;
  catalog?: IamCatalog;
}

export interface TaskGrants {
  grants: Grant[];
  notes: string[];
  /** The `aws-sdk:` or optimized service and action, for messages. */
  integration?: string;
}

/** Builds one grant from a Scoped resource. */
export function grant(sid: string, actions: string[], scoped: Scoped, condition?: Grant['condition']): Grant {
  const g: Grant = { sid, actions, resources: scoped.resources };
  if (scoped.wildcard) g.wildcard = scoped.wildcard;
  if (condition) g.condition = condition;
  return g;
}

/** The managed EventBridge rule a `.sync` integration uses to learn that the job finished. */
function managedRule(t: TaskInput, rule: string): Grant[] {
  if (t.underCredentials) return []; // across accounts Step Functions polls with the target role instead
  return [
    grant('ManagedEventRule', ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], {
      resources: [arn(t.env, 'events', `rule/${rule}`, { account: t.ctx.account })],
    }),
  ];
}

function isSync(p: Pattern): boolean {
  return p === 'sync' || p === 'sync:2';
}

/** A named field, or `*` with the reason when it is missing. */
function need(f: Field, what: string, make: (v: string) => string[] | undefined, integration: string): Scoped {
  return scopeField(f, what, make) ?? unknownResource(`${integration}: ${what} is missing or not a string`);
}

type Handler = (t: TaskInput, action: string, pattern: Pattern) => TaskGrants;

const handlers: Record<string, Handler> = {
  lambda: (t, action) => {
    if (action !== 'invoke') return generic(t, 'lambda', action);
    const invoker = t.ctx.invoker;
    // A bare invoker name means the invoker the user deployed, wherever its ARN says it is.
    const fn = need(
      readField(t.args, 'FunctionName'),
      'the function',
      (v) => lambdaArns(t.env, invoker && !v.includes(':') && v === invoker.name ? invoker.arn : v),
      'lambda:invoke',
    );
    return { grants: [grant('LambdaInvoke', ['lambda:InvokeFunction'], fn)], notes: [] };
  },
  states: (t, action, pattern) => {
    if (action !== 'startExecution') return generic(t, 'states', action);
    const smField = readField(t.args, 'StateMachineArn');
    const sm = need(smField, 'the state machine', (v) => [stateMachineArn(t.env, v)], 'states:startExecution');
    const grants = [grant('StartExecution', ['states:StartExecution'], sm)];
    if (isSync(pattern)) {
      const executions = sm.wildcard ? sm : { resources: sm.resources.map((r) => executionsOf(r) ?? r) };
      grants.push(grant('PollExecution', ['states:DescribeExecution', 'states:StopExecution'], executions));
      grants.push(...managedRule(t, 'StepFunctionsGetEventsForStepFunctionsExecutionRule'));
    }
    return { grants, notes: [] };
  },
  sns: (t, action) => {
    if (action !== 'publish') return generic(t, 'sns', action);
    const topic =
      readField(t.args, 'TopicArn').kind !== 'absent' ? readField(t.args, 'TopicArn') : readField(t.args, 'TargetArn');
    const scoped =
      scopeField(topic, 'the topic', (v) => [v]) ??
      (readField(t.args, 'PhoneNumber').kind !== 'absent'
        ? unscopable('SMS to a phone number: sns:Publish needs "*"')
        : unknownResource('sns:publish: TopicArn is missing'));
    return { grants: [grant('SnsPublish', ['sns:Publish'], scoped)], notes: [] };
  },
  sqs: (t, action) => {
    if (action !== 'sendMessage') return generic(t, 'sqs', action);
    const q = need(
      readField(t.args, 'QueueUrl'),
      'the queue',
      (v) => {
        const a = queueArn(t.env, v);
        return a ? [a] : undefined;
      },
      'sqs:sendMessage',
    );
    return { grants: [grant('SqsSendMessage', ['sqs:SendMessage'], q)], notes: [] };
  },
  dynamodb: (t, action) => {
    const actionName = { getItem: 'GetItem', putItem: 'PutItem', deleteItem: 'DeleteItem', updateItem: 'UpdateItem' }[
      action
    ];
    if (!actionName) return generic(t, 'dynamodb', action);
    const table = need(readField(t.args, 'TableName'), 'the table', (v) => [tableArn(t.env, v)], `dynamodb:${action}`);
    return { grants: [grant('DynamoDb', [`dynamodb:${actionName}`], table)], notes: [] };
  },
  events: (t, action) => {
    if (action !== 'putEvents') return generic(t, 'events', action);
    const entries = readField(t.args, 'Entries');
    const items = staticItems(entries);
    const scoped = entries.kind === 'dynamic' ? dynamicStar(entries, 'the events') : eventBusesOf(items ?? [], t.env);
    return { grants: [grant('EventsPutEvents', ['events:PutEvents'], scoped)], notes: [] };
  },
  batch: (t, action, pattern) => {
    if (action !== 'submitJob') return generic(t, 'batch', action);
    const def = need(
      readField(t.args, 'JobDefinition'),
      'the job definition',
      (v) => [revisioned(v.startsWith('arn:') ? v : arn(t.env, 'batch', `job-definition/${v}`), 'job-definition')],
      'batch:submitJob',
    );
    const queue = need(
      readField(t.args, 'JobQueue'),
      'the job queue',
      (v) => [v.startsWith('arn:') ? v : arn(t.env, 'batch', `job-queue/${v}`)],
      'batch:submitJob',
    );
    const grants = [grant('BatchSubmitJob', ['batch:SubmitJob'], merge(def, queue))];
    if (isSync(pattern)) {
      grants.push(
        grant(
          'BatchDescribeJobs',
          ['batch:DescribeJobs'],
          unscopable('batch:DescribeJobs does not support resource-level permissions'),
        ),
      );
      grants.push(grant('BatchTerminateJob', ['batch:TerminateJob'], { resources: [arn(t.env, 'batch', 'job/*')] }));
      grants.push(...managedRule(t, 'StepFunctionsGetEventsForBatchJobsRule'));
    }
    return { grants, notes: [] };
  },
  ecs: (t, action, pattern) => {
    if (action !== 'runTask') return generic(t, 'ecs', action);
    const td = need(
      readField(t.args, 'TaskDefinition'),
      'the task definition',
      (v) => [revisioned(v.startsWith('arn:') ? v : arn(t.env, 'ecs', `task-definition/${v}`), 'task-definition')],
      'ecs:runTask',
    );
    const grants = [grant('EcsRunTask', ['ecs:RunTask'], td)];
    if (isSync(pattern)) {
      grants.push(
        grant('EcsTask', ['ecs:StopTask', 'ecs:DescribeTasks'], { resources: [arn(t.env, 'ecs', 'task/*')] }),
      );
      grants.push(...managedRule(t, 'StepFunctionsGetEventsForECSTaskRule'));
    }
    // RunTask passes the task's roles: the ones Overrides names when both are literal, else (the task
    // definition names them, outside the state machine) any role of the account, only to ecs-tasks.
    const overrides = [readPath(t.args, 'Overrides', 'TaskRoleArn'), readPath(t.args, 'Overrides', 'ExecutionRoleArn')];
    const named = overrides.map(staticString).filter((r): r is string => !!r && parseArn(r)?.service === 'iam');
    const passed = named.length === 2 ? named : [`arn:${t.env.partition}:iam::${t.env.account}:role/*`];
    grants.push(
      grant(
        'PassTaskRoles',
        ['iam:PassRole'],
        { resources: passed },
        { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      ),
    );
    return {
      grants,
      notes:
        named.length === 2
          ? []
          : [
              "ecs:runTask: iam:PassRole is limited to ecs-tasks.amazonaws.com; narrow it to the task definition's roles.",
            ],
    };
  },
  glue: (t, action, pattern) => {
    if (action !== 'startJobRun') return generic(t, 'glue', action);
    const job = need(
      readField(t.args, 'JobName'),
      'the job',
      (v) => [arn(t.env, 'glue', `job/${v}`)],
      'glue:startJobRun',
    );
    const actions = ['glue:StartJobRun'];
    if (isSync(pattern)) actions.push('glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun');
    return { grants: [grant('GlueJobRun', actions, job)], notes: [] };
  },
  codebuild: (t, action, pattern) => {
    const known: Record<string, string> = {
      startBuild: 'StartBuild',
      stopBuild: 'StopBuild',
      batchGetReports: 'BatchGetReports',
      startBuildBatch: 'StartBuildBatch',
      batchDeleteBuilds: 'BatchDeleteBuilds',
    };
    if (!known[action]) return generic(t, 'codebuild', action);
    const project = scopeField(readField(t.args, 'ProjectName'), 'the project', (v) => [
      v.startsWith('arn:') ? v : arn(t.env, 'codebuild', `project/${v}`),
    ]) ?? { resources: [arn(t.env, 'codebuild', 'project/*')] };
    const actions = [`codebuild:${known[action]}`];
    const grants: Grant[] = [];
    if (isSync(pattern) && action === 'startBuild') actions.push('codebuild:StopBuild', 'codebuild:BatchGetBuilds');
    if (isSync(pattern) && action === 'startBuildBatch')
      actions.push('codebuild:StopBuildBatch', 'codebuild:BatchGetBuildBatches');
    grants.push(grant('CodeBuild', actions, project));
    if (isSync(pattern))
      grants.push(
        ...managedRule(
          t,
          action === 'startBuildBatch'
            ? 'StepFunctionsGetEventForCodeBuildStartBuildBatchRule'
            : 'StepFunctionsGetEventsForCodeBuildStartBuildRule',
        ),
      );
    return { grants, notes: [] };
  },
  athena: (t, action, pattern) => athena(t, action, pattern),
  bedrock: (t, action) => {
    if (action !== 'invokeModel') return generic(t, 'bedrock', action);
    const model = need(
      readField(t.args, 'ModelId'),
      'the model',
      (v) => [v.startsWith('arn:') ? v : arn(t.env, 'bedrock', `foundation-model/${v}`, { account: '' })],
      'bedrock:invokeModel',
    );
    const grants = [grant('BedrockInvokeModel', ['bedrock:InvokeModel'], model)];
    const input = readPath(t.args, 'Input', 'S3Uri');
    const output = readPath(t.args, 'Output', 'S3Uri');
    const s3 = (f: Field, what: string) =>
      scopeField(f, what, (v) => {
        const u = parseS3Uri(v);
        return u ? [s3Arn(t.env, u.bucket, u.key || '*')] : undefined;
      });
    const i = s3(input, 'the input object');
    if (i) grants.push(grant('BedrockInput', ['s3:GetObject'], i));
    const o = s3(output, 'the output object');
    if (o) grants.push(grant('BedrockOutput', ['s3:PutObject'], o));
    return { grants, notes: [] };
  },
  s3: (t, action) => s3Integration(t, action),
};

/**
 * ECS task definitions and Batch job definitions named without a revision run their latest revision: IAM
 * evaluates `<family>:<revision>`, so the resource needs `:*` (Step Functions "IAM policies for Amazon ECS",
 * https://docs.aws.amazon.com/step-functions/latest/dg/ecs-iam.html; AWS Batch user guide "Resource: Restrict
 * to a job definition", https://docs.aws.amazon.com/batch/latest/userguide/iam-example-job-def.html).
 */
export function revisioned(resourceArn: string, type: 'task-definition' | 'job-definition'): string {
  const m = new RegExp(`:${type}/([^:/]+)(:[^:/]+)?$`).exec(resourceArn);
  return m && !m[2] ? `${resourceArn}:*` : resourceArn;
}

function merge(a: Scoped, b: Scoped): Scoped {
  const out: Scoped = { resources: [...new Set([...a.resources, ...b.resources])] };
  const w = a.wildcard ?? b.wildcard;
  if (w) out.wildcard = w;
  if (out.resources.includes('*')) out.resources = ['*'];
  return out;
}

function athena(t: TaskInput, action: string, pattern: Pattern): TaskGrants {
  const names: Record<string, string> = {
    startQueryExecution: 'StartQueryExecution',
    stopQueryExecution: 'StopQueryExecution',
    getQueryExecution: 'GetQueryExecution',
    getQueryResults: 'GetQueryResults',
  };
  if (!names[action]) return generic(t, 'athena', action);
  const wg = scopeField(readField(t.args, 'WorkGroup'), 'the work group', (v) => [
    arn(t.env, 'athena', `workgroup/${v}`),
  ]) ?? {
    resources: [arn(t.env, 'athena', action === 'startQueryExecution' ? 'workgroup/primary' : 'workgroup/*')],
  };
  const actions = [`athena:${names[action]}`];
  if (action === 'startQueryExecution' && isSync(pattern))
    actions.push('athena:GetQueryExecution', 'athena:StopQueryExecution');
  const grants = [grant('Athena', actions, wg)];
  const notes: string[] = [];
  if (action === 'startQueryExecution') {
    const out = readPath(t.args, 'ResultConfiguration', 'OutputLocation');
    const loc = scopeField(out, 'the query output location', (v) => {
      const u = parseS3Uri(v);
      return u ? [s3Arn(t.env, u.bucket), s3Arn(t.env, u.bucket, prefixObjects(u.key))] : undefined;
    });
    if (loc)
      grants.push(
        grant(
          'AthenaResults',
          [
            's3:GetBucketLocation',
            's3:ListBucket',
            's3:GetObject',
            's3:PutObject',
            's3:ListMultipartUploadParts',
            's3:AbortMultipartUpload',
          ],
          loc,
        ),
      );
    else
      notes.push(
        "athena:startQueryExecution: no static ResultConfiguration.OutputLocation; the work group's output bucket needs s3 access too.",
      );
    const db = staticString(readPath(t.args, 'QueryExecutionContext', 'Database'));
    grants.push(
      grant('AthenaGlueCatalog', ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'], {
        resources: [
          arn(t.env, 'glue', 'catalog'),
          arn(t.env, 'glue', `database/${db ?? '*'}`),
          arn(t.env, 'glue', `table/${db ?? '*'}/*`),
        ],
      }),
    );
    notes.push(
      "athena:startQueryExecution: the query's source tables in S3 need s3:GetObject and s3:ListBucket as well.",
    );
  }
  return { grants, notes };
}

/** The S3 integrations Distributed Map uses (ItemReader getObject/listObjectsV2, ResultWriter putObject). */
function s3Integration(t: TaskInput, action: string): TaskGrants {
  const bucketField = readField(t.args, 'Bucket');
  const bucket = (make: (b: string) => string[]): Scoped =>
    need(bucketField, 'the bucket', (b) => make(b), `s3:${action}`);
  switch (action) {
    case 'getObject': {
      const key = readField(t.args, 'Key');
      if (key.kind === 'dynamic' && bucketField.kind === 'static') {
        return {
          grants: [
            grant('S3ItemReader', ['s3:GetObject'], {
              resources: bucket((b) => [s3Arn(t.env, b, '*')]).resources,
              wildcard: dynamicStar(key, 'the object key').wildcard,
            }),
          ],
          notes: [],
        };
      }
      return {
        grants: [
          grant(
            'S3ItemReader',
            ['s3:GetObject'],
            bucket((b) => [s3Arn(t.env, b, staticString(key) ?? '*')]),
          ),
        ],
        notes: [],
      };
    }
    case 'listObjectsV2': {
      const prefix = staticString(readField(t.args, 'Prefix'));
      const condition = prefix ? { StringLike: { 's3:prefix': [`${prefix}*`] } } : undefined;
      return {
        grants: [
          grant(
            'S3ListBucket',
            ['s3:ListBucket'],
            bucket((b) => [s3Arn(t.env, b)]),
            condition,
          ),
          grant(
            'S3ItemReader',
            ['s3:GetObject'],
            bucket((b) => [s3Arn(t.env, b, prefixObjects(prefix ?? ''))]),
          ),
        ],
        notes: [],
      };
    }
    case 'putObject': {
      const prefix = staticString(readField(t.args, 'Prefix')) ?? '';
      return {
        grants: [
          grant(
            'S3ResultWriter',
            ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
            bucket((b) => [s3Arn(t.env, b, prefixObjects(prefix))]),
          ),
        ],
        notes: [],
      };
    }
    default:
      return generic(t, 's3', action);
  }
}

/** An optimized integration we have no template for: `<prefix>:<Action>` on `*`, said so. */
function generic(t: TaskInput, service: string, action: string): TaskGrants {
  const { actions, prefix, operation } = sdkTaskActions(service, action, t.catalog);
  const scoped = sdkCallResources(prefix, operation, actions, t.args, t.env);
  return {
    grants: [grant(sidFor(prefix), actions, scoped)],
    notes: [
      `${service}:${action}: no template for this integration; derived ${actions.join(', ')} from the API catalog.`,
    ],
    integration: `${service}:${action}`,
  };
}

function sidFor(prefix: string): string {
  return `Sdk${prefix.replace(/(^|[^A-Za-z0-9])([a-z])/g, (_m, _p, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '')}`;
}

const OPTIMIZED_RE = /^arn:([\w-]+):states:::([a-z0-9-]+):([A-Za-z0-9]+)(?:\.(sync:2|sync|waitForTaskToken))?$/;
const SDK_RE = /^arn:([\w-]+):states:::aws-sdk:([a-z0-9-]+):([A-Za-z0-9]+)(?:\.(waitForTaskToken))?$/;

/** Every permission a Task needs, by its Resource. */
export function taskGrants(t: TaskInput): TaskGrants {
  const r = t.resource;
  const sdk = SDK_RE.exec(r);
  if (sdk) {
    const [, , service, action] = sdk as unknown as [string, string, string, string];
    const { actions, prefix, operation, fromCatalog } = sdkTaskActions(service, action, t.catalog);
    const scoped = sdkCallResources(prefix, operation, actions, t.args, t.env);
    const notes = fromCatalog
      ? []
      : [`aws-sdk:${service}:${action} is not in the API catalog: the IAM action ${actions.join(', ')} is a guess.`];
    const own = grant(sidFor(prefix), actions, scoped, sdkCallCondition(prefix, operation, t.args));
    return {
      grants: [own, ...sdkExtraGrants(prefix, operation, t.args, t.env)],
      notes,
      integration: `aws-sdk:${service}:${action}`,
    };
  }
  if (r === `arn:${t.env.partition}:states:::http:invoke` || /^arn:[\w-]+:states:::http:invoke$/.test(r))
    return httpInvokeGrants(t);
  if (/^arn:[\w-]+:states:::apigateway:invoke(\.waitForTaskToken)?$/.test(r)) return apiGatewayGrants(t);
  const opt = OPTIMIZED_RE.exec(r);
  if (opt) {
    const [, , service, action, pattern] = opt as unknown as [string, string, string, string, Pattern | undefined];
    const handler = handlers[service];
    const out = handler ? handler(t, action, pattern ?? '') : generic(t, service, action);
    return { ...out, integration: out.integration ?? `${service}:${action}${pattern ? `.${pattern}` : ''}` };
  }
  const parsed = parseArn(r);
  if (parsed?.service === 'lambda' && parsed.resource.startsWith('function:')) {
    return {
      grants: [grant('LambdaInvoke', ['lambda:InvokeFunction'], { resources: lambdaArns(t.env, r) })],
      notes: [],
      integration: 'lambda',
    };
  }
  if (parsed?.service === 'states' && parsed.resource.startsWith('activity:')) {
    return {
      grants: [],
      notes: ['Activity tasks need no permission on the execution role (workers call GetActivityTask).'],
      integration: 'activity',
    };
  }
  return { grants: [], notes: [`Resource ${r} is not a known integration: no permissions generated.`] };
}
