// "Add the required IAM to this template": for one state machine of a SAM/CloudFormation template, the execution
// role statements its definition needs, written where the template keeps them (SAM `Policies`, or the
// AWS::IAM::Role its `Role`/`RoleArn` names, or a new role), with `!Sub`/`!GetAtt` to the template's own resources;
// the API resource policy into the template's own API; and, for what lives in other accounts (cross-account roles,
// APIs elsewhere, the StartExecution kit), separate templates whose unknowns are parameters. Only adds: a statement
// already there (same Sid, or the same content) is left alone, so a second run changes nothing.
import { analyze } from '../lint';
import { generateIamKit, toCloudFormation, type CfnTemplate, type IamKit, type PolicyStatement } from './index';
import {
  getAttOf,
  isSam,
  parseTemplate,
  refOf,
  stateMachinesOf,
  TemplateError,
  type ParsedTemplate,
  type TemplateResource,
} from './templateDoc';
import { diffEdit, TemplateText, type TextEdit } from './templateEdits';
import { SENTINEL_ACCOUNT, TemplateSymbols } from './templateSymbols';
import { stringify } from 'yaml';

export { TemplateError } from './templateDoc';
export type { TextEdit } from './templateEdits';

export interface TemplateIamOptions {
  /** Logical ID of the state machine (needed when the template has more than one). */
  machine?: string;
  /** Reads a `DefinitionUri` file (path as written in the template); undefined when it cannot. */
  readFile?: (path: string) => string | undefined;
  invokerNames?: string[];
}

export interface OtherTemplate {
  /** A file name suggestion, e.g. `MyMachine-crossAccount-0.yaml`. */
  name: string;
  description: string;
  text: string;
}

export interface TemplateIamResult {
  machine: string;
  before: string;
  after: string;
  /** One edit turning `before` into `after`; empty when the template already has everything. */
  edits: TextEdit[];
  /** Where the statements go, e.g. `Policies of MyStateMachine`, `MyRole (AWS::IAM::Role)`. */
  target: string;
  /** The execution role statements (template form) and the Sids this run added. */
  statements: Array<Record<string, unknown>>;
  added: string[];
  otherTemplates: OtherTemplate[];
  notes: string[];
}

const POLICY_PREFIX = 'Crossings';

type Json = Record<string, unknown>;

function mapStrings(v: unknown, f: (s: string) => unknown): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as Json).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

const withoutSid = (s: unknown): string => {
  const { Sid: _sid, ...rest } = (s ?? {}) as Json;
  return JSON.stringify(rest);
};

function asList(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** The definition text of a state machine resource, with template references as stand-ins. */
function definitionText(
  m: TemplateResource,
  symbols: TemplateSymbols,
  options: TemplateIamOptions,
): { text: string; languageId: 'asl' | 'asl-yaml' } {
  const p = m.properties;
  let raw: string | undefined;
  let languageId: 'asl' | 'asl-yaml' = 'asl';
  if (p.Definition && typeof p.Definition === 'object')
    raw = JSON.stringify(symbols.resolveDeep(p.Definition), null, 2);
  else if (p.DefinitionString !== undefined) raw = symbols.text(p.DefinitionString);
  else if (typeof p.DefinitionUri === 'string') {
    raw = options.readFile?.(p.DefinitionUri);
    if (raw === undefined) throw new TemplateError(`cannot read DefinitionUri ${p.DefinitionUri}`);
    if (/\.ya?ml$/i.test(p.DefinitionUri)) languageId = 'asl-yaml';
  } else
    throw new TemplateError(
      `${m.logicalId} has no Definition, DefinitionString or local DefinitionUri (an S3 location cannot be read)`,
    );
  const subs = p.DefinitionSubstitutions;
  if (subs && typeof subs === 'object')
    for (const [key, value] of Object.entries(subs as Json)) raw = raw.split(`\${${key}}`).join(symbols.text(value));
  return { text: raw, languageId };
}

/** The role the statements go to. */
type RoleTarget =
  | { kind: 'sam-policies'; machine: string }
  | { kind: 'role'; logicalId: string }
  | { kind: 'new-role'; logicalId: string }
  | { kind: 'external'; what: string };

function roleTarget(t: ParsedTemplate, m: TemplateResource): RoleTarget {
  const roleProp = isSam(m) ? m.properties.Role : m.properties.RoleArn;
  if (roleProp === undefined)
    return isSam(m)
      ? { kind: 'sam-policies', machine: m.logicalId }
      : { kind: 'new-role', logicalId: `${m.logicalId}Role` };
  const g = getAttOf(roleProp);
  const id = g && g[1] === 'Arn' ? g[0] : refOf(roleProp);
  if (id && t.resources.get(id)?.type === 'AWS::IAM::Role') return { kind: 'role', logicalId: id };
  return { kind: 'external', what: typeof roleProp === 'string' ? roleProp : JSON.stringify(roleProp) };
}

/** Finds the state machine; throws TemplateError naming the choices when it is ambiguous or missing. */
function pickMachine(t: ParsedTemplate, wanted: string | undefined): TemplateResource {
  const machines = stateMachinesOf(t);
  if (wanted) {
    const m = machines.find((x) => x.logicalId === wanted);
    if (!m)
      throw new TemplateError(
        `no state machine ${wanted} in the template (state machines: ${machines.map((x) => x.logicalId).join(', ') || 'none'})`,
      );
    return m;
  }
  if (machines.length === 1) return machines[0]!;
  throw new TemplateError(
    machines.length === 0
      ? 'the template declares no state machine'
      : `the template declares ${machines.length} state machines: name one (${machines.map((x) => x.logicalId).join(', ')})`,
  );
}

export function addRequiredIam(text: string, options: TemplateIamOptions = {}): TemplateIamResult {
  const t = parseTemplate(text);
  const m = pickMachine(t, options.machine);
  const symbols = new TemplateSymbols(t.resources);
  const notes: string[] = [];
  const def = definitionText(m, symbols, options);
  const analysis = analyze(def.text, { languageId: def.languageId, documentRules: false, crossingRules: false });
  if (!analysis.model)
    throw new TemplateError(`the definition of ${m.logicalId} cannot be read: ${analysis.findings[0]?.message ?? ''}`);

  // The machine's own ARN: its literal name, else the name CloudFormation generates (`<LogicalId>-<suffix>`),
  // never a reference to the machine itself (its role would depend on it: a circular dependency).
  const literalName = isSam(m) ? m.properties.Name : m.properties.StateMachineName;
  const nameToken = symbols.token(typeof literalName === 'string' ? literalName : `${m.logicalId}-*`);
  const target = roleTarget(t, m);
  const roleId = target.kind === 'role' || target.kind === 'new-role' ? target.logicalId : `${m.logicalId}Role`; // SAM's own
  const executionRoleArn =
    target.kind === 'external' && /^arn:aws[\w-]*:iam::\d{12}:role\//.test(target.what)
      ? target.what
      : `arn:aws:iam::${SENTINEL_ACCOUNT}:role/${symbols.token(`\${${roleId}}`)}`;
  const kit = generateIamKit(
    analysis.model,
    {
      stateMachineArn: `arn:aws:states:${symbols.ref('AWS::Region')}:${SENTINEL_ACCOUNT}:stateMachine:${nameToken}`,
      executionRoleArn,
    },
    options.invokerNames ? { invokerNames: options.invokerNames } : {},
  );
  notes.push(...kit.notes.filter((n) => !/sfnxtok|zz-template/.test(n)));

  const statements = kit.executionRole.policy.Statement.map(
    (s) => mapStrings({ ...s, Sid: `${POLICY_PREFIX}${s.Sid ?? ''}` }, (x) => symbols.back(x)) as Json,
  );
  const editor = new TemplateText(text, t.format);
  const added: string[] = [];
  const targetText = writeExecutionStatements(t, m, target, statements, editor, added, notes);

  const inTemplateApis = new Set<number>();
  kit.apiGateway.resourcePolicies.forEach((rp, i) => {
    if (writeApiPolicy(t, rp, symbols, kit, editor, added)) inTemplateApis.add(i);
  });

  const after = editor.text;
  const edit = diffEdit(text, after);
  return {
    machine: m.logicalId,
    before: text,
    after,
    edits: edit ? [edit] : [],
    target: targetText,
    statements,
    added,
    otherTemplates: otherTemplates(kit, symbols, m.logicalId, t.format, inTemplateApis),
    notes: [...new Set(notes)],
  };
}

function missing(existing: unknown[] | undefined, statements: Json[]): Json[] {
  const have = existing ?? [];
  const sids = new Set<unknown>(have.map((s) => (s as Json | null)?.Sid).filter((x) => typeof x === 'string'));
  const bodies = new Set(have.map(withoutSid));
  return statements.filter((s) => !sids.has(s.Sid) && !bodies.has(withoutSid(s)));
}

function writeExecutionStatements(
  t: ParsedTemplate,
  m: TemplateResource,
  target: RoleTarget,
  statements: Json[],
  editor: TemplateText,
  added: string[],
  notes: string[],
): string {
  if (statements.length === 0) return 'nothing (the execution role needs no permission)';
  const record = (xs: Json[]) => added.push(...xs.map((s) => s.Sid as string));
  const props = ['Resources', m.logicalId, 'Properties'];
  const policyDocument = (xs: Json[]) => ({ Version: '2012-10-17', Statement: xs });
  switch (target.kind) {
    case 'external':
      notes.push(
        `${m.logicalId} uses the role ${target.what}, which this template does not declare: add the statements to it by hand.`,
      );
      return `the role ${target.what} (outside this template)`;
    case 'sam-policies': {
      const policies = m.properties.Policies;
      if (policies === undefined) {
        const todo = missing([], statements);
        if (editor.addKey(props, 'Policies', [{ Statement: todo }])) record(todo);
        return `Policies of ${m.logicalId}`;
      }
      const list = asList(policies);
      if (!list) {
        notes.push(`Policies of ${m.logicalId} is not a list: add the statements by hand.`);
        return `Policies of ${m.logicalId}`;
      }
      const existing = list.flatMap((p) => asList((p as Json | null)?.Statement) ?? []);
      const todo = missing(existing, statements);
      if (todo.length === 0) return `Policies of ${m.logicalId}`;
      const ours = list.findIndex((p) =>
        (asList((p as Json | null)?.Statement) ?? []).some((s) =>
          String((s as Json).Sid ?? '').startsWith(POLICY_PREFIX),
        ),
      );
      const ok =
        ours >= 0
          ? editor.appendToList([...props, 'Policies', ours, 'Statement'], todo)
          : editor.appendToList([...props, 'Policies'], [{ Statement: todo }]);
      if (ok) record(todo);
      else notes.push(`Policies of ${m.logicalId} is written in a style this command does not extend: add by hand.`);
      return `Policies of ${m.logicalId}`;
    }
    case 'role': {
      const role = t.resources.get(target.logicalId)!;
      const rprops = ['Resources', target.logicalId, 'Properties'];
      const policyName = `sfn-crossings-${m.logicalId}`;
      const list = asList(role.properties.Policies);
      const existing = (list ?? []).flatMap(
        (p) => asList(((p as Json | null)?.PolicyDocument as Json | undefined)?.Statement) ?? [],
      );
      const todo = missing(existing, statements);
      if (todo.length === 0) return `${target.logicalId} (AWS::IAM::Role)`;
      const ours = (list ?? []).findIndex((p) => (p as Json | null)?.PolicyName === policyName);
      const item = { PolicyName: policyName, PolicyDocument: policyDocument(todo) };
      const ok =
        ours >= 0
          ? editor.appendToList([...rprops, 'Policies', ours, 'PolicyDocument', 'Statement'], todo)
          : list
            ? editor.appendToList([...rprops, 'Policies'], [item])
            : editor.addKey(rprops, 'Policies', [item]);
      if (ok) record(todo);
      else notes.push(`${target.logicalId} is written in a style this command does not extend: add by hand.`);
      return `${target.logicalId} (AWS::IAM::Role)`;
    }
    case 'new-role': {
      const name = m.properties.StateMachineName;
      const sourceArn = {
        'Fn::Sub': `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:${typeof name === 'string' ? name : `${m.logicalId}-*`}`,
      };
      const role = {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'states.amazonaws.com' },
                Action: 'sts:AssumeRole',
                Condition: {
                  ArnLike: { 'aws:SourceArn': sourceArn },
                  StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
                },
              },
            ],
          },
          Policies: [{ PolicyName: `sfn-crossings-${m.logicalId}`, PolicyDocument: policyDocument(statements) }],
        },
      };
      if (t.resources.has(target.logicalId)) {
        notes.push(`${target.logicalId} already exists and is not ${m.logicalId}'s role: add RoleArn by hand.`);
        return 'nothing';
      }
      if (
        editor.addKey(['Resources'], target.logicalId, role) &&
        editor.addKey(props, 'RoleArn', { 'Fn::GetAtt': [target.logicalId, 'Arn'] })
      )
        record(statements);
      return `${target.logicalId} (new AWS::IAM::Role)`;
    }
  }
}

const API_TYPES = ['AWS::ApiGateway::RestApi', 'AWS::Serverless::Api'];

/** Puts a resource policy into the template's own API when the call's endpoint names it; true when it did. */
function writeApiPolicy(
  t: ParsedTemplate,
  rp: IamKit['apiGateway']['resourcePolicies'][number],
  symbols: TemplateSymbols,
  kit: IamKit,
  editor: TemplateText,
  added: string[],
): boolean {
  const sub = symbols.tokens.get(rp.apiId);
  const apiId = sub && /^\$\{([A-Za-z0-9]+)\}$/.exec(sub)?.[1];
  const api = apiId ? t.resources.get(apiId) : undefined;
  if (!api || !API_TYPES.includes(api.type)) return false;
  const statements = rp.policy.Statement.map((s: PolicyStatement) => ({
    Sid: `${POLICY_PREFIX}${s.Sid ?? 'AllowStateMachine'}`,
    Effect: 'Allow',
    Principal: { Service: 'states.amazonaws.com' },
    Action: 'execute-api:Invoke',
    Resource: (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).map((r) =>
      String(r).replace(/^arn:aws:execute-api:[^:]*:[^:]*:[^/]+/, 'execute-api:'),
    ),
    // The machine's ARN by name pattern (a reference to the machine would make the API depend on it).
    Condition: { ArnLike: { 'aws:SourceArn': symbols.back(kit.context.stateMachineArn) } },
  }));
  const props = ['Resources', apiId!, 'Properties'];
  const p = api.properties;
  const doc = (xs: Json[]) => ({ Version: '2012-10-17', Statement: xs });
  let ok: boolean;
  let todo: Json[];
  if (api.type === 'AWS::ApiGateway::RestApi') {
    const policy = p.Policy as Json | undefined;
    todo = missing(asList(policy?.Statement), statements);
    if (todo.length === 0) return true;
    ok =
      policy === undefined
        ? editor.addKey(props, 'Policy', doc(todo))
        : editor.appendToList([...props, 'Policy', 'Statement'], todo);
  } else {
    const auth = p.Auth as Json | undefined;
    const rpol = auth?.ResourcePolicy as Json | undefined;
    todo = missing(asList(rpol?.CustomStatements), statements);
    if (todo.length === 0) return true;
    ok =
      auth === undefined
        ? editor.addKey(props, 'Auth', { ResourcePolicy: { CustomStatements: todo } })
        : rpol === undefined
          ? editor.addKey([...props, 'Auth'], 'ResourcePolicy', { CustomStatements: todo })
          : rpol.CustomStatements === undefined
            ? editor.addKey([...props, 'Auth', 'ResourcePolicy'], 'CustomStatements', todo)
            : editor.appendToList([...props, 'Auth', 'ResourcePolicy', 'CustomStatements'], todo);
  }
  if (ok) added.push(...todo.map((s) => s.Sid as string));
  return ok;
}

/** Templates for the other accounts (and APIs outside this template), with the source's unknowns as parameters. */
function otherTemplates(
  kit: IamKit,
  symbols: TemplateSymbols,
  machine: string,
  format: 'yaml' | 'json',
  inTemplateApis: Set<number>,
): OtherTemplate[] {
  const cfn = toCloudFormation(kit);
  const out: OtherTemplate[] = [];
  const extra: Array<[string, string]> = [
    [kit.context.stateMachineArn, 'SourceStateMachineArn'],
    [kit.context.executionRoleArn, 'SourceExecutionRoleArn'],
  ];
  const PARAMS: Record<string, string> = {
    SourceStateMachineArn: `ARN of ${machine} (the calling state machine, in the source account)`,
    SourceExecutionRoleArn: `ARN of ${machine}'s execution role (in the source account)`,
    SourceAccountId: 'The source account (where the calling state machine runs)',
    SourceRegion: "The calling state machine's region",
  };
  const add = (kind: string, i: number, template: CfnTemplate) => {
    // ARNs become `Fn::Sub` with the source's unknowns as parameters; names and descriptions only name the machine.
    const mapped = mapStrings(template, (s) =>
      s.startsWith('arn:') || extra.some(([from]) => s.includes(from))
        ? symbols.back(s, extra, false)
        : s.replace(/sfnxtok\d+x/g, machine),
    ) as CfnTemplate;
    const textSoFar = JSON.stringify(mapped);
    const parameters: Json = { ...(mapped.Parameters ?? {}) };
    for (const [name, description] of Object.entries(PARAMS))
      if (textSoFar.includes(`\${${name}}`)) parameters[name] = { Type: 'String', Description: description };
    const full = { ...mapped, ...(Object.keys(parameters).length ? { Parameters: parameters } : {}) };
    const ordered = {
      AWSTemplateFormatVersion: full.AWSTemplateFormatVersion,
      Description: full.Description,
      ...(full.Parameters ? { Parameters: full.Parameters } : {}),
      Resources: full.Resources,
      ...(full.Outputs ? { Outputs: full.Outputs } : {}),
    };
    out.push({
      name: `${machine}-${kind}-${i}.${format === 'yaml' ? 'yaml' : 'json'}`,
      description: full.Description,
      text:
        format === 'yaml'
          ? stringify(ordered, { lineWidth: 0, version: '1.1' })
          : JSON.stringify(ordered, null, 2) + '\n',
    });
  };
  cfn.crossAccount.forEach((c, i) => add('crossAccount', i, c.template));
  cfn.apiGateway.resourcePolicies.forEach((c, i) => {
    if (!inTemplateApis.has(i)) add('apiResourcePolicy', i, c.template);
  });
  // The account-B StartExecution kit is for APIs elsewhere; an API of this template is the user's own.
  const ownApis = new Set(kit.apiGateway.resourcePolicies.filter((_p, i) => inTemplateApis.has(i)).map((p) => p.apiId));
  cfn.apiGateway.startExecutionIntegrations.forEach((c, i) => {
    if (!ownApis.has(c.apiId)) add('startExecutionApi', i, c.template);
  });
  return out;
}
