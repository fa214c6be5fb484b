// Who and where the remote commands call: the AWS profile and region (command arguments, else the choice
// remembered for this workspace, else a picker once), the endpoint override (setting sfnCrossings.aws.endpointUrl,
// else AWS_ENDPOINT_URL), and the Step Functions client built from them. The AWS SDK loads here, on the first
// remote command, never at activation. Profile and region names are remembered; credentials never are.
import { pickProfile, pickRegion, suggestedRegion } from '../awsPickers';
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import type { SfnPorts } from '../../aws/sfnClient';
import { htmlAnswerMessage } from './htmlAnswer';

/** Arguments every remote command accepts (tests and keybindings pass them to skip the pickers). */
export interface RemoteArgs {
  region?: string;
  profile?: string;
  endpointUrl?: string;
}

export interface RemoteTarget {
  region?: string;
  /** A named profile; undefined: the default credential chain. */
  profile?: string;
  endpointUrl?: string;
}

const TARGET_KEY = 'sfnCrossings.remote.target';

/** A failure with the one line to show (no credentials, AccessDenied, unreachable endpoint...). */
export class RemoteError extends Error {}

function endpointSetting(): string | undefined {
  return vscode.workspace.getConfiguration('sfnCrossings').get<string>('aws.endpointUrl')?.trim() || undefined;
}

function remembered(ctx: ExtensionContextLike): { region: string; profile?: string } | undefined {
  const v = ctx.extension.workspaceState.get<{ region?: unknown; profile?: unknown }>(TARGET_KEY);
  if (typeof v?.region !== 'string' || !v.region) return undefined;
  return { region: v.region, ...(typeof v.profile === 'string' && v.profile ? { profile: v.profile } : {}) };
}

/** Asks for the profile and the region (pre-selecting what the environment suggests) and remembers them. */
export async function chooseTarget(ctx: ExtensionContextLike): Promise<RemoteTarget | undefined> {
  const { listProfiles, KNOWN_REGIONS } = await import('../../aws/profiles');
  const profiles = await listProfiles().catch(() => []);
  let profile: string | undefined;
  if (profiles.length) {
    const picked = await pickProfile(profiles, {
      title: 'Step Functions: AWS profile',
      placeHolder: 'Credentials for the calls to Step Functions',
      current: remembered(ctx)?.profile ?? process.env.AWS_PROFILE,
    });
    if (picked.cancelled) return undefined;
    profile = picked.profile;
  }
  const suggested = suggestedRegion(profiles, profile, remembered(ctx)?.region);
  const region = await pickRegion(KNOWN_REGIONS, suggested, {
    title: 'Step Functions: region',
    placeHolder: suggested ? `Suggested: ${suggested}` : 'The region to call',
  });
  if (!region) return undefined;
  await ctx.extension.workspaceState.update(TARGET_KEY, { region, ...(profile ? { profile } : {}) });
  return { region, ...(profile ? { profile } : {}), ...(endpointSetting() ? { endpointUrl: endpointSetting() } : {}) };
}

/** The target of one command: its arguments, else the remembered choice, else the environment, else a picker. */
export async function resolveTarget(
  ctx: ExtensionContextLike,
  args: RemoteArgs = {},
): Promise<RemoteTarget | undefined> {
  const endpointUrl = args.endpointUrl || endpointSetting();
  const withEndpoint = (t: RemoteTarget): RemoteTarget => ({ ...t, ...(endpointUrl ? { endpointUrl } : {}) });
  if (args.region || args.profile)
    return withEndpoint({
      ...(args.region ? { region: args.region } : {}),
      ...(args.profile ? { profile: args.profile } : {}),
    });
  const saved = remembered(ctx);
  if (saved) return withEndpoint(saved);
  if (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION) return withEndpoint({});
  const chosen = await chooseTarget(ctx);
  return chosen && withEndpoint(chosen);
}

export interface Connected {
  ports: SfnPorts;
  region: string;
  profile?: string;
}

/** Builds the Step Functions client for a target; a RemoteError when the workspace is untrusted or the session cannot start. */
export async function connect(target: RemoteTarget): Promise<Connected> {
  if (!vscode.workspace.isTrusted)
    throw new RemoteError('calling AWS needs a trusted workspace: trust this folder first');
  const [{ createAwsSession, SessionError }, { createSfnPorts }] = await Promise.all([
    import('../../aws/session'),
    import('../../aws/sfnClient'),
  ]);
  try {
    const session = await createAwsSession({
      profile: target.profile,
      region: target.region,
      endpointUrl: target.endpointUrl,
    });
    return {
      ports: createSfnPorts(session),
      region: session.region,
      ...(session.profile ? { profile: session.profile } : {}),
    };
  } catch (e) {
    if (e instanceof SessionError) throw new RemoteError(e.message);
    throw e;
  }
}

/**
 * The one line for a failure of a remote command; an HTML answer names the endpoint that gave it (`endpoint`,
 * see describeEndpoint); unexpected errors keep their message.
 */
export function failureMessage(e: unknown, endpoint?: string): string {
  const message = (e as Error)?.message ?? String(e);
  return (endpoint && htmlAnswerMessage(message, endpoint)) || message;
}

/** Logs and shows a failure (never awaited: a notification must not block the command). */
export function showFailure(ctx: ExtensionContextLike, what: string, e: unknown, endpoint?: string): string {
  const message = failureMessage(e, endpoint);
  ctx.log.error(`${what} failed: ${message}`);
  void vscode.window.showErrorMessage(`${what}: ${message}`);
  return message;
}
