// Resource ARNs from task parameters: names, URLs and ARNs in the definition become scoped ARNs; a value
// known only at run time becomes `*` (or a `*` segment) with the field that forced it.
import { arn, parseArn, type Env } from './arn';
import { readField, staticItems, staticString, type Field } from './fields';
import type { Grant } from './types';

export interface Scoped {
  resources: string[];
  wildcard?: Grant['wildcard'];
}

export const STAR: string = '*';

export function dynamicStar(f: Field & { kind: 'dynamic' }, what: string): Scoped {
  return {
    resources: [STAR],
    wildcard: { reason: 'dynamic', field: f.pointer, detail: `${what} comes from ${short(f.expression)} at run time` },
  };
}
export function unscopable(detail: string): Scoped {
  return { resources: [STAR], wildcard: { reason: 'unscopable', detail } };
}
export function unknownResource(detail: string): Scoped {
  return { resources: [STAR], wildcard: { reason: 'unknown-resource', detail } };
}

function short(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/**
 * Scopes a resource named by a field: static strings go through `make`, run-time values give `*`. Returns
 * undefined when the field is absent (or static but not a string `make` understands).
 */
export function scopeField(f: Field, what: string, make: (value: string) => string[] | undefined): Scoped | undefined {
  if (f.kind === 'dynamic') return dynamicStar(f, what);
  const v = staticString(f);
  if (v === undefined) return undefined;
  const resources = make(v);
  return resources ? { resources } : undefined;
}

// ---- per-service ARN builders (each accepts a name or an ARN) ----

export function lambdaArns(env: Env, nameOrArn: string): string[] {
  // Forms: name, name:alias, 123456789012:function:name, full ARN (optionally qualified).
  let partition = env.partition;
  let region = env.region;
  let account = env.account;
  let name = nameOrArn;
  const full = /^arn:([^:]+):lambda:([^:]+):([^:]+):function:([^:]+)(?::.+)?$/.exec(nameOrArn);
  const partial = /^(\d{12}):function:([^:]+)(?::.+)?$/.exec(nameOrArn);
  if (full) [, partition, region, account, name] = full as unknown as [string, string, string, string, string];
  else if (partial) [, account, name] = partial as unknown as [string, string, string];
  else name = nameOrArn.split(':')[0]!;
  const base = `arn:${partition}:lambda:${region}:${account}:function:${name}`;
  return [base, `${base}:*`];
}

/** Function name of a FunctionName value or a Lambda ARN: name, name:alias, 123456789012:function:name, ARN. */
export function functionNameOf(value: string): string {
  const full = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(value);
  if (full) return full[1]!;
  const partial = /^\d{12}:function:([^:]+)/.exec(value);
  return partial ? partial[1]! : value.split(':')[0]!;
}

export function stateMachineArn(env: Env, value: string): string {
  return value.startsWith('arn:') ? value : arn(env, 'states', `stateMachine:${value}`);
}

/** `arn:...:stateMachine:NAME[:alias|version]` -> `arn:...:execution:NAME:*` (executions of that machine). */
export function executionsOf(stateMachine: string): string | undefined {
  const m = /^(arn:[^:]+:states:[^:]*:[^:]*:)stateMachine:([^:]+)(?::[^:]+)?$/.exec(stateMachine);
  return m ? `${m[1]}execution:${m[2]}:*` : undefined;
}

export function tableArn(env: Env, nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn : arn(env, 'dynamodb', `table/${nameOrArn}`);
}

/** `https://sqs.us-east-1.amazonaws.com/123456789012/q` (also the legacy `us-east-1.queue.amazonaws.com`) -> queue ARN. */
export function queueArn(env: Env, url: string): string | undefined {
  if (url.startsWith('arn:')) return url;
  const m =
    /^https?:\/\/(?:sqs\.([a-z0-9-]+)|([a-z0-9-]+)\.queue)\.amazonaws\.com(?:\.cn)?\/(\d{12})\/([\w-]+(?:\.fifo)?)\/?$/.exec(
      url,
    );
  if (m) return `arn:${env.partition}:sqs:${m[1] ?? m[2]}:${m[3]}:${m[4]}`;
  const local = /^https?:\/\/[^/]+\/(\d{12})\/([\w-]+(?:\.fifo)?)\/?$/.exec(url);
  return local ? `arn:${env.partition}:sqs:${env.region}:${local[1]}:${local[2]}` : undefined;
}

export function eventBusArn(env: Env, nameOrArn: string | undefined): string {
  if (nameOrArn?.startsWith('arn:')) return nameOrArn;
  return arn(env, 'events', `event-bus/${nameOrArn ?? 'default'}`);
}

/** Bucket or object ARNs. `key` undefined = the bucket itself. */
export function s3Arn(env: Env, bucket: string, key?: string): string {
  // An access point keeps its region and account; its objects are `<access point ARN>/object/<key>`
  // (S3 user guide, "Configuring IAM policies for using access points").
  if (/^arn:[^:]+:s3:[^:]+:[^:]+:accesspoint\/[^/]+$/.test(bucket))
    return key === undefined ? bucket : `${bucket}/object/${key}`;
  const b = bucket.startsWith('arn:') ? (parseArn(bucket)?.resource ?? bucket) : bucket;
  return key === undefined ? `arn:${env.partition}:s3:::${b}` : `arn:${env.partition}:s3:::${b}/${key}`;
}

/** `s3://bucket/prefix/` -> { bucket, key } */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return m ? { bucket: m[1]!, key: m[2]! } : undefined;
}

/** The object part of an S3 ARN for a prefix: `prefix/*`, or `*` for an empty prefix. */
export function prefixObjects(prefix: string): string {
  if (!prefix) return '*';
  return prefix.endsWith('/') ? `${prefix}*` : `${prefix}/*`;
}

const S3_OBJECT_ACTIONS =
  /^s3:(GetObject|PutObject|DeleteObject|AbortMultipartUpload|ListMultipartUploadParts|RestoreObject|GetObjectAttributes)/;

/**
 * Resources of an SDK call (aws-sdk task or invoker call) for the services whose parameters name their
 * resource; everything else is `*` with reason `unknown-resource`.
 */
export function sdkCallResources(prefix: string, operation: string, actions: string[], args: Field, env: Env): Scoped {
  const what = `${prefix}:${operation}`;
  const field = (k: string) => readField(args, k);
  if (
    /^List[A-Z]\w*s$/.test(operation) &&
    !['ListObjects', 'ListObjectsV2', 'ListObjectVersions', 'ListParts', 'ListMultipartUploads'].includes(operation)
  ) {
    const narrowed = sdkNamedResource(prefix, field, env, actions);
    if (narrowed) return narrowed;
    return unscopable(`${what} lists resources: IAM needs "*" for account-level List actions`);
  }
  return (
    sdkNamedResource(prefix, field, env, actions) ??
    unknownResource(`no resource ARN can be derived for ${what}: narrow it by hand`)
  );
}

function sdkNamedResource(
  prefix: string,
  field: (k: string) => Field,
  env: Env,
  actions: string[],
): Scoped | undefined {
  switch (prefix) {
    case 's3': {
      const bucket = field('Bucket');
      if (bucket.kind === 'absent') return undefined;
      if (bucket.kind === 'dynamic') return dynamicStar(bucket, 'the bucket');
      const b = staticString(bucket);
      if (b === undefined) return undefined;
      if (!actions.some((a) => S3_OBJECT_ACTIONS.test(a))) return { resources: [s3Arn(env, b)] };
      const key = field('Key');
      if (key.kind === 'dynamic')
        return {
          resources: [s3Arn(env, b, '*')],
          wildcard: {
            reason: 'dynamic',
            field: key.pointer,
            detail: `the object key comes from ${short(key.expression)} at run time`,
          },
        };
      const k = staticString(key);
      return { resources: [s3Arn(env, b, k ?? prefixObjects(staticString(field('Prefix')) ?? ''))] };
    }
    case 'dynamodb': {
      const t = scopeField(field('TableName'), 'the table', (v) => {
        const table = tableArn(env, v);
        const index = staticString(field('IndexName'));
        return index ? [table, `${table}/index/${index}`] : [table];
      });
      if (t) return t;
      const items = field('RequestItems');
      if (items.kind === 'dynamic') return dynamicStar(items, 'the tables');
      if (items.kind === 'static' && items.node.kind === 'object')
        return { resources: items.node.properties.map((p) => tableArn(env, p.key.replace(/\.\$$/, ''))) };
      return undefined;
    }
    case 'sqs':
      return scopeField(field('QueueUrl'), 'the queue', (v) => {
        const q = queueArn(env, v);
        return q ? [q] : undefined;
      });
    case 'sns': {
      const topic = field('TopicArn').kind !== 'absent' ? field('TopicArn') : field('TargetArn');
      const scoped = scopeField(topic, 'the topic', (v) => [v]);
      if (scoped) return scoped;
      if (field('PhoneNumber').kind !== 'absent') return unscopable('SMS to a phone number: sns:Publish needs "*"');
      return undefined;
    }
    case 'lambda':
      return scopeField(field('FunctionName'), 'the function', (v) => lambdaArns(env, v));
    case 'states': {
      const sm = scopeField(field('StateMachineArn'), 'the state machine', (v) => [stateMachineArn(env, v)]);
      if (sm) return sm;
      return scopeField(field('ExecutionArn'), 'the execution', (v) => [v]);
    }
    case 'secretsmanager':
      return scopeField(field('SecretId'), 'the secret', (v) => [
        v.startsWith('arn:') ? v : arn(env, 'secretsmanager', `secret:${v}-??????`),
      ]);
    case 'ssm': {
      const param = (n: string) => arn(env, 'ssm', `parameter/${n.replace(/^\//, '')}`);
      const one = scopeField(field('Name'), 'the parameter', (v) => [param(v)]);
      if (one) return one;
      const names = field('Names');
      if (names.kind === 'dynamic') return dynamicStar(names, 'the parameters');
      const items = staticItems(names)?.map(staticString);
      return items && items.every((n) => n !== undefined) ? { resources: items.map((n) => param(n!)) } : undefined;
    }
    case 'events': {
      const entries = field('Entries');
      if (entries.kind === 'dynamic') return dynamicStar(entries, 'the events');
      const items = staticItems(entries);
      if (!items) return scopeField(field('EventBusName'), 'the event bus', (v) => [eventBusArn(env, v)]);
      return eventBusesOf(items, env);
    }
    default:
      return undefined;
  }
}

/** PutEvents entries -> their buses (`default` when unnamed). */
export function eventBusesOf(entries: Field[], env: Env): Scoped {
  const out = new Set<string>();
  for (const entry of entries) {
    const bus = readField(entry, 'EventBusName');
    if (bus.kind === 'dynamic') return dynamicStar(bus, 'the event bus');
    out.add(eventBusArn(env, staticString(bus)));
  }
  return { resources: [...out] };
}
