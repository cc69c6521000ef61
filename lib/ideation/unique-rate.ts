// The run page's saturation chart data: the "unique-rate" metric points an overgenerate agent emits
// per seed batch (server/ideation/odr-seeds.ts), grouped per agent and topic. A resumed run replays
// its checkpointed batches and emits their points again, so the last point of a batch wins.

export type MetricPointRow = {
  agentIndex: number;
  topicId: string;
  name: string;
  point: Record<string, number>;
};

export type UniqueRateSeries = {
  agentIndex: number;
  topicId: string;
  method: "embeddings" | "tfidf";
  /** One per batch, in batch order; rate in [0, 1]. */
  points: { batch: number; rate: number; kept: number; seeds: number }[];
};

export function uniqueRateSeries(rows: readonly MetricPointRow[]): UniqueRateSeries[] {
  const groups = new Map<
    string,
    {
      agentIndex: number;
      topicId: string;
      embeddings: boolean;
      byBatch: Map<number, UniqueRateSeries["points"][number]>;
    }
  >();
  for (const r of rows) {
    if (r.name !== "unique-rate") continue;
    const { batch, rate, kept = 0, seeds = 0, embeddings = 0 } = r.point;
    if (batch === undefined || rate === undefined) continue;
    const key = `${r.agentIndex}\u0000${r.topicId}`;
    let g = groups.get(key);
    if (!g) {
      g = { agentIndex: r.agentIndex, topicId: r.topicId, embeddings: embeddings === 1, byBatch: new Map() };
      groups.set(key, g);
    }
    g.byBatch.set(batch, { batch, rate, kept, seeds });
  }
  return [...groups.values()]
    .sort((a, b) => a.agentIndex - b.agentIndex || (a.topicId < b.topicId ? -1 : 1))
    .map((g) => ({
      agentIndex: g.agentIndex,
      topicId: g.topicId,
      method: g.embeddings ? "embeddings" : "tfidf",
      points: [...g.byBatch.values()].sort((a, b) => a.batch - b.batch),
    }));
}

/** Chart rows: one per batch, a column per series key (rate in percent), for a line per series. */
export function uniqueRateRows(
  series: readonly { key: string; points: { batch: number; rate: number }[] }[],
) {
  const batches = [...new Set(series.flatMap((s) => s.points.map((p) => p.batch)))].sort((a, b) => a - b);
  return batches.map((batch) => {
    const row: Record<string, number> = { batch };
    for (const s of series) {
      const p = s.points.find((x) => x.batch === batch);
      if (p) row[s.key] = Math.round(p.rate * 1000) / 10;
    }
    return row;
  });
}
