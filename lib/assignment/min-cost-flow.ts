// Min-cost max-flow by successive shortest paths (primal–dual): Dijkstra with potentials finds the
// shortest distances, then a Dinic-style blocking flow pushes every shortest path at once, which
// keeps the number of Dijkstra runs near the number of distinct path costs instead of one per unit.

export type FlowGraph = {
  nodeCount: number;
  addEdge: (from: number, to: number, capacity: number, cost: number) => number;
  /** Flow on the edge returned by addEdge. */
  flowOf: (edge: number) => number;
  /**
   * Sends as much flow as possible from source to sink at minimum cost. The graph must be acyclic
   * when it is called (negative costs allowed), which gives the first potentials in one pass.
   * Nodes must be numbered in a topological order of the initial graph.
   */
  run: (source: number, sink: number) => { flow: number; cost: number };
};

export function createFlowGraph(nodeCount: number, edgeHint = 16): FlowGraph {
  let size = Math.max(16, edgeHint * 2);
  let to = new Int32Array(size);
  let next = new Int32Array(size);
  let cap = new Int32Array(size);
  let cost = new Float64Array(size);
  const head = new Int32Array(nodeCount).fill(-1);
  let edgeCount = 0;

  function grow() {
    size *= 2;
    const t = new Int32Array(size);
    t.set(to);
    to = t;
    const n = new Int32Array(size);
    n.set(next);
    next = n;
    const c = new Int32Array(size);
    c.set(cap);
    cap = c;
    const k = new Float64Array(size);
    k.set(cost);
    cost = k;
  }

  function push(from: number, target: number, capacity: number, edgeCost: number) {
    if (edgeCount >= size) grow();
    to[edgeCount] = target;
    cap[edgeCount] = capacity;
    cost[edgeCount] = edgeCost;
    next[edgeCount] = head[from] as number;
    head[from] = edgeCount;
    edgeCount += 1;
  }

  function addEdge(from: number, target: number, capacity: number, edgeCost: number): number {
    const id = edgeCount;
    push(from, target, capacity, edgeCost);
    push(target, from, 0, -edgeCost);
    return id;
  }

  function flowOf(edge: number): number {
    return cap[edge ^ 1] as number;
  }

  function run(source: number, sink: number) {
    // Lay the edges out contiguously per node (CSR), in insertion order: tie-breaking then follows
    // the order the caller (and its seed) added edges, and the scans below read memory in order.
    const m = edgeCount;
    const start = new Int32Array(nodeCount + 1);
    for (let e = 0; e < m; e += 1) {
      const from = to[e ^ 1] as number;
      start[from + 1] = (start[from + 1] as number) + 1;
    }
    for (let u = 0; u < nodeCount; u += 1) start[u + 1] = (start[u + 1] as number) + (start[u] as number);
    const fill = start.slice(0, nodeCount);
    const position = new Int32Array(m);
    for (let e = 0; e < m; e += 1) {
      const from = to[e ^ 1] as number;
      position[e] = fill[from] as number;
      fill[from] = (fill[from] as number) + 1;
    }
    const eTo = new Int32Array(m);
    const eCap = new Int32Array(m);
    const eCost = new Float64Array(m);
    const eRev = new Int32Array(m);
    for (let e = 0; e < m; e += 1) {
      const k = position[e] as number;
      eTo[k] = to[e] as number;
      eCap[k] = cap[e] as number;
      eCost[k] = cost[e] as number;
      eRev[k] = position[e ^ 1] as number;
    }

    const INF = Number.POSITIVE_INFINITY;
    const potential = new Float64Array(nodeCount).fill(INF);
    potential[source] = 0;
    for (let u = 0; u < nodeCount; u += 1) {
      const pu = potential[u] as number;
      if (pu === INF) continue;
      for (let k = start[u] as number; k < (start[u + 1] as number); k += 1) {
        if ((eCap[k] as number) <= 0) continue;
        const v = eTo[k] as number;
        const d = pu + (eCost[k] as number);
        if (d < (potential[v] as number)) potential[v] = d;
      }
    }
    for (let u = 0; u < nodeCount; u += 1) if (potential[u] === INF) potential[u] = 0;

    const dist = new Float64Array(nodeCount);
    const heapNode = new Int32Array(m + nodeCount + 1);
    const heapKey = new Float64Array(m + nodeCount + 1);
    const level = new Int32Array(nodeCount);
    const iter = new Int32Array(nodeCount);
    const queue = new Int32Array(nodeCount);
    const stackNode = new Int32Array(nodeCount + 1);
    const stackEdge = new Int32Array(nodeCount + 1);
    let totalFlow = 0;
    let totalCost = 0;

    for (;;) {
      // Dijkstra on reduced costs with a lazy binary heap.
      dist.fill(INF);
      dist[source] = 0;
      heapNode[0] = source;
      heapKey[0] = 0;
      let heapSize = 1;
      while (heapSize > 0) {
        const u = heapNode[0] as number;
        const du = heapKey[0] as number;
        heapSize -= 1;
        const lastNode = heapNode[heapSize] as number;
        const lastKey = heapKey[heapSize] as number;
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= heapSize) break;
          if (child + 1 < heapSize && (heapKey[child + 1] as number) < (heapKey[child] as number)) child += 1;
          if ((heapKey[child] as number) >= lastKey) break;
          heapNode[i] = heapNode[child] as number;
          heapKey[i] = heapKey[child] as number;
          i = child;
        }
        heapNode[i] = lastNode;
        heapKey[i] = lastKey;
        if (du > (dist[u] as number)) continue;
        const base = du + (potential[u] as number);
        for (let k = start[u] as number; k < (start[u + 1] as number); k += 1) {
          if ((eCap[k] as number) <= 0) continue;
          const v = eTo[k] as number;
          const d = base + (eCost[k] as number) - (potential[v] as number);
          if (d < (dist[v] as number)) {
            dist[v] = d;
            let j = heapSize;
            heapSize += 1;
            while (j > 0) {
              const parent = (j - 1) >> 1;
              if ((heapKey[parent] as number) <= d) break;
              heapNode[j] = heapNode[parent] as number;
              heapKey[j] = heapKey[parent] as number;
              j = parent;
            }
            heapNode[j] = v;
            heapKey[j] = d;
          }
        }
      }
      if (dist[sink] === INF) break;
      for (let u = 0; u < nodeCount; u += 1) {
        if (dist[u] !== INF) potential[u] = (potential[u] as number) + (dist[u] as number);
      }

      // Blocking flows on the admissible graph (reduced cost 0), with BFS levels so that zero-cost
      // cycles cannot trap the search.
      let pushedThisPhase = 0;
      for (;;) {
        level.fill(-1);
        level[source] = 0;
        let qh = 0;
        let qt = 0;
        queue[qt++] = source;
        while (qh < qt) {
          const u = queue[qh++] as number;
          const pu = potential[u] as number;
          for (let k = start[u] as number; k < (start[u + 1] as number); k += 1) {
            if ((eCap[k] as number) <= 0) continue;
            const v = eTo[k] as number;
            if (level[v] !== -1 || (eCost[k] as number) + pu - (potential[v] as number) !== 0) continue;
            level[v] = (level[u] as number) + 1;
            queue[qt++] = v;
          }
        }
        if (level[sink] === -1) break;
        iter.set(start.subarray(0, nodeCount));
        // Iterative DFS with current-arc pointers: each found path carries its bottleneck, then the
        // search restarts from the source, skipping arcs already known to be saturated or dead.
        for (;;) {
          let depth = 0;
          stackNode[0] = source;
          let found = false;
          while (depth >= 0) {
            const u = stackNode[depth] as number;
            if (u === sink) {
              found = true;
              break;
            }
            const pu = potential[u] as number;
            const nextLevel = (level[u] as number) + 1;
            const end = start[u + 1] as number;
            let k = iter[u] as number;
            for (; k < end; k += 1) {
              const v = eTo[k] as number;
              if (
                (eCap[k] as number) > 0 &&
                level[v] === nextLevel &&
                (eCost[k] as number) + pu - (potential[v] as number) === 0
              )
                break;
            }
            iter[u] = k;
            if (k < end) {
              stackEdge[depth] = k;
              depth += 1;
              stackNode[depth] = eTo[k] as number;
            } else {
              level[u] = -2; // dead end for this round
              depth -= 1;
              if (depth >= 0) {
                const p = stackNode[depth] as number;
                iter[p] = (iter[p] as number) + 1;
              }
            }
          }
          if (!found) break;
          let bottleneck = Number.MAX_SAFE_INTEGER;
          for (let d = 0; d < depth; d += 1)
            bottleneck = Math.min(bottleneck, eCap[stackEdge[d] as number] as number);
          for (let d = 0; d < depth; d += 1) {
            const k = stackEdge[d] as number;
            eCap[k] = (eCap[k] as number) - bottleneck;
            const r = eRev[k] as number;
            eCap[r] = (eCap[r] as number) + bottleneck;
            totalCost += bottleneck * (eCost[k] as number);
          }
          totalFlow += bottleneck;
          pushedThisPhase += bottleneck;
        }
      }
      if (pushedThisPhase === 0) break; // cannot happen with exact arithmetic; guards a float slip
    }
    for (let e = 0; e < m; e += 1) cap[e] = eCap[position[e] as number] as number;
    return { flow: totalFlow, cost: totalCost };
  }

  return { nodeCount, addEdge, flowOf, run };
}
