// Typed access to the extension's settings (names must match package.json contributes.configuration).
import * as vscode from 'vscode';
import { DEFAULT_INVOKER_FUNCTION_NAME } from '../core/invokerName';

export const AWS_TOOLKIT_ID = 'amazonwebservices.aws-toolkit-vscode';

export type DocumentRulesSetting = 'auto' | 'on' | 'off';

export interface ValidationSettings {
  documentRules: DocumentRulesSetting;
  maxFileSize: number;
  invokerNames: string[];
  debounceMs: number;
}

export function readValidationSettings(scope?: vscode.ConfigurationScope): ValidationSettings {
  const c = vscode.workspace.getConfiguration('sfnCrossings', scope);
  const names = c
    .get<string[]>('invokerFunctionNames', [DEFAULT_INVOKER_FUNCTION_NAME])
    .filter((n) => typeof n === 'string' && n);
  return {
    documentRules: c.get<DocumentRulesSetting>('validation.documentRules', 'auto'),
    maxFileSize: Math.max(1000, c.get<number>('validation.maxFileSize', 2_000_000)),
    invokerNames: names.length ? names : [DEFAULT_INVOKER_FUNCTION_NAME],
    debounceMs: Math.max(0, c.get<number>('validation.debounceMs', 300)),
  };
}

/**
 * Whether the whole-document rules run for a document. `auto` leaves asl/asl-yaml documents to the
 * AWS Toolkit when it is active (it validates them too), so users never see one problem twice.
 */
export function documentRulesEnabled(setting: DocumentRulesSetting, languageId: string): boolean {
  if (setting !== 'auto') return setting === 'on';
  const toolkitServes = languageId === 'asl' || languageId === 'asl-yaml';
  return !(toolkitServes && vscode.extensions.getExtension(AWS_TOOLKIT_ID)?.isActive === true);
}
