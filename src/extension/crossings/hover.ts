// Hover on a crossing state (its name or its Resource): target region/account/role/endpoint and the IAM actions.
import * as vscode from 'vscode';
import { hoverAt } from '../../core/crossings/assist';
import type { ExtensionContextLike } from '../context';
import { readValidationSettings } from '../settings';

export class CrossingHover implements vscode.HoverProvider {
  constructor(private readonly ctx: ExtensionContextLike) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.ctx.isAsl(document) && !this.ctx.isTemplate(document)) return undefined;
    const model = this.ctx.analyzeAt(document, document.offsetAt(position))?.model;
    if (!model) return undefined;
    const hover = hoverAt(model, document.offsetAt(position), readValidationSettings(document).invokerNames);
    if (!hover) return undefined;
    return new vscode.Hover(
      new vscode.MarkdownString(hover.markdown),
      new vscode.Range(document.positionAt(hover.offset), document.positionAt(hover.offset + hover.length)),
    );
  }
}
