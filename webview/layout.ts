// The map's layered layout: longest-path layers after breaking loops with a depth-first search (Parallel
// branches and Map processors hang below their owner, and the owner's Next below them), one barycentre
// pass per layer to untangle edges, then fixed-size boxes. Linear in states + edges (plus a sort per
// layer), no DOM access: measured on 500 states.
import type { GraphEdgeView, GraphNodeView, ScopeView } from './protocol';

export const NODE_WIDTH = 208;
export const NODE_HEIGHT = 42;
const GAP_X = 28;
const GAP_Y = 46;
const MARGIN = 16;
/** Room on the left for edges that skip layers. */
const SKIP_ROOM = 40;
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

  // Layering-only edges: a Parallel/Map's Next comes after the states of its branches, so the states that
  // end a branch point (invisibly) at the owner's Next.
  const layering: number[][] = out.map((targets) => [...targets]);
  const ownerNext = new Map<string, number[]>();
  for (const e of edges)
    if (e.kind === 'next') ownerNext.set(e.from, [...(ownerNext.get(e.from) ?? []), index.get(e.to)!]);
  const continues = new Set(
    edges.filter((e) => e.kind === 'next' || e.kind === 'default' || e.kind === 'choice').map((e) => e.from),
  );
  const scopeOwner = new Map(scopes.filter((s) => s.owner).map((s) => [s.id, s.owner]));
  nodes.forEach((n, i) => {
    const owner = scopeOwner.get(n.scope);
    if (owner === undefined || continues.has(n.id)) return;
    for (const t of ownerNext.get(owner) ?? []) if (t !== undefined && t !== i) layering[i]!.push(t);
  });

  // Depth-first from the root StartAt (then any state not reached): discovery order, and the back edges
  // (to a state still on the stack) that close loops; those are ignored for layering.
  const seen = new Uint8Array(nodes.length); // 0 new, 1 on stack, 2 done
  const discovery: number[] = [];
  const back = new Set<number>(); // a * nodes.length + b
  const visit = (seed: number) => {
    if (seen[seed]) return;
    const stack: Array<[number, number]> = [[seed, 0]];
    seen[seed] = 1;
    discovery.push(seed);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [v, k] = top;
      const targets = layering[v]!;
      if (k >= targets.length) {
        seen[v] = 2;
        stack.pop();
        continue;
      }
      top[1] = k + 1;
      const w = targets[k]!;
      if (seen[w] === 1) back.add(v * nodes.length + w);
      else if (seen[w] === 0) {
        seen[w] = 1;
        discovery.push(w);
        stack.push([w, 0]);
      }
    }
  };
  const root = scopes.find((s) => s.kind === 'root');
  const rootStart = root ? index.get(root.start) : undefined;
  if (rootStart !== undefined) visit(rootStart);
  for (let i = 0; i < nodes.length; i++) visit(i);

  // Longest-path layers over the acyclic rest (Kahn's order), so a state sits below everything leading to it.
  const indegree = new Array<number>(nodes.length).fill(0);
  for (let v = 0; v < nodes.length; v++)
    for (const w of layering[v]!) if (!back.has(v * nodes.length + w)) indegree[w]!++;
  const layer = new Array<number>(nodes.length).fill(0);
  const queue = discovery.filter((v) => indegree[v] === 0);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of layering[v]!) {
      if (back.has(v * nodes.length + w)) continue;
      layer[w] = Math.max(layer[w]!, layer[v]! + 1);
      if (--indegree[w]! === 0) queue.push(w);
    }
  }

  // Group by layer in discovery order, then order each layer by the barycentre of its predecessors.
  const layers: number[][] = [];
  for (const v of discovery) (layers[layer[v]!] ??= []).push(v);
  const rank = new Array<number>(nodes.length).fill(0);
  discovery.forEach((v, i) => (rank[v] = i));
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
    row.sort((a, b) => key.get(a)! - key.get(b)! || rank[a]! - rank[b]!);
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
      placed[v] = {
        node: nodes[v]!,
        x: left + i * (NODE_WIDTH + GAP_X),
        y: MARGIN + l * (NODE_HEIGHT + GAP_Y),
        layer: l,
      };
    });
  });

  const leftmost: number[] = [];
  for (const p of placed) if (p) leftmost[p.layer] = Math.min(leftmost[p.layer] ?? Infinity, p.x);
  const placedEdges: PlacedEdge[] = [];
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    const p = placed[a]!;
    const q = placed[b]!;
    if (q.layer === p.layer + 1) {
      const x1 = p.x + NODE_WIDTH / 2;
      const y1 = p.y + NODE_HEIGHT;
      const x2 = q.x + NODE_WIDTH / 2;
      const y2 = q.y;
      const my = (y1 + y2) / 2;
      placedEdges.push({ edge: e, back: false, d: `M${x1} ${y1}C${x1} ${my} ${x2} ${my} ${x2} ${y2 - 4}` });
    } else if (q.layer > p.layer) {
      // Skips layers: leave from the left side and come back around the states in between, not through them.
      const x1 = p.x;
      const y1 = p.y + NODE_HEIGHT / 2;
      const x2 = q.x - 4;
      const y2 = q.y + NODE_HEIGHT / 2;
      let clear = Math.min(x1, x2);
      for (let l = p.layer + 1; l < q.layer; l++) clear = Math.min(clear, leftmost[l] ?? clear);
      // Out to a vertical lane left of every state in between, down, and back in (rounded corners).
      const side = Math.max(clear - 14 - Math.min((q.layer - p.layer) * 2, 12), 4);
      const r = 8;
      placedEdges.push({
        edge: e,
        back: false,
        d: `M${x1} ${y1}H${side + r}Q${side} ${y1} ${side} ${y1 + r}V${y2 - r}Q${side} ${y2} ${side + r} ${y2}H${x2}`,
      });
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
  return {
    width: MARGIN * 2 + SKIP_ROOM + contentWidth + LOOP_ROOM,
    height,
    nodes: placed.filter(Boolean),
    edges: placedEdges,
  };
}
