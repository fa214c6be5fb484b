// "Validate with Step Functions": sends the definition (YAML converted to JSON) to ValidateStateMachineDefinition
// and shows the service's diagnostics at their ranges in the Problems panel, under their own source, beside (never
// instead of) the local findings; OK or FAIL in a notification and the log. Service diagnostics of a document are
// cleared when it changes (their ranges would drift) or closes. Failures: one message, diagnostics untouched.
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import { connect, resolveTarget, showFailure, type RemoteArgs } from './service';
import { describeEndpoint } from './htmlAnswer';
import { SERVICE_SOURCE, STATE_MACHINE_TYPES, type StateMachineType } from '../../aws/sfnDefinition';

export interface ValidateRemoteArgs extends RemoteArgs {
  /** The document to validate (default: the active editor's). */
  uri?: string | vscode.Uri;
  type?: StateMachineType;
}

/** What the command returns (for tests and other commands). */
export type ValidateRemoteOutcome =
  | { ok: true; result: 'OK' | 'FAIL'; summary: string; diagnostics: vscode.Diagnostic[] }
  | { ok: false; message: string };

const API_DOC =
  'https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinitionDiagnostic.html';

export function stateMachineTypeSetting(scope?: vscode.ConfigurationScope): StateMachineType {
  const v = vscode.workspace.getConfiguration('sfnCrossings', scope).get<string>('remote.stateMachineType', 'STANDARD');
  return STATE_MACHINE_TYPES.includes(v as StateMachineType) ? (v as StateMachineType) : 'STANDARD';
}

export async function documentFor(
  ctx: ExtensionContextLike,
  uri: string | vscode.Uri | undefined,
): Promise<vscode.TextDocument | undefined> {
  const document = uri
    ? await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri)
    : vscode.window.activeTextEditor?.document;
  return document && ctx.isAsl(document) ? document : undefined;
}

export class ServiceDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(SERVICE_SOURCE);
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.collection.delete(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    ];
  }

  dispose(): void {
    this.collection.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export async function validateRemote(
  ctx: ExtensionContextLike,
  service: ServiceDiagnostics,
  args: ValidateRemoteArgs = {},
): Promise<ValidateRemoteOutcome> {
  const what = 'Validate with Step Functions';
  const document = await documentFor(ctx, args.uri);
  if (!document) {
    const message = 'open a state machine definition (ASL JSON or YAML) first';
    void vscode.window.showWarningMessage(`${what}: ${message}`);
    return { ok: false, message };
  }
  const [{ definitionForService, locateDiagnostics }, { validationSummary }] = await Promise.all([
    import('../../aws/sfnDefinition'),
    import('../../aws/sfnResults'),
  ]);
  const parsed = ctx.analyze(document).parsed;
  const prepared = definitionForService(parsed);
  if (!prepared.ok) return { ok: false, message: showFailure(ctx, what, new Error(prepared.message)) };
  const target = await resolveTarget(ctx, args);
  if (!target) return { ok: false, message: 'cancelled' };
  const type = args.type ?? stateMachineTypeSetting(document.uri);
  const version = document.version;
  try {
    const { ports, region } = await connect(target);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Validating with Step Functions (${type}, ${region})…` },
      () => ports.validate({ definition: prepared.definition, type }),
    );
    if (document.version !== version) {
      const message = 'the file changed while the service validated it: run the command again';
      void vscode.window.showWarningMessage(`${what}: ${message}`);
      return { ok: false, message };
    }
    const diagnostics = locateDiagnostics(result.diagnostics, parsed, prepared.definition).map((d) => {
      const range = new vscode.Range(document.positionAt(d.offset), document.positionAt(d.offset + d.length));
      const where = d.exact || !d.location ? '' : ` (at ${d.location})`;
      const diagnostic = new vscode.Diagnostic(
        range,
        `${d.message.replace(/\s+/g, ' ').trim()}${where}`,
        d.severity === 'WARNING' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = SERVICE_SOURCE;
      diagnostic.code = { value: d.code, target: vscode.Uri.parse(API_DOC) };
      return diagnostic;
    });
    service.collection.set(document.uri, diagnostics);
    const summary = validationSummary(result, type, region);
    ctx.log.info(`${what}: ${vscode.workspace.asRelativePath(document.uri)}: ${summary}`);
    if (result.result === 'OK') void vscode.window.showInformationMessage(`Step Functions: ${summary}`);
    else void vscode.window.showWarningMessage(`Step Functions: ${summary} (see the Problems panel)`);
    return { ok: true, result: result.result, summary, diagnostics };
  } catch (e) {
    return { ok: false, message: showFailure(ctx, what, e, describeEndpoint(target.endpointUrl, target.region)) };
  }
}
