// The Crossings panel host: one singleton webview panel (createOrShow / revive / dispose, one
// disposables array) that follows the active ASL definition, posts its view model once the page says
// `ready` and again on every (debounced) change, and acts on the page's validated requests: reveal a
// state, copy or open an IAM document, deploy the invoker with live progress.
import { openUntitledJson } from '../untitled';
import * as vscode from 'vscode';
import type { ExtensionContextLike } from '../context';
import type { Analysis } from '../../core/lint';
import {
  describeRejected,
  parsePageMessage,
  type DeployRequest,
  type HostMessage,
  type PageMessage,
  type ViewModel,
} from '../../../webview/protocol';
import { renderPanelHtml } from './html';
import { buildViewModel, type IamProvider } from './viewModel';
import type { DeployBridge } from './deployBridge';
import { readValidationSettings } from '../settings';
import { copyLiveCheckFix, liveCheckMessage, onLiveCheckChange, runLiveCheck } from './liveCheckBridge';

export const PANEL_VIEW_TYPE = 'sfnCrossings.crossings';
const UPDATE_DELAY_MS = 250;

export interface PanelEnv {
  ctx: ExtensionContextLike;
  /** The IAM generator for one document (with the user's context for it, when given). */
  iamFor(document: vscode.TextDocument): IamProvider;
  deploy: DeployBridge;
}

export class CrossingsPanel {
  static current: CrossingsPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private documentUri: vscode.Uri | undefined;
  /** For a template: the logical ID of the state machine shown (undefined: its first). */
  private stateMachine: string | undefined;
  private ready = false;
  private model: ViewModel | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deployRun: AbortController | undefined;
  private disposed = false;
  private readonly readyWaiters: Array<() => void> = [];

  /** Shows the panel for `document` (or the active ASL editor), creating it if needed. */
  static createOrShow(env: PanelEnv, document: vscode.TextDocument | undefined, stateMachine?: string): CrossingsPanel {
    if (CrossingsPanel.current) {
      CrossingsPanel.current.panel.reveal(undefined, true); // where the user left it
      if (document) CrossingsPanel.current.follow(document, stateMachine);
      return CrossingsPanel.current;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      'Crossings',
      { viewColumn: column, preserveFocus: true },
      CrossingsPanel.options(env),
    );
    CrossingsPanel.current = new CrossingsPanel(env, panel, document?.uri);
    if (stateMachine) {
      CrossingsPanel.current.stateMachine = stateMachine; // before the page is ready: the first update shows it
      CrossingsPanel.current.updateTitle();
    }
    return CrossingsPanel.current;
  }

  /** Restores a panel VS Code kept across a window reload (WebviewPanelSerializer). */
  static revive(env: PanelEnv, panel: vscode.WebviewPanel, state: unknown): CrossingsPanel {
    CrossingsPanel.current?.dispose();
    panel.webview.options = CrossingsPanel.options(env);
    const uri =
      typeof state === 'object' && state !== null && typeof (state as { uri?: unknown }).uri === 'string'
        ? (state as { uri: string }).uri
        : '';
    CrossingsPanel.current = new CrossingsPanel(env, panel, uri ? vscode.Uri.parse(uri) : undefined);
    return CrossingsPanel.current;
  }

  private static options(env: PanelEnv): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(env.ctx.extension.extensionUri, 'dist', 'webview')],
    };
  }

  private constructor(
    private readonly env: PanelEnv,
    private readonly panel: vscode.WebviewPanel,
    documentUri: vscode.Uri | undefined,
  ) {
    this.documentUri = documentUri ?? this.activeAslDocument()?.uri;
    this.updateTitle();
    const webview = panel.webview;
    const dist = vscode.Uri.joinPath(env.ctx.extension.extensionUri, 'dist', 'webview');
    webview.html = renderPanelHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.css')).toString(),
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      onLiveCheckChange(
        () => this.documentUri,
        () => this.post(liveCheckMessage(this.documentUri, env.ctx)),
      ),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isTracked(e.document) && e.contentChanges.length) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focusing the panel leaves no active editor: keep showing the last definition.
        if (
          editor &&
          editor.document.uri.toString() !== this.documentUri?.toString() &&
          (env.ctx.isAsl(editor.document) || env.ctx.isTemplate(editor.document))
        )
          this.follow(editor.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.isTracked(d)) this.schedule();
      }),
      // Invoker names, the IAM context and the endpoint change what the panel shows.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sfnCrossings')) this.schedule();
      }),
    );
  }

  /** The view model last posted to the page (test hook and Copy's source of truth). */
  get viewModel(): ViewModel | undefined {
    return this.model;
  }

  /** Resolves once the page announced `ready` and the current definition was posted. */
  whenShown(timeoutMs = 15_000): Promise<ViewModel | undefined> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(deadline);
        resolve(this.model);
      };
      const deadline = setTimeout(done, timeoutMs);
      if (this.ready && this.timer === undefined) done();
      else this.readyWaiters.push(done);
    });
  }

  follow(document: vscode.TextDocument, stateMachine?: string): void {
    this.documentUri = document.uri;
    this.stateMachine = stateMachine;
    this.updateTitle();
    this.schedule(0);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (CrossingsPanel.current === this) CrossingsPanel.current = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.deployRun?.abort();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
    for (const w of this.readyWaiters.splice(0)) w();
  }

  private isTracked(document: vscode.TextDocument): boolean {
    return document.uri.toString() === this.documentUri?.toString();
  }

  private activeAslDocument(): vscode.TextDocument | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor && this.env.ctx.isAsl(editor.document) ? editor.document : undefined;
  }

  private updateTitle(): void {
    const name = this.documentUri?.path.split('/').pop();
    const machine = this.stateMachine ? ` › ${this.stateMachine}` : '';
    this.panel.title = name ? `Crossings: ${name}${machine}` : 'Crossings';
  }

  /**
   * The analysis the panel shows: the document's, or for a template the state machine named (its logical
   * ID), else the template's first.
   */
  private analysisOf(document: vscode.TextDocument): { analysis: Analysis; name?: string } {
    if (this.env.ctx.isAsl(document)) return { analysis: this.env.ctx.analyze(document) };
    const machines = this.env.ctx.stateMachines(document);
    const machine = machines.find((m) => m.name === this.stateMachine) ?? machines[0];
    return machine ? { analysis: machine.analysis, name: machine.name } : { analysis: this.env.ctx.analyze(document) };
  }

  private schedule(delay = UPDATE_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, delay);
  }

  private async findDocument(): Promise<vscode.TextDocument | undefined> {
    const uri = this.documentUri;
    if (!uri) return undefined;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open;
    try {
      return await vscode.workspace.openTextDocument(uri);
    } catch {
      return undefined;
    }
  }

  private async update(): Promise<void> {
    if (!this.ready) return;
    const document = await this.findDocument();
    if (!document || document.isClosed) {
      this.model = undefined;
      this.post({
        type: 'empty',
        message: 'Open an Amazon States Language definition (.asl.json, .asl.yaml) and run "Show Crossings".',
      });
    } else {
      const started = performance.now();
      const shown = this.analysisOf(document);
      const file = document.uri.path.split('/').pop() ?? document.uri.toString();
      this.model = buildViewModel({
        analysis: shown.analysis,
        title: shown.name ? `${file} › ${shown.name}` : file,
        uri: document.uri.toString(),
        version: document.version,
        invokerNames: readValidationSettings(document.uri).invokerNames,
        iam: this.env.iamFor(document),
        deploy: await this.env.deploy.defaults(),
      });
      this.env.ctx.log.debug(
        `Crossings panel: view model of ${this.model.title} v${this.model.version} in ${(performance.now() - started).toFixed(1)} ms`,
      );
      this.post({ type: 'update', model: this.model });
      this.post(liveCheckMessage(document.uri, this.env.ctx));
    }
    if (this.timer === undefined) for (const w of this.readyWaiters.splice(0)) w();
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const result = parsePageMessage(raw);
    if (!result.ok) {
      this.env.ctx.log.warn(`Crossings panel: dropped a page message (${result.reason}): ${describeRejected(raw)}`);
      return;
    }
    void this.handle(result.message).catch((e: unknown) =>
      this.env.ctx.log.error(`Crossings panel: ${(e as Error).message}`),
    );
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        clearTimeout(this.timer);
        this.timer = undefined;
        await this.update();
        return;
      case 'revealState':
        await this.reveal(message.pointer);
        return;
      case 'copyDocument': {
        const doc = this.model?.iam.documents.find((d) => d.id === message.id);
        if (!doc) return this.env.ctx.log.warn(`Crossings panel: no IAM document ${message.id} to copy`);
        await vscode.env.clipboard.writeText(doc.text);
        this.post({ type: 'copied', id: doc.id });
        return;
      }
      case 'openDocument': {
        const doc = this.model?.iam.documents.find((d) => d.id === message.id);
        if (!doc) return this.env.ctx.log.warn(`Crossings panel: no IAM document ${message.id} to open`);
        const opened = await openUntitledJson(`iam-${doc.id}`, doc.text);
        await vscode.window.showTextDocument(opened, { viewColumn: vscode.ViewColumn.One, preview: false });
        return;
      }
      case 'deploy':
        await this.deploy(message.request);
        return;
      case 'cancelDeploy':
        this.deployRun?.abort();
        return;
      case 'runLiveCheck':
        await runLiveCheck(this.documentUri);
        return;
      case 'copyCheckFix':
        if (!(await copyLiveCheckFix(this.documentUri, message.index)))
          this.env.ctx.log.warn(`Crossings panel: no live-check fix ${message.index} to copy`);
        return;
    }
  }

  /** Selects the state's name in the editor showing the definition (opening it if needed). */
  private async reveal(pointer: string): Promise<void> {
    const document = await this.findDocument();
    if (!document) return;
    const state = this.analysisOf(document).analysis.model?.states.find((s) => s.pointer === pointer);
    if (!state) return this.env.ctx.log.warn(`Crossings panel: no state at ${pointer} in ${document.uri.path}`);
    const start = document.positionAt(state.entry.keyOffset);
    const range = new vscode.Range(start, document.positionAt(state.entry.keyOffset + state.entry.keyLength));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: range,
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async deploy(request: DeployRequest): Promise<void> {
    if (this.deployRun) {
      this.post({ type: 'deployResult', ok: false, message: 'A deployment is already running.', functionArn: '' });
      return;
    }
    const run = new AbortController();
    this.deployRun = run;
    try {
      // The definition shapes the deployment (roles, scoped policy; refused on payload errors); the ARN can go back.
      const document = await this.findDocument();
      const { deployDefinitionOf, arnWriterFor } = await import('../deploy/panelDeploy');
      const definition = deployDefinitionOf(document);
      const afterDeploy = arnWriterFor(document, request.functionName, this.env.ctx.log);
      this.env.ctx.log.info(
        `Crossings panel: deploy ${request.functionName} to ${request.region} (${request.profile ? `profile ${request.profile}` : 'default credential chain'}); calls: ${request.allowedCalls.join(',')}`,
      );
      const result = await this.env.deploy.deploy(request, {
        signal: run.signal,
        ...(definition ? { definition } : {}),
        ...(afterDeploy ? { afterDeploy } : {}),
        onProgress: (step, status, message) => {
          this.env.ctx.log.info(`[deploy ${step}] ${status}${message ? `: ${message}` : ''}`);
          this.post({ type: 'deployProgress', step, status, message });
        },
      });
      if (result.ok) this.env.ctx.log.info(`Crossings panel: ${result.message} ${result.functionArn}`);
      else this.env.ctx.log.warn(`Crossings panel: deploy failed: ${result.message}`);
      this.post({ type: 'deployResult', ...result });
    } catch (e) {
      this.post({ type: 'deployResult', ok: false, message: (e as Error).message, functionArn: '' });
    } finally {
      this.deployRun = undefined;
    }
  }
}
