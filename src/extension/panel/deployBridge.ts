// Connects the panel's deploy form to the invoker deployment engine (src/aws, issue 6): profiles for
// the form, then session -> SDK ports -> deployInvoker() with the bundled zip, its progress turned into
// per-step statuses for the page. No vscode import (the host injects trust and settings); the AWS SDK
// loads on the first deploy, not at activation.
import type { DeployRequest, DeployStepStatus, DeployView } from '../../../webview/protocol';

export interface DeployRunOptions {
  signal: AbortSignal;
  onProgress(step: string, status: DeployStepStatus, message: string): void;
  /** Roles the definition's invoker tasks assume (payload `assumeRoleArn`): the invoker's role may assume them. */
  assumeRoleArns?: string[];
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
      const [{ createAwsSession }, { createSdkPorts }, { deployInvoker, DeployError }, { readInvokerZip }] =
        await Promise.all([
          import('../../aws/session'),
          import('../../aws/invokerClients'),
          import('../../aws/deployInvoker'),
          import('../../aws/invokerPackage'),
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
        const spec = {
          region: session.region,
          functionName: request.functionName,
          calls: parsed.calls,
          assumeRoleArns: run.assumeRoleArns ?? [],
          zip,
        };
        const common = { signal: run.signal, profile: request.profile || undefined, endpoint: session.endpoint };
        // Plan first (reads only), then ask: the same flow as the "Deploy cross-region invoker" command.
        current = 'plan';
        run.onProgress('plan', 'running', 'Reading what exists (dry run)');
        const plan = await deployInvoker(ports, spec, { ...common, dryRun: true });
        if (plan.changes.length === 0) {
          run.onProgress('plan', 'done', 'Nothing to change');
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
          }))
        ) {
          return { ok: false, message: 'Cancelled before any change: nothing was written.', functionArn: '' };
        }
        const result = await deployInvoker(ports, spec, { ...common, onProgress: track });
        settle('done');
        const summary = result.changes.length
          ? `Deployed (${result.changes.length} change${result.changes.length === 1 ? '' : 's'}).`
          : 'Already up to date: nothing changed.';
        return { ok: true, message: summary, functionArn: result.functionArn };
      } catch (e) {
        const message = (e as Error).message;
        settle(e instanceof DeployError && e.cancelled ? 'skipped' : 'failed', message);
        return { ok: false, message, functionArn: '' };
      }
    },
  };
}
