// The map: draws the laid-out state graph as SVG (crossing states striped in their group's colour,
// with a badge for the kind of target and a findings count), one roving tab stop with arrow-key
// navigation, Enter/click to reveal a state in the editor, and the list of crossing groups beside it.
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './layout';
import type { CrossingGroupView, GroupKind, ViewModel } from './protocol';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PALETTE_SIZE = 6;
const MAX_NAME = 24;

export const GROUP_LABELS: Record<GroupKind, string> = { region: 'Region', account: 'Account / role', endpoint: 'API endpoint' };
const GROUP_BADGES: Record<GroupKind, string> = { region: 'R', account: 'A', endpoint: 'API' };

export interface MapCallbacks {
  reveal(pointer: string): void;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const groupClass = (group: number) => `group-${group % PALETTE_SIZE}`;

/** Replaces the content of `host` with the map of `model`. */
export function renderMap(host: HTMLElement, model: ViewModel, callbacks: MapCallbacks): SVGSVGElement {
  const layout = layoutGraph(model.nodes, model.edges, model.scopes);
  const root = svg('svg', {
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'group',
    'aria-label': `State graph of ${model.title}: ${model.nodes.length} states. Arrow keys move between states, Enter reveals one in the editor.`,
    class: 'map-svg',
  });
  const defs = svg('defs', {});
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.appendChild(svg('path', { d: 'M0 0L8 4L0 8z', class: 'arrow-head' }));
  defs.appendChild(marker);
  root.appendChild(defs);

  const edgeLayer = svg('g', { class: 'edges', 'aria-hidden': 'true' });
  for (const e of layout.edges) {
    edgeLayer.appendChild(svg('path', { d: e.d, class: `edge edge-${e.edge.kind}${e.back ? ' edge-back' : ''}`, 'marker-end': 'url(#arrow)' }));
  }
  root.appendChild(edgeLayer);

  const nodeLayer = svg('g', { class: 'nodes' });
  const items: SVGGElement[] = [];
  const byId = new Map<string, SVGGElement>();
  for (const p of layout.nodes) {
    const n = p.node;
    const group: CrossingGroupView | undefined = n.group >= 0 ? model.groups[n.group] : undefined;
    const classes = ['state', `type-${n.type.toLowerCase() || 'unknown'}`];
    if (group) classes.push('crossing', groupClass(n.group));
    if (n.findings > 0) classes.push('has-findings');
    if (n.start) classes.push('start');
    const label = [
      `${n.name} (${n.type || 'no Type'})`,
      group ? `crosses to ${GROUP_LABELS[group.kind].toLowerCase()} ${group.target}` : '',
      n.findings ? `${n.findings} finding${n.findings === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const g = svg('g', {
      class: classes.join(' '),
      transform: `translate(${p.x} ${p.y})`,
      role: 'button',
      tabindex: -1,
      'aria-label': label,
      'data-pointer': n.id,
    });
    const title = svg('title', {});
    title.textContent = label;
    g.appendChild(title);
    g.appendChild(svg('rect', { class: 'box', width: NODE_WIDTH, height: NODE_HEIGHT, rx: 5 }));
    if (group) {
      g.appendChild(svg('rect', { class: 'stripe', width: 6, height: NODE_HEIGHT, rx: 2 }));
      const badge = svg('text', { class: 'badge', x: NODE_WIDTH - 6, y: 14, 'text-anchor': 'end' });
      badge.textContent = GROUP_BADGES[group.kind];
      g.appendChild(badge);
    }
    const name = svg('text', { class: 'name', x: 14, y: 18 });
    name.textContent = truncate(n.name, group ? MAX_NAME - 3 : MAX_NAME);
    g.appendChild(name);
    const type = svg('text', { class: 'type', x: 14, y: 34 });
    type.textContent = n.type || '(no Type)';
    g.appendChild(type);
    if (n.findings > 0) {
      const f = svg('text', { class: 'findings', x: NODE_WIDTH - 6, y: 34, 'text-anchor': 'end' });
      f.textContent = `⚠ ${n.findings}`;
      g.appendChild(f);
    }
    items.push(g);
    byId.set(n.id, g);
  }
  // Document order for keyboard navigation (layout order is visual; the editor's order is the text's).
  const ordered = model.nodes.map((n) => byId.get(n.id)!).filter(Boolean);
  for (const g of ordered) nodeLayer.appendChild(g);
  root.appendChild(nodeLayer);

  let current = ordered[0];
  if (current) current.setAttribute('tabindex', '0');
  const focus = (g: SVGGElement | undefined) => {
    if (!g) return;
    current?.setAttribute('tabindex', '-1');
    g.setAttribute('tabindex', '0');
    current = g;
    g.focus();
  };
  const stateOf = (target: EventTarget | null) => (target instanceof Element ? (target.closest('g.state') as SVGGElement | null) : null);
  root.addEventListener('click', (event) => {
    const g = stateOf(event.target);
    if (!g) return;
    focus(g);
    callbacks.reveal(g.dataset.pointer ?? '');
  });
  root.addEventListener('keydown', (event) => {
    const g = stateOf(event.target);
    if (!g) return;
    const i = ordered.indexOf(g);
    let next: SVGGElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        next = ordered[Math.min(i + 1, ordered.length - 1)];
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        next = ordered[Math.max(i - 1, 0)];
        break;
      case 'Home':
        next = ordered[0];
        break;
      case 'End':
        next = ordered[ordered.length - 1];
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        callbacks.reveal(g.dataset.pointer ?? '');
        return;
      default:
        return;
    }
    event.preventDefault();
    focus(next);
  });

  host.replaceChildren(root);
  return root;
}

/** Highlights the states of one group (or clears the highlight with -1) and brings the first into view. */
export function highlightGroup(svgRoot: SVGSVGElement, model: ViewModel, group: number): void {
  const members = new Set(group >= 0 ? (model.groups[group]?.states ?? []) : []);
  svgRoot.classList.toggle('filtering', members.size > 0);
  let first: SVGGElement | undefined;
  for (const g of svgRoot.querySelectorAll<SVGGElement>('g.state')) {
    const on = members.has(g.dataset.pointer ?? '');
    g.classList.toggle('highlight', on);
    if (on && !first) first = g;
  }
  first?.scrollIntoView({ block: 'center', inline: 'center' });
}

/** The list of crossing groups next to the map: one button per group, which highlights its states. */
export function renderGroups(host: HTMLElement, model: ViewModel, onSelect: (group: number) => void): void {
  host.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = 'Crossing targets';
  host.appendChild(heading);
  if (model.groups.length === 0) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = 'No state crosses a region, account or API boundary.';
    host.appendChild(p);
    return;
  }
  const kinds: GroupKind[] = ['region', 'account', 'endpoint'];
  for (const kind of kinds) {
    const groups = model.groups.map((g, i) => ({ g, i })).filter(({ g }) => g.kind === kind);
    if (groups.length === 0) continue;
    const h = document.createElement('h3');
    h.textContent = GROUP_LABELS[kind];
    host.appendChild(h);
    const list = document.createElement('ul');
    list.className = 'groups';
    for (const { g, i } of groups) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `group-button ${groupClass(i)}`;
      button.setAttribute('aria-pressed', 'false');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.setAttribute('aria-hidden', 'true');
      const target = document.createElement('span');
      target.className = 'target';
      target.textContent = g.target;
      const n = document.createElement('span');
      n.className = 'count';
      n.textContent = `${g.states.length} state${g.states.length === 1 ? '' : 's'}`;
      button.append(swatch, target, n);
      button.title = `Highlight the states that cross to ${g.target}`;
      button.addEventListener('click', () => {
        const pressed = button.getAttribute('aria-pressed') === 'true';
        for (const b of host.querySelectorAll('button.group-button')) b.setAttribute('aria-pressed', 'false');
        button.setAttribute('aria-pressed', pressed ? 'false' : 'true');
        onSelect(pressed ? -1 : i);
      });
      li.appendChild(button);
      list.appendChild(li);
    }
    host.appendChild(list);
  }
}
