import type { IndexedEntity, IndexedEntityType } from '../index';

/** What the co-occurrence graph reads of the workspace index. */
export interface CooccurrenceSource {
  files(): string[];
  outletOf(file: string): string | null;
  entitiesInFile(file: string): { entity: IndexedEntity }[];
}

/** Which part of the graph to show. */
export interface GraphQuery {
  /** Entity types shown (default people and organizations). */
  types?: readonly IndexedEntityType[];
  /** Only articles of this outlet (null or absent: all). */
  outlet?: string | null;
  /** Edges of fewer shared articles are left out (default 1). */
  minWeight?: number;
  /** At most this many nodes, most mentioned first (default 60, at most 400). */
  limit?: number;
  /** Entities whose name or alias contains this (case-insensitive) come first, with their strongest neighbours. */
  search?: string;
}

/** One entity in the graph. */
export interface GraphNode {
  id: string;
  name: string;
  type: IndexedEntityType;
  /** Mentions in the articles in scope. */
  mentions: number;
  /** Articles in scope that mention it. */
  articles: number;
  /** Position from {@link layoutGraph}, in [0, 1]. */
  x: number;
  y: number;
  /** True when the search matched it. */
  match: boolean;
}

/** Two entities named in the same articles. */
export interface GraphEdge {
  /** Indexes into the graph's nodes. */
  source: number;
  target: number;
  /** Articles that name both. */
  weight: number;
}

/** The graph to draw, and what was left out. */
export interface CooccurrenceGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Entities of the chosen types in scope, before the limit. */
  total: number;
  /** Outlets there are to filter by. */
  outlets: string[];
}

const DEFAULT_TYPES: readonly IndexedEntityType[] = ['person', 'organization'];
const MAX_NODES = 400;

/**
 * People and organizations as nodes sized by mentions, co-occurrence in articles as weighted edges.
 * Scans each article in scope once for its entities (a BBC-sized workspace in tens of milliseconds),
 * keeps the `limit` most mentioned (or the search's matches and their strongest neighbours) and lays
 * them out with {@link layoutGraph}. The same index and query give the same graph.
 */
export function buildCooccurrenceGraph(source: CooccurrenceSource, query: GraphQuery = {}): CooccurrenceGraph {
  const types = new Set(query.types?.length ? query.types : DEFAULT_TYPES);
  const minWeight = Math.max(1, Math.floor(query.minWeight ?? 1));
  const limit = Math.max(1, Math.min(MAX_NODES, Math.floor(query.limit ?? 60)));
  const search = (query.search ?? '').trim().toLowerCase();
  const outlets = new Set<string>();
  const stats = new Map<string, { entity: IndexedEntity; mentions: number; files: number }>();
  const perFile: string[][] = [];
  for (const file of source.files()) {
    const outlet = source.outletOf(file);
    if (outlet) outlets.add(outlet);
    if (query.outlet && outlet !== query.outlet) continue;
    const seen = new Set<string>();
    for (const { entity } of source.entitiesInFile(file)) {
      if (!types.has(entity.type)) continue;
      let s = stats.get(entity.id);
      if (!s) stats.set(entity.id, (s = { entity, mentions: 0, files: 0 }));
      s.mentions++;
      if (!seen.has(entity.id)) {
        seen.add(entity.id);
        s.files++;
      }
    }
    if (seen.size > 1) perFile.push([...seen]);
  }
  const ranked = [...stats.values()].sort((a, b) => b.mentions - a.mentions || b.files - a.files || (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : 0));
  const matches = (e: IndexedEntity) => !!search && [e.name, ...e.aliases].some((n) => n.toLowerCase().includes(search));

  let chosen: string[];
  if (search) {
    const hits = ranked.filter((s) => matches(s.entity)).slice(0, limit).map((s) => s.entity.id);
    const hitSet = new Set(hits);
    // The rest of the room goes to the matches' strongest neighbours.
    const neighbour = new Map<string, number>();
    for (const ids of perFile) {
      if (!ids.some((id) => hitSet.has(id))) continue;
      for (const id of ids) if (!hitSet.has(id)) neighbour.set(id, (neighbour.get(id) ?? 0) + 1);
    }
    const extra = [...neighbour].sort((a, b) => b[1] - a[1] || stats.get(b[0])!.mentions - stats.get(a[0])!.mentions || (a[0] < b[0] ? -1 : 1)).slice(0, Math.max(0, limit - hits.length)).map(([id]) => id);
    chosen = [...hits, ...extra];
  } else chosen = ranked.slice(0, limit).map((s) => s.entity.id);

  const position = new Map(chosen.map((id, i) => [id, i]));
  const weights = new Map<number, number>();
  for (const ids of perFile) {
    const inGraph = ids.map((id) => position.get(id)).filter((i): i is number => i !== undefined).sort((a, b) => a - b);
    for (let a = 0; a < inGraph.length; a++) {
      for (let b = a + 1; b < inGraph.length; b++) {
        const key = inGraph[a] * MAX_NODES + inGraph[b];
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  const edges: GraphEdge[] = [...weights]
    .filter(([, w]) => w >= minWeight)
    .map(([key, weight]) => ({ source: Math.floor(key / MAX_NODES), target: key % MAX_NODES, weight }))
    .sort((a, b) => a.source - b.source || a.target - b.target);
  const positions = layoutGraph(chosen.length, edges);
  const nodes: GraphNode[] = chosen.map((id, i) => {
    const s = stats.get(id)!;
    return { id, name: s.entity.name, type: s.entity.type, mentions: s.mentions, articles: s.files, x: positions[i].x, y: positions[i].y, match: matches(s.entity) };
  });
  return { nodes, edges, total: stats.size, outlets: [...outlets].sort() };
}

/**
 * A deterministic force layout (Fruchterman and Reingold 1991): nodes start on a sunflower spiral in
 * input order (the most mentioned in the middle), repel one another, edges pull by their weight, the
 * step cools linearly; no randomness, so the same graph always gets the same picture. Quadratic in
 * the nodes per iteration: meant for the few hundred a picture can show. Positions are scaled into
 * [0, 1].
 */
export function layoutGraph(count: number, edges: readonly GraphEdge[], iterations = 200): { x: number; y: number }[] {
  if (!count) return [];
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < count; i++) {
    const r = Math.sqrt((i + 0.5) / count);
    x[i] = r * Math.cos(i * golden);
    y[i] = r * Math.sin(i * golden);
  }
  const k = Math.sqrt(4 / count);
  const maxWeight = edges.reduce((m, e) => Math.max(m, e.weight), 1);
  const dx = new Float64Array(count);
  const dy = new Float64Array(count);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < count; i++) {
      for (let j = i + 1; j < count; j++) {
        const ddx = x[i] - x[j];
        const ddy = y[i] - y[j];
        const d2 = Math.max(ddx * ddx + ddy * ddy, 1e-6);
        const f = (k * k) / d2;
        dx[i] += ddx * f;
        dy[i] += ddy * f;
        dx[j] -= ddx * f;
        dy[j] -= ddy * f;
      }
    }
    for (const e of edges) {
      const ddx = x[e.source] - x[e.target];
      const ddy = y[e.source] - y[e.target];
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-3;
      const f = (d / k) * (0.3 + 0.7 * (e.weight / maxWeight));
      dx[e.source] -= ddx * f;
      dy[e.source] -= ddy * f;
      dx[e.target] += ddx * f;
      dy[e.target] += ddy * f;
    }
    const temperature = 0.1 * (1 - it / iterations) + 0.002;
    for (let i = 0; i < count; i++) {
      // A weak pull to the centre keeps nodes without edges from drifting off.
      dx[i] -= x[i] * 0.5;
      dy[i] -= y[i] * 0.5;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const step = Math.min(d, temperature);
      x[i] += (dx[i] / d) * step;
      y[i] += (dy[i] / d) * step;
    }
  }
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    minX = Math.min(minX, x[i]);
    maxX = Math.max(maxX, x[i]);
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i]);
  }
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  return Array.from({ length: count }, (_, i) => ({ x: count === 1 ? 0.5 : (x[i] - minX) / spanX, y: count === 1 ? 0.5 : (y[i] - minY) / spanY }));
}
