// The map's layered layout: breadth-first layers from the root StartAt (Parallel branches and Map
// processors hang below their owner), one barycentre pass per layer to untangle edges, then fixed-size
// boxes. Linear in states + edges (plus a sort per layer), no DOM access: measured on 500 states.
import type { GraphEdgeView, GraphNodeView, ScopeView } from './protocol';

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 42;
const GAP_X = 28;
const GAP_Y = 46;
const MARGIN = 16;
/** Room on the right for back edges that loop around. */
const LOOP_ROOM = 60;

export interface PlacedNode {
  node: GraphNodeView;
  x: number;
  y: number;
  layer: number;
}

export interface PlacedEdge {
  edge: GraphEdgeView;
  /** SVG path data. */
  d: string;
  back: boolean;
}

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export function layoutGraph(nodes: GraphNodeView[], edges: GraphEdgeView[], scopes: ScopeView[]): Layout {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
  const out: number[][] = nodes.map(() => []);
  const incoming: number[][] = nodes.map(() => []);
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    out[a]!.push(b);
    incoming[b]!.push(a);
  }

  // Breadth-first layers. Seeds: the root scope's start, then (for anything unreached) each scope's
  // start, then any remaining state in document order.
  const layer = new Array<number>(nodes.length).fill(-1);
  const order: number[] = [];
  const bfs = (seed: number, depth: number) => {
    if (layer[seed] !== -1) return;
    layer[seed] = depth;
    const queue = [seed];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      order.push(v);
      for (const w of out[v]!) {
        if (layer[w] === -1) {
          layer[w] = layer[v]! + 1;
          queue.push(w);
        }
      }
    }
  };
  const maxLayer = () => layer.reduce((m, l) => Math.max(m, l), -1);
  const root = scopes.find((s) => s.kind === 'root');
  const rootStart = root ? index.get(root.start) : undefined;
  if (rootStart !== undefined) bfs(rootStart, 0);
  for (const s of scopes) {
    const start = index.get(s.start);
    if (start === undefined || layer[start] !== -1) continue;
    const owner = index.get(s.owner);
    bfs(start, owner !== undefined && layer[owner] !== -1 ? layer[owner]! + 1 : maxLayer() + 1);
  }
  for (let i = 0; i < nodes.length; i++) if (layer[i] === -1) bfs(i, maxLayer() + 1);

  // Group by layer in discovery order, then order each layer by the barycentre of its predecessors.
  const layers: number[][] = [];
  for (const v of order) (layers[layer[v]!] ??= []).push(v);
  const position = new Array<number>(nodes.length).fill(0);
  for (const row of layers) {
    if (!row) continue;
    const key = new Map<number, number>();
    row.forEach((v, i) => {
      let sum = 0;
      let n = 0;
      for (const u of incoming[v]!)
        if (layer[u]! < layer[v]!) {
          sum += position[u]!;
          n++;
        }
      key.set(v, n ? sum / n : i);
    });
    row.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
    row.forEach((v, i) => (position[v] = i));
  }

  const widest = layers.reduce((m, row) => Math.max(m, row?.length ?? 0), 0);
  const rowWidth = (n: number) => n * NODE_WIDTH + (n - 1) * GAP_X;
  const contentWidth = rowWidth(Math.max(widest, 1));
  const placed: PlacedNode[] = new Array(nodes.length);
  layers.forEach((row, l) => {
    if (!row) return;
    const left = MARGIN + (contentWidth - rowWidth(row.length)) / 2;
    row.forEach((v, i) => {
      placed[v] = { node: nodes[v]!, x: left + i * (NODE_WIDTH + GAP_X), y: MARGIN + l * (NODE_HEIGHT + GAP_Y), layer: l };
    });
  });

  const placedEdges: PlacedEdge[] = [];
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    const p = placed[a]!;
    const q = placed[b]!;
    if (q.layer > p.layer) {
      const x1 = p.x + NODE_WIDTH / 2;
      const y1 = p.y + NODE_HEIGHT;
      const x2 = q.x + NODE_WIDTH / 2;
      const y2 = q.y;
      const my = (y1 + y2) / 2;
      placedEdges.push({ edge: e, back: false, d: `M${x1} ${y1}C${x1} ${my} ${x2} ${my} ${x2} ${y2 - 4}` });
    } else {
      // Back edge, self-loop or same layer: leave from the right side, loop around, enter on the right.
      const x1 = p.x + NODE_WIDTH;
      const y1 = p.y + NODE_HEIGHT / 2;
      const x2 = q.x + NODE_WIDTH + 4;
      const y2 = q.y + NODE_HEIGHT / 2;
      const bulge = Math.max(x1, x2) + 30 + Math.min(Math.abs(y1 - y2) / 20, 20);
      placedEdges.push({ edge: e, back: true, d: `M${x1} ${y1}C${bulge} ${y1} ${bulge} ${y2} ${x2} ${y2}` });
    }
  }

  const height = MARGIN * 2 + Math.max(layers.length, 1) * (NODE_HEIGHT + GAP_Y) - GAP_Y;
  return { width: MARGIN * 2 + contentWidth + LOOP_ROOM, height, nodes: placed.filter(Boolean), edges: placedEdges };
}
