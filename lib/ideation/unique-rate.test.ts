import { describe, expect, it } from "vitest";
import { uniqueRateRows, uniqueRateSeries } from "./unique-rate";

const pt = (agentIndex: number, topicId: string, batch: number, rate: number, embeddings = 0) => ({
  agentIndex,
  topicId,
  name: "unique-rate",
  point: { batch, rate, kept: 1, seeds: batch * 5, embeddings },
});

describe("unique-rate series", () => {
  it("groups by agent and topic, keeps the last point of a replayed batch, says the method", () => {
    const series = uniqueRateSeries([
      pt(0, "t2", 1, 1),
      pt(0, "t1", 2, 0.4, 1),
      pt(0, "t1", 1, 0.8, 1),
      pt(0, "t1", 1, 0.6, 1),
      { agentIndex: 0, topicId: "t1", name: "other", point: { batch: 3, rate: 0 } },
    ]);
    expect(series.map((s) => [s.topicId, s.method])).toEqual([
      ["t1", "embeddings"],
      ["t2", "tfidf"],
    ]);
    expect(series[0]?.points.map((p) => [p.batch, p.rate])).toEqual([
      [1, 0.6],
      [2, 0.4],
    ]);
  });

  it("makes one chart row per batch with each series' rate in percent", () => {
    const rows = uniqueRateRows([
      {
        key: "a",
        points: [
          { batch: 1, rate: 0.8 },
          { batch: 2, rate: 0.25 },
        ],
      },
      { key: "b", points: [{ batch: 1, rate: 1 }] },
    ]);
    expect(rows).toEqual([
      { batch: 1, a: 80, b: 100 },
      { batch: 2, a: 25 },
    ]);
  });
});
