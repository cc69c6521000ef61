import { describe, expect, it } from "vitest";
import { similarityMap } from "./similarity";

const items = [
  { id: "h1", condition: "Human", text: "graph neural networks for molecule property prediction" },
  { id: "h2", condition: "Human", text: "protein folding with diffusion models" },
  { id: "a1", condition: "AI", text: "graph neural networks for molecule property prediction tasks" },
  { id: "a2", condition: "AI", text: "reinforcement learning for robot grasping" },
];

describe("similarity map", () => {
  it("lists the copied cross-condition pair first and summarizes means per condition pair", () => {
    const map = similarityMap({ items });
    expect(map.method).toBe("tfidf");
    expect(map.conditions).toEqual(["AI", "Human"]);
    expect(map.top[0]).toMatchObject({ a: "a1", b: "h1", conditionA: "AI", conditionB: "Human" });
    expect(map.top[0]?.similarity).toBeGreaterThan(0.8);
    expect(map.top).toHaveLength(4);
    expect(map.means.map((m) => [m.a, m.b, m.pairs])).toEqual([
      ["AI", "AI", 1],
      ["AI", "Human", 4],
      ["Human", "Human", 1],
    ]);
    const cross = map.means.find((m) => m.a !== m.b);
    expect(cross?.mean).toBeCloseTo(map.top.reduce((s, p) => s + p.similarity, 0) / 4, 10);
  });

  it("uses embeddings when given (normalized cosine) and checks their count", () => {
    const map = similarityMap({
      items: items.slice(0, 2),
      embeddings: [
        [1, 0],
        [3, 4],
      ],
    });
    expect(map.method).toBe("embeddings");
    expect(map.means[0]?.mean).toBeCloseTo(0.6, 6);
    expect(map.top).toEqual([]);
    expect(() => similarityMap({ items, embeddings: [[1, 0]] })).toThrow(/1 embeddings for 4 ideas/);
  });

  it("keeps only the top k pairs", () => {
    expect(similarityMap({ items, topK: 2 }).top).toHaveLength(2);
  });
});
