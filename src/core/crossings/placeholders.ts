// Deploy-time placeholders (`${Name}`) in the values the crossing rules judge: role and connection ARNs,
// API Gateway hosts, HTTPS endpoints. A value with a placeholder is unknown at authoring time (issue 14,
// class 1): only its literal parts are checked, and only where their position is certain (ARN fields, host
// labels right of the last placeholder). What the definition's source says about a
// placeholder (../model/substitutions) is used where it settles the question (a role placeholder that
// stands for a Lambda function, say). Nothing here offers a fix: the value is not known.
import { hasPlaceholder, isWholePlaceholder, type PlaceholderSymbol } from '../model/substitutions';
import type { RuleContext } from '../model/rule';
import { isPartition, literalString, type Field } from './values';

export { hasPlaceholder, isWholePlaceholder };

/** True when a parameter's literal string holds a placeholder (an enumerated value such as `${Method}`). */
export function holdsPlaceholder(f: Field): boolean {
  const v = literalString(f);
  return v !== undefined && hasPlaceholder(v);
}

const MARK = '\u0000';

/** The value with each `${...}` replaced by one marker character (so `${AWS::Region}` does not split an ARN). */
function marked(value: string): string {
  return value.replace(/\$\{[^}]*\}/g, MARK);
}

type SegmentCheck = (segment: string) => string | undefined;

/**
 * Checks the literal ARN fields; the first problem. When the value has as many fields as the ARN should,
 * each placeholder fills (part of) one field and every literal field is checked; otherwise a placeholder
 * may hold colons, and only the fields left of the first one have a certain position.
 */
function literalArnProblem(value: string, checks: readonly SegmentCheck[]): string | undefined {
  const segments = marked(value).split(':');
  const aligned = segments.length === checks.length;
  for (let i = 0; i < checks.length && i < segments.length; i++) {
    const s = segments[i]!;
    const at = s.indexOf(MARK);
    if (at >= 0 && !aligned) return i === checks.length - 1 && at > 0 ? checks[i]!(s.slice(0, at) + MARK) : undefined;
    if (at === 0 || (at > 0 && i < checks.length - 1)) continue; // a field (partly) filled in at deploy time
    const problem = checks[i]!(at > 0 ? s.slice(0, at) + MARK : s);
    if (problem) return problem;
  }
  return undefined;
}

const arnPrefix: SegmentCheck = (s) => (s === 'arn' ? undefined : 'it is not an ARN');
const partition: SegmentCheck = (s) =>
  isPartition(s) ? undefined : `"${s}" is not a partition (aws, aws-cn, aws-us-gov)`;
const service =
  (name: string, what: string): SegmentCheck =>
  (s) =>
    s === name ? undefined : `it is a ${s} ARN, not ${what}`;
const noRegion: SegmentCheck = (s) =>
  s === '' ? undefined : 'IAM ARNs have no region (arn:aws:iam::<account>:role/<name>)';
const region: SegmentCheck = (s) => (/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(s) ? undefined : `"${s}" is not a region`);
const account: SegmentCheck = (s) => (/^\d{12}$/.test(s) ? undefined : 'the account must be 12 digits');
const resource =
  (prefix: string, what: string): SegmentCheck =>
  (s) => {
    const known = s.endsWith(MARK) ? s.slice(0, -1) : s;
    if (s.endsWith(MARK) ? prefix.startsWith(known) || known.startsWith(prefix) : known.startsWith(prefix))
      return undefined;
    return `it names a ${known.split('/')[0] || '?'}, not a ${what}`;
  };

const ROLE_CHECKS = [arnPrefix, partition, service('iam', 'an IAM role'), noRegion, account, resource('role/', 'role')];
const CONNECTION_CHECKS = [
  arnPrefix,
  partition,
  service('events', 'an EventBridge connection'),
  region,
  account,
  resource('connection/', 'connection'),
];

/** Why a role ARN with placeholders is wrong in its literal parts (or what its symbol stands for), if it is. */
export function roleArnPlaceholderProblem(ctx: RuleContext, value: string): string | undefined {
  if (isWholePlaceholder(value)) {
    const symbol = symbolOf(ctx, value);
    if (symbol && symbol.kind !== 'iamRole' && symbol.kind !== 'unknown')
      return `${value} stands for ${describeSymbol(symbol)}, not an IAM role ARN`;
    return undefined;
  }
  return literalArnProblem(value, ROLE_CHECKS);
}

/** Why an EventBridge connection ARN with placeholders is wrong in its literal parts, if it is. */
export function connectionArnPlaceholderProblem(ctx: RuleContext, value: string): string | undefined {
  if (isWholePlaceholder(value)) {
    const symbol = symbolOf(ctx, value);
    if (symbol && symbol.kind !== 'eventsConnection' && symbol.kind !== 'unknown')
      return `${value} stands for ${describeSymbol(symbol)}, not an EventBridge connection`;
    return undefined;
  }
  return literalArnProblem(value, CONNECTION_CHECKS);
}

/**
 * An apigateway:invoke `ApiEndpoint` with placeholders: 'scheme' or 'path' when the literal text has one
 * (the field is the host only), 'host' when a literal host label cannot be part of
 * `<apiId>.execute-api.<region>.amazonaws.com[.cn]`, undefined when the literal parts fit.
 */
export function apiHostPlaceholderProblem(value: string): 'scheme' | 'path' | 'host' | undefined {
  const m = marked(value.trim());
  if (/^[a-zA-Z][\w+.-]*:\/\//.test(m)) return 'scheme';
  if (m.includes('/')) return 'path';
  const labels = m.split('.');
  // From the right: com / amazonaws / <region> / execute-api / <id>, with an optional "cn" first.
  const expected: SegmentCheck[] = [
    (s) => (s === 'com' ? undefined : 'host'),
    (s) => (s === 'amazonaws' ? undefined : 'host'),
    (s) => (/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(s) ? undefined : 'host'),
    (s) => (s === 'execute-api' ? undefined : 'host'),
    (s) => (/^[0-9a-z]+$/.test(s) ? undefined : 'host'),
  ];
  let end = labels.length;
  if (labels[end - 1] === 'cn') end--;
  for (let k = 0; k < expected.length; k++) {
    const label = labels[end - 1 - k];
    if (label === undefined || label.includes(MARK)) return undefined;
    if (expected[k]!(label)) return 'host';
  }
  return end - expected.length > 0 && !labels.slice(0, end - expected.length).some((l) => l.includes(MARK))
    ? 'host'
    : undefined;
}

/** An http:invoke `ApiEndpoint` with placeholders: a problem when its literal start is not `https://`. */
export function httpsUrlPlaceholderProblem(value: string): string | undefined {
  const m = marked(value.trim());
  const at = m.indexOf(MARK);
  const literal = at < 0 ? m : m.slice(0, at);
  if (literal === '') return undefined;
  const want = 'https://';
  if (literal.length < want.length ? want.startsWith(literal.toLowerCase()) : literal.toLowerCase().startsWith(want))
    return undefined;
  return literal.toLowerCase().startsWith('http://') ? 'plain http is not allowed' : 'it does not start with https://';
}

function symbolOf(ctx: RuleContext, value: string): PlaceholderSymbol | undefined {
  return ctx.options.substitutions?.symbols.get(value.slice(2, -1));
}

const SYMBOL_WORDS: Record<PlaceholderSymbol['kind'], string> = {
  apiGatewayRestApi: 'a REST API',
  apiGatewayHttpApi: 'an HTTP API',
  lambdaFunction: 'a Lambda function',
  iamRole: 'an IAM role',
  eventsConnection: 'an EventBridge connection',
  stateMachine: 'a state machine',
  region: 'the region',
  accountId: 'the account id',
  partition: 'the partition',
  urlSuffix: 'the URL suffix',
  unknown: 'a value',
};

function describeSymbol(symbol: PlaceholderSymbol): string {
  const what = SYMBOL_WORDS[symbol.kind];
  return symbol.logicalId ? `${what} (${symbol.logicalId}${symbol.attribute ? `.${symbol.attribute}` : ''})` : what;
}
