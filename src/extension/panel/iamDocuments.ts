// The panel's IAM section: runs the IAM generator (src/core/iam, issue 5) with the context the user gave,
// or one read from the definition's own ARNs (else example values, said so on the page), and flattens the
// kit into titled JSON documents (execution role, cross-account kit, API Gateway, invoker role). Pure.
import type { AslModel } from '../../core/model/model';
import { prop, stringValue } from '../../core/parse/ast';
import type { Crossing } from '../../core/crossings/types';
import { definitionPartition, generateIamKit, type IamContext, type IamKit, type PolicyDocument } from '../../core/iam';
import { DEFAULT_INVOKER_FUNCTION_NAME } from '../../core/invokerName';
import type { IamDocumentView, IamView } from '../../../webview/protocol';
import type { IamProvider } from './viewModel';

const EXAMPLE_ACCOUNT = '123456789012';
const EXAMPLE_REGION = 'us-east-1';

export interface GuessedContext {
  context: IamContext;
  /** Where the values came from, for the page's one-line explanation. */
  source: 'settings' | 'definition' | 'example';
}

/** Region and account of the first regional ARN in a Resource or FunctionName (the state machine's own, usually). */
function homeOfDefinition(model: AslModel): { region: string; account: string } | undefined {
  for (const s of model.states) {
    const resource = stringValue(prop(s.node, 'Resource')?.value);
    const functionName = stringValue(prop(prop(s.node, 'Parameters')?.value, 'FunctionName')?.value);
    for (const raw of [resource, functionName]) {
      const m = raw && /^arn:aws(?:-[a-z]+)*:(?:lambda|states|sqs|sns):([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):/.exec(raw);
      if (m) return { region: m[1]!, account: m[2]! };
    }
  }
  return undefined;
}

/** The context the panel generates documents for when the user has not given one. */
export function guessContext(model: AslModel, title: string, crossings: Crossing[]): GuessedContext {
  const partition = definitionPartition(model) ?? 'aws';
  const home = homeOfDefinition(model);
  const region = home?.region ?? EXAMPLE_REGION;
  const account = home?.account ?? EXAMPLE_ACCOUNT;
  const name =
    title
      .replace(/\.asl\.(json|ya?ml)$|\.(json|ya?ml)$/i, '')
      .replace(/[^A-Za-z0-9_-]/g, '-')
      .slice(0, 80) || 'StateMachine';
  const context: IamContext = {
    stateMachineName: name,
    region,
    account,
    partition,
    executionRoleArn: `arn:${partition}:iam::${account}:role/${name}-execution-role`.slice(0, 2048),
  };
  const invokerArn = crossings.find(
    (c) => c.kind === 'cross-region' && c.invokerFunction?.startsWith('arn:'),
  )?.invokerFunction;
  if (invokerArn && /^arn:[^:]+:lambda:[^:]+:\d{12}:function:[^:]+$/.test(invokerArn)) context.invokerArn = invokerArn;
  else if (crossings.some((c) => c.kind === 'cross-region'))
    context.invokerArn = `arn:${partition}:lambda:${region}:${account}:function:${DEFAULT_INVOKER_FUNCTION_NAME}`;
  return { context, source: home ? 'definition' : 'example' };
}

const json = (doc: unknown) => JSON.stringify(doc, null, 2);

/** Every document of a kit, in the order a user applies them. */
export function documentsOfKit(kit: IamKit): IamDocumentView[] {
  const docs: IamDocumentView[] = [];
  const add = (id: string, title: string, description: string, doc: PolicyDocument | Record<string, unknown>) =>
    docs.push({ id, title, description, text: json(doc) });
  const exec = kit.executionRole;
  add(
    'execution-role-policy',
    'Execution role: permissions',
    `Inline policy of the state machine's execution role ${exec.roleArn}.`,
    exec.policy,
  );
  add(
    'execution-role-trust',
    'Execution role: trust policy',
    'Lets Step Functions assume the execution role for this state machine only.',
    exec.trustPolicy,
  );
  kit.crossAccount.forEach((k, i) => {
    const who = k.roleArn ?? `the role chosen at run time by ${k.dynamicRole?.expression ?? 'an expression'}`;
    const where = k.account ? ` (account ${k.account})` : '';
    add(
      `cross-account-${i}-trust`,
      `Cross-account role${where}: trust policy`,
      `Trust policy of ${who}: the source execution role, with sts:ExternalId = the state machine ARN.`,
      k.trustPolicy,
    );
    add(
      `cross-account-${i}-policy`,
      `Cross-account role${where}: permissions`,
      `What ${k.states.join(', ')} need${k.states.length === 1 ? 's' : ''} in the target account (including .sync polling).`,
      k.policy,
    );
  });
  kit.apiGateway.resourcePolicies.forEach((p, i) =>
    add(
      `api-gateway-${i}-resource-policy`,
      `API Gateway resource policy (${p.apiId}, ${p.stage})`,
      p.reminder,
      p.policy,
    ),
  );
  kit.apiGateway.startExecutionIntegrations.forEach((s, i) => {
    add(
      `api-gateway-${i}-integration-trust`,
      `API ${s.apiId}: integration role trust policy`,
      `Role ${s.integrationRole.name}, assumed by API Gateway.`,
      s.integrationRole.trustPolicy,
    );
    add(
      `api-gateway-${i}-integration-policy`,
      `API ${s.apiId}: integration role permissions`,
      'Lets the API start the target state machine.',
      s.integrationRole.policy,
    );
    add(
      `api-gateway-${i}-openapi`,
      `API ${s.apiId}: OpenAPI for POST ${s.path}`,
      'The account-B StartExecution integration, importable into API Gateway.',
      s.openApi,
    );
  });
  const inv = kit.invokerRole;
  if (inv) {
    add(
      'invoker-role-policy',
      'Invoker role: permissions',
      `Inline policy of ${inv.roleArn}: exactly the calls ${inv.states.join(', ')} make (ALLOWED_CALLS=${inv.allowedCalls}), plus logs.`,
      inv.policy,
    );
    add(
      'invoker-role-trust',
      'Invoker role: trust policy',
      'Lets Lambda assume the invoker role, for this account only.',
      inv.trustPolicy,
    );
    inv.assumedRoles.forEach((k, i) => {
      add(
        `invoker-assumed-${i}-trust`,
        `Role the invoker assumes (${k.account ?? 'run time'}): trust policy`,
        `Trust policy of ${k.roleArn ?? 'the target role'}.`,
        k.trustPolicy,
      );
      add(
        `invoker-assumed-${i}-policy`,
        `Role the invoker assumes (${k.account ?? 'run time'}): permissions`,
        `What ${k.states.join(', ')} call through the invoker.`,
        k.policy,
      );
    });
  }
  return docs;
}

/** The IAM provider the panel uses: the user's context when given (a function returning it), else a guess. */
export function makeIamProvider(userContext: () => IamContext | undefined = () => undefined): IamProvider {
  return (model: AslModel, crossings: Crossing[], title: string): IamView => {
    const given = userContext();
    const { context, source } = given
      ? { context: given, source: 'settings' as const }
      : guessContext(model, title, crossings);
    const kit = generateIamKit(model, context);
    const where = `account ${kit.context.account}, region ${kit.context.region}, state machine ${kit.context.stateMachineName}`;
    const message =
      source === 'settings'
        ? `Generated for ${where}.`
        : source === 'definition'
          ? `Generated for ${where} (read from the definition's ARNs; the role and state machine names are placeholders to replace).`
          : `Generated for the example ${where}: replace the account, region and names with yours.`;
    const wild = kit.wildcards.length
      ? ` ${kit.wildcards.length === 1 ? '1 statement uses' : `${kit.wildcards.length} statements use`} "*" (values known only at run time).`
      : '';
    return { status: 'ready', message: message + wild, documents: documentsOfKit(kit) };
  };
}
