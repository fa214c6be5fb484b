// Entry point of the Crossings panel page: builds the skeleton, validates every host message, renders
// the view model (map, crossings table, IAM documents, deploy form) and announces `ready` once it
// listens. Render timings are exposed on <body data-render-ms> for the Chromium test.
import './style.css';
import { byId } from './dom';
import { DeployForm } from './deploy';
import { renderIam } from './iam';
import { highlightGroup, renderGroups, renderMap } from './map';
import type { HostMessage, ViewModel } from './protocol';
import { SHELL } from './shell';
import { renderCrossings } from './table';
import { registerToolkit } from './toolkit';
import { listen, post, savedState, saveState } from './vscodeApi';
import { mountLiveCheck } from './liveCheck';

registerToolkit();

const app = byId('app');
app.innerHTML = SHELL;
const deployForm = new DeployForm(post);
let current: ViewModel | undefined;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

const tabs = byId('tabs');
const liveCheck = mountLiveCheck(tabs, post);
/** The active tab's id. FAST reflects `activeid` to the attribute asynchronously: read the property. */
const activeTab = () =>
  String((tabs as HTMLElement & { activeid?: string }).activeid || tabs.getAttribute('activeid') || 'tab-map');
const restored = savedState();
if (restored?.tab) tabs.setAttribute('activeid', restored.tab);
tabs.addEventListener('change', () => {
  renderActiveSection();
  saveState({ uri: current?.uri ?? restored?.uri ?? '', tab: activeTab() });
});

const reveal = (pointer: string) => post({ type: 'revealState', pointer });

/** Renderers of the tab sections, by tab id; `stale` holds those not drawn for the current model yet. */
const sections: Record<string, (model: ViewModel) => void> = {
  'tab-map': (model) => {
    const svgRoot = renderMap(byId('map'), model, { reveal });
    renderGroups(byId('groups'), model, (group) => highlightGroup(svgRoot, model, group));
  },
  'tab-crossings': (model) => renderCrossings(byId('crossings'), model, reveal),
  'tab-iam': (model) => renderIam(byId('iam'), model, post),
};
const stale = new Set<string>();

function renderActiveSection(): void {
  const active = activeTab();
  if (!current || !stale.has(active)) return;
  stale.delete(active);
  sections[active]?.(current);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function render(model: ViewModel): void {
  const started = performance.now();
  current = model;
  byId('empty').hidden = true;
  tabs.hidden = false;
  byId('title').textContent = model.title;
  const f = model.findings;
  byId('summary').textContent = model.valid
    ? `${plural(model.nodes.length, 'state')} · ${plural(model.crossings.length, 'crossing')} · ${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}`
    : model.message;
  byId('crossing-count').textContent = String(model.crossings.length);
  // Only the visible section renders now; the others render when their tab opens (a 500-state definition
  // has hundreds of table rows nobody sees while looking at the map).
  for (const id of Object.keys(sections)) stale.add(id);
  const sectionStarted = performance.now();
  renderActiveSection();
  document.body.dataset.sectionMs = (performance.now() - sectionStarted).toFixed(1);
  deployForm.update(model.deploy);
  saveState({ uri: model.uri, tab: activeTab() });
  // Force style and layout so the number includes the browser's work, then record the painted frame too.
  document.body.getBoundingClientRect();
  const built = performance.now() - started;
  document.body.dataset.buildMs = built.toFixed(1);
  requestAnimationFrame(() =>
    setTimeout(() => {
      document.body.dataset.renderMs = (performance.now() - started).toFixed(1);
      document.body.dataset.renderedVersion = String(model.version);
    }, 0),
  );
}

function toast(text: string): void {
  const t = byId('toast');
  t.textContent = text;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (t.textContent = ''), 2500);
}

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'update':
      render(message.model);
      return;
    case 'empty':
      current = undefined;
      tabs.hidden = true;
      byId('title').textContent = 'Crossings';
      byId('summary').textContent = '';
      byId('empty').textContent = message.message;
      byId('empty').hidden = false;
      return;
    case 'deployProgress':
      deployForm.progress(message.step, message.status, message.message);
      return;
    case 'deployResult':
      deployForm.result(message.ok, message.message, message.functionArn);
      return;
    case 'liveCheck':
      liveCheck.update(message.check);
      return;
    case 'copied': {
      const doc = current?.iam.documents.find((d) => d.id === message.id);
      toast(`Copied ${doc?.title ?? 'the document'} to the clipboard.`);
      return;
    }
  }
}

listen(handle);
post({ type: 'ready' });
