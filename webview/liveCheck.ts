// The "Live check" section of the panel (issue 17): its own tab with a "Check crossings against AWS" button, the
// run's status line and one row per check (failures first: status, state, check, account, message), each failure
// with a Copy fix button (the host writes the clipboard). A click on a state reveals it in the editor.
import './liveCheck.css';
import { custom, el } from './dom';
import type { LiveCheckRowView, LiveCheckView, PageMessage } from './protocol';

const STATUS_LABEL: Record<LiveCheckRowView['status'], string> = {
  fail: 'Fail',
  'not-checked': 'Not checked',
  pass: 'Pass',
};
const ORDER: Record<LiveCheckRowView['status'], number> = { fail: 0, 'not-checked': 1, pass: 2 };

export interface LiveCheckSection {
  update(view: LiveCheckView): void;
}

/** Adds the Live check tab and view to the panel's tabs; returns the section to update. */
export function mountLiveCheck(tabs: HTMLElement, post: (m: PageMessage) => void): LiveCheckSection {
  const tab = custom('vscode-panel-tab', { id: 'tab-live' }, 'Live check');
  const status = el('p', { id: 'live-status', class: 'muted', role: 'status', 'aria-live': 'polite' });
  const run = custom('vscode-button', { id: 'live-run', appearance: 'primary' }, 'Check crossings against AWS');
  run.addEventListener('click', () => post({ type: 'runLiveCheck' }));
  const list = el('div', { id: 'live-results', class: 'live-results' });
  const section = el(
    'section',
    { id: 'live-check', class: 'section live-check', 'aria-labelledby': 'live-heading' },
    el(
      'div',
      { class: 'iam-head' },
      el('h2', { id: 'live-heading' }, 'Live check'),
      el('div', { class: 'actions' }, run),
    ),
    el(
      'p',
      { class: 'muted' },
      'Read-only calls with the profile of each account: roles, trust policies, APIs, connections, the invoker and drift.',
    ),
    status,
    list,
  );
  const view = custom('vscode-panel-view', { id: 'view-live' }, section);
  // Tabs come before views in vscode-panels: the new tab after the last tab, the view at the end.
  const tabsList = tabs.querySelectorAll('vscode-panel-tab');
  const lastTab = tabsList[tabsList.length - 1];
  if (lastTab) lastTab.after(tab);
  else tabs.prepend(tab);
  tabs.append(view);
  update({ status: 'idle', message: '', rows: [] });

  function update(check: LiveCheckView): void {
    run.toggleAttribute('disabled', check.status === 'running');
    status.textContent =
      check.status === 'idle'
        ? 'Not run yet for this definition.'
        : check.status === 'running'
          ? 'Checking against AWS…'
          : check.message;
    status.className = check.status === 'failed' ? 'error' : 'muted';
    const rows = check.rows
      .map((r, index) => ({ r, index }))
      .sort((a, b) => ORDER[a.r.status] - ORDER[b.r.status] || a.index - b.index)
      .map(({ r, index }) => {
        const actions: HTMLElement[] = [];
        if (r.fix) {
          const copy = custom(
            'vscode-button',
            { appearance: 'secondary', 'aria-label': `Copy the fix: ${r.fix}`, title: r.fix },
            'Copy fix',
          );
          copy.addEventListener('click', () => post({ type: 'copyCheckFix', index }));
          actions.push(copy);
        }
        const state = r.state
          ? el('a', { href: '#', class: 'live-state', title: 'Reveal in the editor' }, r.state)
          : el('span', { class: 'muted' }, 'definition');
        state.addEventListener('click', (e) => {
          e.preventDefault();
          if (r.pointer) post({ type: 'revealState', pointer: r.pointer });
        });
        const badge = el(
          'span',
          { class: `live-badge live-${r.status}${r.severity ? ` live-${r.severity}` : ''}` },
          r.status === 'fail' && r.severity ? `${STATUS_LABEL.fail} (${r.severity})` : STATUS_LABEL[r.status],
        );
        return el(
          'div',
          { class: `live-row live-row-${r.status}`, 'data-check': r.check },
          el(
            'div',
            { class: 'live-row-head' },
            badge,
            state,
            el('code', {}, r.check),
            r.account ? el('span', { class: 'muted' }, `account ${r.account}`) : '',
            el('span', { class: 'actions' }, ...actions),
          ),
          el('p', { class: 'live-message' }, r.message),
        );
      });
    list.replaceChildren(...rows);
  }
  return { update };
}
