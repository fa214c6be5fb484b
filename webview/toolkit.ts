// The only module that imports @vscode/webview-ui-toolkit (archived upstream since January 2025):
// registers the components the panel uses, so moving to another component library touches this
// folder only. FAST adopts its styles as constructable stylesheets, which the panel's CSP allows; the one
// <style> it creates carries the nonce from <meta property="csp-nonce">. Not registered on purpose:
// vscode-badge (its template sets a style attribute, which the CSP blocks) and a determinate
// vscode-progress-ring (same reason; the indeterminate ring is fine).
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeDataGrid,
  vsCodeDataGridCell,
  vsCodeDataGridRow,
  vsCodeDivider,
  vsCodePanels,
  vsCodePanelTab,
  vsCodePanelView,
  vsCodeProgressRing,
  vsCodeTextArea,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

export function registerToolkit(): void {
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeDataGrid(),
    vsCodeDataGridCell(),
    vsCodeDataGridRow(),
    vsCodeDivider(),
    vsCodePanels(),
    vsCodePanelTab(),
    vsCodePanelView(),
    vsCodeProgressRing(),
    vsCodeTextArea(),
    vsCodeTextField(),
  );
}

/** The value of a toolkit text field or text area (both expose `value`). */
export function fieldValue(el: Element | null): string {
  return el && 'value' in el ? String((el as { value: unknown }).value ?? '') : '';
}

export function setFieldValue(el: Element | null, value: string): void {
  if (el && 'value' in el) (el as { value: string }).value = value;
}

export function setDisabled(el: Element | null, disabled: boolean): void {
  if (!el) return;
  if (disabled) el.setAttribute('disabled', '');
  else el.removeAttribute('disabled');
}
