// Template references as stand-ins the IAM generator understands, and back. The definition of a state machine in
// a template names its own resources through intrinsics (`!GetAtt Fn.Arn`, `!Ref Table`, `${Api}`); each becomes
// a literal-looking value built from a sentinel region/account and a token per reference (a Lambda ARN for a
// function, a queue URL for a queue...), so the ordinary generator scopes it. Generated resources are then mapped
// back: tokens to `${Fn}`, the sentinels to `${AWS::Region}`/`${AWS::AccountId}`/`${AWS::Partition}`, as `Fn::Sub`.
import { getAttOf, refOf, type TemplateResource } from './templateDoc';

export const SENTINEL_REGION = 'zz-template-9';
export const SENTINEL_ACCOUNT = '000000000009';
/** Marks a parameter reference while the rest of a string is escaped (never in a definition). */
const MARK_OPEN = '\u0000';
const MARK_CLOSE = '\u0001';

const LAMBDA = ['AWS::Lambda::Function', 'AWS::Serverless::Function'];
const TABLE = ['AWS::DynamoDB::Table', 'AWS::Serverless::SimpleTable', 'AWS::DynamoDB::GlobalTable'];
const STATE_MACHINE = ['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine'];

export class TemplateSymbols {
  /** token -> the `Fn::Sub` text it stands for (or a literal pattern such as `Machine-*`). */
  readonly tokens = new Map<string, string>();
  private readonly bySub = new Map<string, string>();

  constructor(private readonly resources: Map<string, TemplateResource>) {}

  token(sub: string): string {
    let t = this.bySub.get(sub);
    if (!t) {
      t = `sfnxtok${this.tokens.size}x`;
      this.tokens.set(t, sub);
      this.bySub.set(sub, t);
    }
    return t;
  }

  private typeOf(id: string): string | undefined {
    return this.resources.get(id)?.type;
  }

  /** What the definition sees for `!Ref id` (or `${id}` in a Sub). */
  ref(id: string): string {
    switch (id) {
      case 'AWS::Region':
        return SENTINEL_REGION;
      case 'AWS::AccountId':
        return SENTINEL_ACCOUNT;
      case 'AWS::Partition':
        return 'aws';
      case 'AWS::URLSuffix':
        return 'amazonaws.com';
    }
    const type = this.typeOf(id) ?? '';
    const base = (service: string) => `arn:aws:${service}:${SENTINEL_REGION}:${SENTINEL_ACCOUNT}`;
    if (type === 'AWS::SQS::Queue')
      return `https://sqs.${SENTINEL_REGION}.amazonaws.com/${SENTINEL_ACCOUNT}/${this.token(`\${${id}.QueueName}`)}`;
    if (type === 'AWS::SNS::Topic') return `${base('sns')}:${this.token(`\${${id}.TopicName}`)}`;
    if (STATE_MACHINE.includes(type)) return `${base('states')}:stateMachine:${this.token(`\${${id}.Name}`)}`;
    return this.token(`\${${id}}`);
  }

  /** What the definition sees for `!GetAtt id.attribute`. */
  getAtt(id: string, attribute: string): string {
    const type = this.typeOf(id) ?? '';
    const base = (service: string) => `arn:aws:${service}:${SENTINEL_REGION}:${SENTINEL_ACCOUNT}`;
    if (attribute === 'Arn' || (type === 'AWS::SNS::Topic' && attribute === 'TopicArn')) {
      if (LAMBDA.includes(type)) return `${base('lambda')}:function:${this.token(`\${${id}}`)}`;
      if (type === 'AWS::SQS::Queue') return `${base('sqs')}:${this.token(`\${${id}.QueueName}`)}`;
      if (type === 'AWS::SNS::Topic') return `${base('sns')}:${this.token(`\${${id}.TopicName}`)}`;
      if (TABLE.includes(type)) return `${base('dynamodb')}:table/${this.token(`\${${id}}`)}`;
      if (type === 'AWS::S3::Bucket') return `arn:aws:s3:::${this.token(`\${${id}}`)}`;
      if (type === 'AWS::Events::EventBus') return `${base('events')}:event-bus/${this.token(`\${${id}}`)}`;
      if (type === 'AWS::Events::Connection')
        return `${base('events')}:connection/${this.token(`\${${id}}`)}/${this.token('*')}`;
      if (type === 'AWS::IAM::Role') return `arn:aws:iam::${SENTINEL_ACCOUNT}:role/${this.token(`\${${id}}`)}`;
      if (STATE_MACHINE.includes(type)) return this.ref(id);
    }
    if (type === 'AWS::SQS::Queue' && attribute === 'QueueUrl') return this.ref(id);
    return this.token(`\${${id}.${attribute}}`);
  }

  /** A `Fn::Sub` text as the definition sees it (`${!x}` stays literal `${x}`). */
  sub(text: string, vars: Record<string, string> = {}): string {
    return text.replace(/\$\{([^}]*)\}/g, (_m, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      if (name in vars) return vars[name]!;
      const dot = name.indexOf('.');
      return dot > 0 && !name.startsWith('AWS::')
        ? this.getAtt(name.slice(0, dot), name.slice(dot + 1))
        : this.ref(name);
    });
  }

  /** Any template value as the string the definition would hold (intrinsics resolved to stand-ins). */
  text(v: unknown): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    const r = refOf(v);
    if (r) return this.ref(r);
    const g = getAttOf(v);
    if (g) return this.getAtt(g[0], g[1]);
    const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
    if ('Fn::Sub' in o) {
      const s = o['Fn::Sub'];
      if (typeof s === 'string') return this.sub(s);
      if (Array.isArray(s) && typeof s[0] === 'string') {
        const vars: Record<string, string> = {};
        for (const [k, val] of Object.entries((s[1] as Record<string, unknown> | undefined) ?? {}))
          vars[k] = this.text(val);
        return this.sub(s[0], vars);
      }
    }
    if ('Fn::Join' in o && Array.isArray(o['Fn::Join'])) {
      const [sep, parts] = o['Fn::Join'] as [unknown, unknown];
      if (typeof sep === 'string' && Array.isArray(parts)) return parts.map((p) => this.text(p)).join(sep);
    }
    return this.token('*');
  }

  /** A definition object with every intrinsic replaced by its stand-in string. */
  resolveDeep(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => this.resolveDeep(x));
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))) return this.text(v);
      return Object.fromEntries(keys.map((k) => [k, this.resolveDeep(o[k])]));
    }
    return v;
  }

  /** True when a generated string holds a stand-in. */
  holdsStandIn(s: string): boolean {
    return s.includes(SENTINEL_ACCOUNT) || s.includes(SENTINEL_REGION) || /sfnxtok\d+x/.test(s);
  }

  /**
   * A generated string back in template terms: unchanged when it holds no stand-in, else `{ "Fn::Sub": ... }`
   * (`${...}` already in the text is escaped as `${!...}`). `extra` maps whole values first; `pseudo` false
   * writes the source account/region as `${SourceAccountId}`/`${SourceRegion}` (another account's template).
   */
  back(s: string, extra: Array<[string, string]> = [], pseudo = true): string | { 'Fn::Sub': string } {
    let out = s;
    for (const [from, to] of extra) out = out.split(from).join(`${MARK_OPEN}${to}${MARK_CLOSE}`);
    if (!this.holdsStandIn(out) && out === s) return s;
    out = out.replace(/\$\{/g, '${!');
    out = out.replace(/arn:aws:([a-z0-9-]*):/g, (_m, service: string) => `arn:\${AWS::Partition}:${service}:`);
    out = out.split(SENTINEL_REGION).join(pseudo ? '${AWS::Region}' : '${SourceRegion}');
    out = out.split(SENTINEL_ACCOUNT).join(pseudo ? '${AWS::AccountId}' : '${SourceAccountId}');
    // In another account's template this template's resources are unknown: `*`.
    out = out.replace(/sfnxtok\d+x/g, (t) => (pseudo ? (this.tokens.get(t) ?? '*') : '*'));
    out = out.split(MARK_OPEN).join('${').split(MARK_CLOSE).join('}');
    return { 'Fn::Sub': out };
  }
}
