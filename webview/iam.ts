// The IAM documents section: one block per generated document (execution role, cross-account kit,
// API Gateway, invoker role) with Copy (the host writes the clipboard) and Open-as-document buttons.
import { custom, el } from './dom';
import type { PageMessage, ViewModel } from './protocol';

export function renderIam(host: HTMLElement, model: ViewModel, post: (m: PageMessage) => void): void {
  const { iam } = model;
  if (iam.status === 'unavailable' || iam.documents.length === 0) {
    host.replaceChildren(
      el('p', { class: 'notice', role: 'status' }, iam.message || 'No IAM document applies to this definition.'),
    );
    return;
  }
  const blocks = iam.documents.map((doc) => {
    const copy = custom(
      'vscode-button',
      { appearance: 'primary', 'data-action': 'copy', 'data-id': doc.id, 'aria-label': `Copy ${doc.title}` },
      'Copy',
    );
    const open = custom(
      'vscode-button',
      {
        appearance: 'secondary',
        'data-action': 'open',
        'data-id': doc.id,
        'aria-label': `Open ${doc.title} as a document`,
      },
      'Open as document',
    );
    copy.addEventListener('click', () => post({ type: 'copyDocument', id: doc.id }));
    open.addEventListener('click', () => post({ type: 'openDocument', id: doc.id }));
    const headingId = `iam-${doc.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    return el(
      'section',
      { class: 'iam-document', 'aria-labelledby': headingId },
      el(
        'div',
        { class: 'iam-head' },
        el('h3', { id: headingId }, doc.title),
        el('div', { class: 'actions' }, copy, open),
      ),
      el('p', { class: 'muted' }, doc.description),
      el('pre', { tabindex: '0', 'aria-label': `${doc.title} (JSON)` }, el('code', {}, doc.text)),
    );
  });
  const intro = iam.message ? [el('p', { class: 'muted' }, iam.message)] : [];
  host.replaceChildren(...intro, ...blocks);
}
