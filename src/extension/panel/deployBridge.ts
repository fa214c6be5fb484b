// Connects the panel's deploy form to the invoker deployment engine (src/aws, issue 6): profiles for
// the form, then session -> SDK ports -> deployInvoker() with the bundled zip, its progress turned into
// per-step statuses for the page. A definition whose invoker payloads have errors is refused; the role policy is
// scoped from the definition and confirmed as a diff against the deployed one, sensitive calls named. No vscode
// import (the host injects trust, settings, the confirmation and the ARN write-back); the AWS SDK loads on the
// first deploy, not at activation.
import type { DeployRequest, DeployStepStatus, DeployView } from '../../../webview/protocol';

/** The definition the panel shows: its invoker tasks give the roles to allow and the scoped role policy. */
export interface DeployDefinition {
  text: string;
  languageId: 'asl' | 'asl-yaml';
  /** The configured invoker names (sfnCrossings.validation.invokerFunctionNames). */
  invokerNames: readonly string[];
  /** Shown in findings (`file:line:column`). */
  label: string;
}

export interface DeployRunOptions {
  signal: AbortSignal;
  onProgress(step: string, status: DeployStepStatus, message: string): void;
  definition?: DeployDefinition;
  /** After a deployment: offer to write the function ARN into the definition (as the deploy command does). */
  afterDeploy?(functionArn: string, summary: string): Promise<void>;
}

export interface DeployOutcome {
  ok: boolean;
  message: string;
  functionArn: string;
}

export interface DeployPlan {
  account: string;
  region: string;
  functionName: string;
  changes: string[];
  /** The whole plan: changes, allowlists, sensitive calls, the role policy diffed against the deployed one. */
  detail: string;
  /** Calls that return credentials or change IAM/KMS/Organizations (`service:action`): the confirmation names them. */
  sensitive: string[];
}

export interface DeployBridge {
  /** What the form needs before the user types: availability, profiles, the default region. */
  defaults(): Promise<Partial<DeployView>>;
  deploy(request: DeployRequest, options: DeployRunOptions): Promise<DeployOutcome>;
}

export interface DeployBridgeOptions {
  /** dist/invoker/invoker.zip inside the extension. */
  zipPath: string;
  /** Deploying needs a trusted workspace. */
  isTrusted(): boolean;
  /** Endpoint override (a setting); AWS_ENDPOINT_URL is read by the session when this is empty. */
  endpointUrl(): string | undefined;
  /** Shows the dry-run plan and asks before anything is written (false: stop). */
  confirm(plan: DeployPlan): Promise<boolean>;
  env?: NodeJS.ProcessEnv;
}

const PROFILE_CACHE_MS = 30_000;

/** Offers the ARN write-back without waiting for the user's answer: the page shows the result meanwhile. */
function offerArn(run: DeployRunOptions, functionArn: string, summary: string): void {
  void run.afterDeploy?.(functionArn, summary).catch(() => undefined);
}

export function createDeployBridge(options: DeployBridgeOptions): DeployBridge {
  let profiles: { at: number; names: string[] } | undefined;
  const env = options.env ?? process.env;

  async function profileNames(): Promise<string[]> {
    if (profiles && Date.now() - profiles.at < PROFILE_CACHE_MS) return profiles.names;
    try {
      const { listProfiles } = await import('../../aws/profiles');
      profiles = { at: Date.now(), names: (await listProfiles(env)).map((p) => p.name) };
    } catch {
      profiles = { at: Date.now(), names: [] };
    }
    return profiles.names;
  }

  function unavailable(): string {
    if (!options.isTrusted()) return 'Deploying needs a trusted workspace: trust this folder to deploy the invoker.';
    return '';
  }

  return {
    async defaults() {
      const reason = unavailable();
      return {
        available: reason === '',
        message: reason,
        profiles: await profileNames(),
        profile: env.AWS_PROFILE ?? '',
        region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? '',
      };
    },

    async deploy(request, run) {
      const reason = unavailable();
      if (reason) return { ok: false, message: reason, functionArn: '' };
      // The page checks the form too, but the host never trusts it.
      const { parseAllowedCalls, isRegionName } = await import('../../core/invoker/protocol');
      if (!isRegionName(request.region))
        return { ok: false, message: `"${request.region}" is not a region name such as us-east-1.`, functionArn: '' };
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(request.functionName))
        return {
          ok: false,
          message: 'The function name takes 1-64 letters, digits, hyphens or underscores.',
          functionArn: '',
        };
      const parsed = parseAllowedCalls(request.allowedCalls.join(','));
      if (parsed.errors.length || parsed.calls.length === 0)
        return {
          ok: false,
          message: parsed.errors.join('; ') || 'No allowed calls: the invoker would refuse every call.',
          functionArn: '',
        };
      const definition = run.definition;
      const invokerNames = [...(definition?.invokerNames ?? []), request.functionName];
      let found: import('../../core/invoker/extract').InvokerExtraction | undefined;
      if (definition) {
        // A definition the linter rejects never shapes what the invoker may do.
        const [{ invokerPayloadErrors, formatFinding }, { extractInvokerCalls }] = await Promise.all([
          import('../../core/invoker/gate'),
          import('../../core/invoker/extract'),
        ]);
        const errors = invokerPayloadErrors(definition.text, { languageId: definition.languageId, invokerNames });
        if (errors.length)
          return {
            ok: false,
            message: `The definition's invoker payloads have ${errors.length} error(s), so nothing was deployed: ${errors.map((f) => formatFinding(definition.label, f)).join('; ')}`,
            functionArn: '',
          };
        found = extractInvokerCalls(definition.text, { languageId: definition.languageId, invokerNames });
      }
      const [
        { createAwsSession },
        { createSdkPorts },
        { deployInvoker, DeployError },
        { readInvokerZip },
        { planText },
        { definitionPolicy },
        { sensitiveCalls },
        { DEFAULT_INVOKER_ROLE_NAME },
      ] = await Promise.all([
        import('../../aws/session'),
        import('../../aws/invokerClients'),
        import('../../aws/deployInvoker'),
        import('../../aws/invokerPackage'),
        import('../../aws/deployPlanText'),
        import('../../aws/definitionPolicy'),
        import('../../core/invoker/sensitive'),
        import('../../core/invoker/protocol'),
      ]);
      let current = '';
      const settle = (status: DeployStepStatus, message = '') => {
        if (current) run.onProgress(current, status, message);
      };
      const track = (p: { step: string; message: string }) => {
        if (p.step !== current) settle('done');
        current = p.step;
        run.onProgress(p.step, p.step === 'done' ? 'done' : 'running', p.message);
      };
      try {
        current = 'session';
        run.onProgress(
          'session',
          'running',
          request.profile ? `profile ${request.profile}` : 'default credential chain',
        );
        const { zip } = await readInvokerZip([options.zipPath]);
        const session = await createAwsSession({
          profile: request.profile || undefined,
          region: request.region,
          endpointUrl: options.endpointUrl() || undefined,
          env,
        });
        settle('done', `${session.region}${session.endpoint ? ` via ${session.endpoint}` : ''}`);
        const ports = createSdkPorts(session);
        const assumeRoles = found?.roles ?? [];
        const spec = {
          region: session.region,
          functionName: request.functionName,
          roleName: DEFAULT_INVOKER_ROLE_NAME,
          calls: parsed.calls,
          assumeRoles,
          zip,
          policy: definitionPolicy({
            ...(definition ? { text: definition.text, languageId: definition.languageId } : {}),
            invokerNames,
            region: session.region,
            functionName: request.functionName,
            roleName: DEFAULT_INVOKER_ROLE_NAME,
            calls: parsed.calls,
            assumeRoles,
          }),
        };
        const sensitive = sensitiveCalls(parsed.calls);
        const common = { signal: run.signal, profile: request.profile || undefined, endpoint: session.endpoint };
        // Plan first (reads only), then ask: the same flow as the "Deploy cross-region invoker" command.
        current = 'plan';
        run.onProgress('plan', 'running', 'Reading what exists (dry run)');
        const plan = await deployInvoker(ports, spec, { ...common, dryRun: true });
        if (plan.changes.length === 0) {
          run.onProgress('plan', 'done', 'Nothing to change');
          offerArn(run, plan.functionArn, `Already up to date: ${plan.functionArn}`);
          return { ok: true, message: 'Already up to date: nothing changed.', functionArn: plan.functionArn };
        }
        run.onProgress(
          'plan',
          'done',
          `${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} in account ${plan.account}`,
        );
        current = '';
        if (
          !(await options.confirm({
            account: plan.account,
            region: plan.region,
            functionName: request.functionName,
            changes: plan.changes,
            // A dialog cannot scroll: the changed lines of the policy only.
            detail: planText(plan, { roleName: DEFAULT_INVOKER_ROLE_NAME, sensitive, compact: true }),
            sensitive: sensitive.map((c) => c.call),
          }))
        ) {
          return { ok: false, message: 'Cancelled before any change: nothing was written.', functionArn: '' };
        }
        const result = await deployInvoker(ports, spec, { ...common, onProgress: track });
        settle('done');
        const summary = result.changes.length
          ? `Deployed (${result.changes.length} change${result.changes.length === 1 ? '' : 's'}).`
          : 'Already up to date: nothing changed.';
        offerArn(run, result.functionArn, `${summary} ${result.functionArn}`);
        return { ok: true, message: summary, functionArn: result.functionArn };
      } catch (e) {
        const message = (e as Error).message;
        settle(e instanceof DeployError && e.cancelled ? 'skipped' : 'failed', message);
        return { ok: false, message, functionArn: '' };
      }
    },
  };
}
