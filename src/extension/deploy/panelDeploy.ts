// What the panel's deploy hands the deploy bridge about its definition: the text, language and invoker names (the
// bridge refuses payload errors and scopes the role policy from it), and the write-back of the function ARN into
// that definition after the deployment (the deploy command's offer, through writeArn.ts).
import * as vscode from 'vscode';
import { extractInvokerCalls } from '../../core/invoker/extract';
import type { DeployDefinition } from '../panel/deployBridge';
import { readValidationSettings } from '../settings';
import { offerArnWrite, type ArnWriteLog } from './writeArn';

function languageIdOf(document: vscode.TextDocument): 'asl' | 'asl-yaml' {
  return document.languageId === 'asl-yaml' || document.languageId === 'yaml' ? 'asl-yaml' : 'asl';
}

export function deployDefinitionOf(document: vscode.TextDocument | undefined): DeployDefinition | undefined {
  if (!document) return undefined;
  return {
    text: document.getText(),
    languageId: languageIdOf(document),
    invokerNames: readValidationSettings(document.uri).invokerNames,
    label: vscode.workspace.asRelativePath(document.uri),
  };
}

/** The bridge's `afterDeploy`: offers to write the ARN into the definition as it was when the deployment started. */
export function arnWriterFor(
  document: vscode.TextDocument | undefined,
  functionName: string,
  log: ArnWriteLog,
): ((functionArn: string, summary: string) => Promise<void>) | undefined {
  if (!document) return undefined;
  const version = document.version;
  const found = extractInvokerCalls(document.getText(), {
    languageId: languageIdOf(document),
    invokerNames: [...readValidationSettings(document.uri).invokerNames, functionName],
  });
  return async (functionArn, summary) => {
    await offerArnWrite({ document, found, version }, functionArn, summary, log);
  };
}
