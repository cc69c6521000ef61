// Connectivity of comparison graphs, for explaining why Bradley–Terry has no finite maximum: the
// players never all met (components), or some group never lost to the rest (strong components).

/** Component id per node (0, 1, … in order of first node) of an undirected graph given as edges. */
export function findComponents(nodes: number, from: ArrayLike<number>, to: ArrayLike<number>): Int32Array {
  const parent = Int32Array.from({ length: nodes }, (_, i) => i);
  const root = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  for (let e = 0; e < from.length; e += 1) {
    const a = root(from[e] as number);
    const b = root(to[e] as number);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const ids = new Int32Array(nodes).fill(-1);
  const component = new Int32Array(nodes);
  let count = 0;
  for (let i = 0; i < nodes; i += 1) {
    const r = root(i);
    if (ids[r] === -1) ids[r] = count++;
    component[i] = ids[r] as number;
  }
  return component;
}

/** Adjacency lists of a directed graph. */
export type Digraph = number[][];

function reach(graph: Digraph, start: number, seen: Uint8Array, order?: number[]): void {
  // Iterative DFS; `order` receives nodes in finishing order (for Kosaraju's second pass).
  const stack: [number, number][] = [[start, 0]];
  seen[start] = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as [number, number];
    const next = (graph[top[0]] as number[])[top[1]];
    if (next === undefined) {
      stack.pop();
      order?.push(top[0]);
    } else {
      top[1] += 1;
      if (seen[next] === 0) {
        seen[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
}

/**
 * Strongly connected components (Kosaraju). The first one listed is a source of the condensation:
 * no node outside it has an edge into it, so in a "scored against" graph nobody outside that group
 * ever scored a point against it.
 */
export function findStrongComponents(graph: Digraph): number[][] {
  const n = graph.length;
  const order: number[] = [];
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) if (seen[i] === 0) reach(graph, i, seen, order);
  const reverse = reverseOf(graph);
  const assigned = new Uint8Array(n);
  const components: number[][] = [];
  for (let k = n - 1; k >= 0; k -= 1) {
    const start = order[k] as number;
    if (assigned[start] === 1) continue;
    const members: number[] = [];
    reach(reverse, start, assigned, members);
    components.push(members.sort((x, y) => x - y));
  }
  return components;
}

function reverseOf(graph: Digraph): Digraph {
  const reverse: Digraph = Array.from({ length: graph.length }, () => []);
  graph.forEach((targets, i) => {
    for (const j of targets) (reverse[j] as number[]).push(i);
  });
  return reverse;
}
