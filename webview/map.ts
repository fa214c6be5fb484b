// The map: draws the laid-out state graph as SVG (crossing states striped in their group's colour,
// with a badge for the kind of target and a findings count), one roving tab stop with arrow-key
// navigation, Enter/click to reveal a state in the editor, and the list of crossing groups beside it.
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './layout';
import type { CrossingGroupView, GroupKind, ViewModel } from './protocol';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PALETTE_SIZE = 6;
/** Names are cut to this many characters (about the box's width in an average font); fitNames() trims wide glyphs. */
const MAX_NAME = 27;

export const GROUP_LABELS: Record<GroupKind, string> = {
  region: 'Region',
  account: 'Account / role',
  endpoint: 'API endpoint',
};
const GROUP_BADGES: Record<GroupKind, string> = { region: 'R', account: 'A', endpoint: 'API' };

export interface MapCallbacks {
  reveal(pointer: string): void;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const SEVERITY_ICONS = { error: '⛔', warning: '⚠', info: 'ℹ' } as const;
/** Room for a name: the box minus its left padding and a right margin. */
const NAME_WIDTH = NODE_WIDTH - 14 - 8;

/**
 * Shortens (with an ellipsis) each drawn name wider than its box, measured as rendered (the font of the
 * theme decides, not a character count); the full name stays in the node's tooltip and aria-label.
 */
function fitNames(root: Element): void {
  for (const text of root.querySelectorAll<SVGTextElement>('text.name')) {
    const full = text.textContent ?? '';
    if (typeof text.getComputedTextLength !== 'function' || text.getComputedTextLength() <= NAME_WIDTH) continue;
    let lo = 1;
    let hi = full.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      text.textContent = `${full.slice(0, mid)}…`;
      if (text.getComputedTextLength() <= NAME_WIDTH) lo = mid;
      else hi = mid - 1;
    }
    text.textContent = `${full.slice(0, lo)}…`;
  }
}

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
  // One markup string parsed once is several times faster than thousands of createElementNS calls (500
  // states = ~4000 elements). Every data value goes through escapeXml; the markup has no style attribute.
  const parts: string[] = [
    '<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L8 4L0 8z" class="arrow-head"/></marker></defs>',
    '<g class="edges" aria-hidden="true">',
  ];
  for (const e of layout.edges)
    parts.push(
      `<path d="${e.d}" class="edge edge-${e.edge.kind}${e.back ? ' edge-back' : ''}" marker-end="url(#arrow)"/>`,
    );
  parts.push('</g><g class="nodes">');
  const placed = new Map(layout.nodes.map((p) => [p.node.id, p]));
  // Document order for keyboard navigation (layout order is visual; the editor's order is the text's).
  for (const n of model.nodes) {
    const p = placed.get(n.id);
    if (!p) continue;
    const group: CrossingGroupView | undefined = n.group >= 0 ? model.groups[n.group] : undefined;
    let classes = `state type-${escapeXml(n.type.toLowerCase().replace(/\s+/g, '-')) || 'unknown'}`;
    if (group) classes += ` crossing ${groupClass(n.group)}`;
    if (n.findings > 0) classes += ' has-findings';
    if (n.start) classes += ' start';
    const label = [
      `${n.name} (${n.type || 'no Type'})`,
      group ? `crosses to ${GROUP_LABELS[group.kind].toLowerCase()} ${group.target}` : '',
      n.findings ? `${n.findings} finding${n.findings === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    parts.push(
      `<g class="${classes}" transform="translate(${p.x} ${p.y})" role="button" tabindex="-1" aria-label="${escapeXml(label)}" data-pointer="${escapeXml(n.id)}">`,
      `<rect class="box" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="5"/>`,
    );
    // Line 1: the name over the whole width. Line 2: the type, then (right-aligned) the kind badge and the
    // findings count with the icon of their worst severity, so nothing overlaps the name.
    const findingsWidth = n.findings > 0 ? 14 + 7 * String(n.findings).length : 0;
    if (group)
      parts.push(
        `<rect class="stripe" width="6" height="${NODE_HEIGHT}" rx="2"/><text class="badge" x="${NODE_WIDTH - 6 - findingsWidth - (findingsWidth ? 6 : 0)}" y="34" text-anchor="end">${GROUP_BADGES[group.kind]}</text>`,
      );
    parts.push(
      `<text class="name" x="14" y="18">${escapeXml(truncate(n.name, MAX_NAME))}</text>`,
      `<text class="type" x="14" y="34">${escapeXml(n.type || '(no Type)')}</text>`,
    );
    if (n.findings > 0)
      parts.push(
        `<text class="findings findings-${n.severity || 'info'}" x="${NODE_WIDTH - 6}" y="34" text-anchor="end">${SEVERITY_ICONS[n.severity || 'info']} ${n.findings}</text>`,
      );
    parts.push('</g>');
  }
  parts.push('</g>');
  root.innerHTML = parts.join('');
  fitNames(root);
  const ordered = [...root.querySelectorAll<SVGGElement>('g.state')];
  // The full label as a tooltip, created when the pointer first rests on a state (not 500 up front).
  root.addEventListener('pointerover', (event) => {
    const g = event.target instanceof Element ? event.target.closest('g.state') : null;
    if (!g || g.querySelector('title')) return;
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = g.getAttribute('aria-label');
    g.prepend(title);
  });

  let current = ordered[0];
  if (current) current.setAttribute('tabindex', '0');
  const focus = (g: SVGGElement | undefined, preventScroll = false) => {
    if (!g) return;
    current?.setAttribute('tabindex', '-1');
    g.setAttribute('tabindex', '0');
    current = g;
    g.focus({ preventScroll });
  };
  const stateOf = (target: EventTarget | null) =>
    target instanceof Element ? (target.closest('g.state') as SVGGElement | null) : null;
  root.addEventListener('click', (event) => {
    const g = stateOf(event.target);
    if (!g) return;
    focus(g, true); // the user clicked what they see: do not scroll the map under the pointer
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
