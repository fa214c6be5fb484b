// The crossings table: one row per crossing (state, kind, target, auth, findings) in a toolkit data
// grid; Enter or a click on a row reveals the state in the editor.
import { custom, el } from './dom';
import type { CrossingKindView, ViewModel } from './protocol';

export const KIND_LABELS: Record<CrossingKindView, string> = {
  'cross-region': 'Cross-region',
  'cross-account': 'Cross-account',
  'api-gateway': 'API Gateway',
  http: 'HTTP',
};

const COLUMNS = ['State', 'Kind', 'Target', 'Auth', 'Findings'];

export function renderCrossings(host: HTMLElement, model: ViewModel, reveal: (pointer: string) => void): void {
  if (model.crossings.length === 0) {
    host.replaceChildren(
      el(
        'p',
        { class: 'muted' },
        "This definition has no crossings: every task runs in the state machine's own region and account.",
      ),
    );
    return;
  }
  const grid = custom('vscode-data-grid', {
    'aria-label': 'Crossings',
    // Minimum widths that fit the longest single words of Kind and Auth ("Cross-account", "RESOURCE_POLICY").
    'grid-template-columns': 'minmax(130px, 2fr) minmax(100px, 1.2fr) minmax(92px, 3fr) minmax(142px, 1.6fr) 84px',
    id: 'crossings-grid',
  });
  const header = custom('vscode-data-grid-row', { 'row-type': 'header' });
  COLUMNS.forEach((c, i) =>
    header.appendChild(
      custom('vscode-data-grid-cell', { 'cell-type': 'columnheader', 'grid-column': String(i + 1) }, c),
    ),
  );
  grid.appendChild(header);
  for (const c of model.crossings) {
    const row = custom('vscode-data-grid-row', {
      class: 'crossing-row',
      'data-pointer': c.pointer,
      title: c.actions.length ? `Needs ${c.actions.join(', ')}` : '',
    });
    const cells = [c.state, KIND_LABELS[c.kind], c.target, c.auth, String(c.findings)];
    cells.forEach((text, i) => {
      const cell = custom('vscode-data-grid-cell', { 'grid-column': String(i + 1) }, text);
      if (i === 4 && c.findings > 0) cell.classList.add('has-findings');
      if (i === 2) cell.classList.add('target-cell');
      row.appendChild(cell);
    });
    row.addEventListener('click', () => reveal(c.pointer));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') reveal(c.pointer);
    });
    grid.appendChild(row);
  }
  host.replaceChildren(grid);
}
