// "Deploy cross-region invoker": profile and region pickers, a shared or per-definition invoker, the allowed calls
// prefilled from the open definition's invoker tasks (editable), refused when those tasks' payloads have errors; a
// plan to confirm that shows the role policy as a diff against the deployed one and names sensitive calls; a
// cancellable progress notification, a log without secrets, and at the end an undoable edit that writes the
// function ARN into the invoker tasks (or a copy). The AWS SDK loads inside the command, never at activation.
import { pickProfile, pickRegion, suggestedRegion } from '../awsPickers';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import { readValidationSettings } from '../settings';
import { offerArnWrite } from './writeArn';

/** Arguments that skip the pickers (tests, keybindings). */
export interface DeployInvokerArgs {
  /** A named profile; '' or undefined: the default credential chain (unless `pickProfile`). */
  profile?: string;
  region?: string;
  /** `service:action` list; default: the open definition's invoker calls. */
  calls?: string[];
  functionName?: string;
  endpointUrl?: string;
  /** No prompts: skip the plan confirmation, and take the calls from the open definition unless `calls` is given. */
  yes?: boolean;
  /** With `yes`: allow calls that return credentials or change IAM/KMS/Organizations. */
  allowSensitive?: boolean;
  /** What to do with the ARN at the end: write it into the definition, copy it, or ask (default). */
  arnAction?: 'write' | 'copy' | 'none';
}

export interface DeployInvokerOutcome {
  functionArn?: string;
  changes?: string[];
  error?: string;
  wroteArn?: boolean;
  /** The messages the progress notification showed, in order. */
  progress?: string[];
  /** The plan as the confirmation showed it (with `yes`: as the log recorded it), role policy diff included. */
  plan?: string;
  /** Invoker-payload errors that stopped the deployment (`file:line:column: error CODE message`). */
  findings?: string[];
}

const TITLE = 'Deploy cross-region invoker';

function endpointSetting(): string | undefined {
  return vscode.workspace.getConfiguration('sfnCrossings').get<string>('aws.endpointUrl')?.trim() || undefined;
}

function definitionDocument(ctx: ExtensionContextLike): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc && ctx.isAsl(doc) ? doc : undefined;
}

function languageIdOf(doc: vscode.TextDocument): 'asl' | 'asl-yaml' {
  return doc.languageId === 'asl-yaml' || doc.languageId === 'yaml' ? 'asl-yaml' : 'asl';
}

export async function deployInvokerCommand(
  ctx: ExtensionContextLike,
  args: DeployInvokerArgs = {},
): Promise<DeployInvokerOutcome> {
  const log = ctx.log;
  if (!vscode.workspace.isTrusted) {
    const error = 'Deploying needs a trusted workspace: trust this folder to deploy the invoker.';
    void vscode.window.showWarningMessage(error);
    return { error };
  }
  const [{ listProfiles, KNOWN_REGIONS }, protocol, { extractInvokerCalls }] = await Promise.all([
    import('../../aws/profiles'),
    import('../../core/invoker/protocol'),
    import('../../core/invoker/extract'),
  ]);
  const settings = readValidationSettings();
  const functionName =
    args.functionName ||
    settings.invokerNames.find((n) => /^[A-Za-z0-9_-]{1,64}$/.test(n)) ||
    protocol.DEFAULT_INVOKER_NAME;
  const doc = definitionDocument(ctx);
  const found = doc
    ? extractInvokerCalls(doc.getText(), {
        languageId: languageIdOf(doc),
        invokerNames: [...settings.invokerNames, functionName],
      })
    : undefined;
  const docVersion = doc?.version;
  if (doc) {
    // A definition the linter rejects never shapes what the invoker may do.
    const { invokerPayloadErrors, formatFinding } = await import('../../core/invoker/gate');
    const errors = invokerPayloadErrors(doc.getText(), {
      languageId: languageIdOf(doc),
      invokerNames: [...settings.invokerNames, functionName],
    });
    if (errors.length) {
      const findings = errors.map((f) => formatFinding(vscode.workspace.asRelativePath(doc.uri), f));
      const error = `The definition's invoker payloads have ${errors.length} error(s), so nothing was deployed: ${errors[0]!.code} ${errors[0]!.message}`;
      log.warn(`${TITLE}: refused:\n${findings.join('\n')}`);
      void vscode.window.showErrorMessage(`${TITLE}: ${error}`, 'Show Problems').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
      return { error, findings };
    }
  }

  // Profile
  let profile = args.profile || undefined;
  const profiles = await listProfiles().catch(() => []);
  if (args.profile === undefined && profiles.length) {
    const picked = await pickProfile(profiles, {
      title: `${TITLE}: AWS profile`,
      placeHolder: 'Credentials to deploy with',
    });
    if (picked.cancelled) return {};
    profile = picked.profile;
  }
  // Region
  let region = args.region;
  if (!region) {
    region = await pickRegion(KNOWN_REGIONS, suggestedRegion(profiles, profile), {
      title: `${TITLE}: region of the function`,
      placeHolder: 'The region the state machine runs in (the invoker calls other regions from there)',
    });
    if (!region) return {};
  }
  // Allowed calls
  let callsText =
    args.calls?.join(', ') ?? (args.yes ? found?.calls.map((c) => `${c.service}:${c.action}`).join(', ') : undefined);
  if (callsText === undefined) {
    callsText = await vscode.window.showInputBox({
      title: `${TITLE}: allowed calls (ALLOWED_CALLS)`,
      prompt:
        'service:action in SDK v3 names, comma-separated; everything else is refused. Prefilled from the open definition.',
      value: found?.calls.map((c) => `${c.service}:${c.action}`).join(', ') ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => {
        const parsed = protocol.parseAllowedCalls(v);
        if (parsed.errors.length) return parsed.errors.join('; ');
        return parsed.calls.length ? undefined : 'At least one call, e.g. s3:getObject';
      },
    });
    if (callsText === undefined) return {};
  }
  const parsed = protocol.parseAllowedCalls(callsText);
  if (parsed.errors.length || parsed.calls.length === 0) {
    const error = parsed.errors.join('; ') || 'No allowed calls: the invoker would refuse every call.';
    void vscode.window.showErrorMessage(error);
    return { error };
  }
  const { sensitiveCalls, describeSensitive } = await import('../../core/invoker/sensitive');
  const sensitive = sensitiveCalls(parsed.calls);
  if (sensitive.length && args.yes && !args.allowSensitive) {
    const error = `Sensitive calls need an explicit yes: ${describeSensitive(sensitive)}`;
    void vscode.window.showErrorMessage(`${TITLE}: ${error}`);
    return { error };
  }

  const [
    { createAwsSession },
    { createSdkPorts },
    { deployInvoker, DeployError },
    { readInvokerZip },
    { planText },
    { definitionPolicy },
  ] = await Promise.all([
    import('../../aws/session'),
    import('../../aws/invokerClients'),
    import('../../aws/deployInvoker'),
    import('../../aws/invokerPackage'),
    import('../../aws/deployPlanText'),
    import('../../aws/definitionPolicy'),
  ]);
  const fail = (e: unknown): DeployInvokerOutcome => {
    const error = e instanceof Error ? e.message : String(e);
    log.error(`Deploy failed: ${error}`);
    void vscode.window.showErrorMessage(`${TITLE}: ${error}`, 'Show log').then((choice) => choice && log.show());
    return { error };
  };
  let session;
  let zip: Uint8Array;
  try {
    zip = (await readInvokerZip([path.join(ctx.extension.extensionPath, 'dist', 'invoker', 'invoker.zip')])).zip;
    session = await createAwsSession({ profile, region, endpointUrl: args.endpointUrl || endpointSetting() });
  } catch (e) {
    return fail(e);
  }
  const ports = createSdkPorts(session);
  const roleName = protocol.DEFAULT_INVOKER_ROLE_NAME;
  const spec = {
    region: session.region,
    functionName,
    roleName,
    calls: parsed.calls,
    assumeRoles: found?.roles ?? [],
    zip,
    ...(doc
      ? {
          policy: definitionPolicy({
            text: doc.getText(),
            languageId: languageIdOf(doc),
            invokerNames: settings.invokerNames,
            region: session.region,
            functionName,
            roleName,
            calls: parsed.calls,
            assumeRoles: found?.roles ?? [],
          }),
        }
      : {}),
  };
  const common = {
    ...(session.profile ? { profile: session.profile } : {}),
    ...(session.endpoint ? { endpoint: session.endpoint } : {}),
  };
  log.info(
    `Deploy invoker ${functionName} to ${session.region} (${profile ? `profile ${profile}` : 'default credential chain'}${session.endpoint ? `, endpoint ${session.endpoint}` : ''}); calls: ${protocol.formatAllowedCalls(parsed.calls)}`,
  );

  const shown: string[] = [];
  let planShown: string | undefined;
  let result;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: TITLE, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          const onProgress = (p: { step: string; message: string }) => {
            log.info(`[${p.step}] ${p.message}`);
            shown.push(p.message);
            progress.report({ message: p.message });
          };
          // The plan is always read and logged; without `yes` it is confirmed in a modal that shows it.
          const plan = await deployInvoker(ports, spec, {
            ...common,
            dryRun: true,
            signal: controller.signal,
            onProgress,
          });
          planShown = planText(plan, { roleName, sensitive });
          log.info(`Plan:\n${planShown}`);
          if (plan.changes.length === 0) return plan;
          if (!args.yes) {
            // A dialog cannot scroll: it shows the changed lines; the whole plan opens as a document on request.
            const button = sensitive.length
              ? `Allow ${sensitive.length} sensitive call${sensitive.length === 1 ? '' : 's'} and deploy`
              : 'Deploy';
            const full = 'Show full plan';
            for (;;) {
              const go = await vscode.window.showWarningMessage(
                `Deploy ${functionName} to account ${plan.account}, ${plan.region}?` +
                  (sensitive.length ? ` It allows sensitive calls: ${sensitive.map((c) => c.call).join(', ')}.` : ''),
                { modal: true, detail: planText(plan, { roleName, sensitive, compact: true }) },
                button,
                full,
              );
              if (go === button) break;
              if (go !== full) return undefined;
              const document = await vscode.workspace.openTextDocument({ content: planShown, language: 'diff' });
              await vscode.window.showTextDocument(document, { preview: true });
            }
          }
          return await deployInvoker(ports, spec, { ...common, signal: controller.signal, onProgress });
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (e) {
    if (e instanceof DeployError && e.cancelled) {
      log.warn(`Cancelled: ${e.message}`);
      void vscode.window.showWarningMessage(`${TITLE}: ${e.message}`);
      return { error: e.message };
    }
    return fail(e);
  }
  if (!result) return planShown ? { plan: planShown } : {};
  const arn = result.functionArn;
  log.info(result.changes.length ? `Deployed ${arn}: ${result.changes.join('; ')}` : `Up to date: ${arn}`);

  // Offer to point the definition's invoker tasks at the function.
  const summary = result.changes.length ? `Deployed ${arn}` : `Already up to date: ${arn}`;
  const wroteArn = await offerArnWrite(
    doc && found && docVersion !== undefined ? { document: doc, found, version: docVersion } : undefined,
    arn,
    summary,
    log,
    args.arnAction,
  );
  return {
    functionArn: arn,
    changes: result.changes,
    wroteArn,
    progress: shown,
    ...(planShown ? { plan: planShown } : {}),
  };
}
