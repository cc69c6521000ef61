import { describe, expect, it } from "vitest";
import { buildChains } from "./build";
import { createFakeStore, createScriptedModel, paper } from "./fake-store";
import { CHAIN_DIRECTIONS } from "./types";

// A long line of work where paper i cites paper i-1: without stop rules a walk would take all of it.
const line = Array.from({ length: 20 }, (_, i) =>
  paper({
    id: `L${String(i).padStart(2, "0")}`,
    title: `Graph parsing step ${i}`,
    year: 1990 + i,
    citationCount: 10,
    refs: i === 0 ? [] : [`L${String(i - 1).padStart(2, "0")}`],
  }),
);
const lineModel = () => createScriptedModel({ queries: () => ["graph parsing"], relevant: () => true });

describe("stop rules", () => {
  it("stops at the maximum length even when the gate always says relevant, with bounded calls", async () => {
    const model = lineModel();
    const store = createFakeStore(line);
    const { chains, log } = await buildChains({
      topic: "graph parsing",
      store,
      llm: model,
      options: { k: 1, pinnedAnchorIds: ["L10"] },
    });
    expect(chains[0]?.nodes.map((n) => n.paperId)).toEqual(["L07", "L08", "L09", "L10", "L11"]);
    expect(chains[0]?.nodes.map((n) => n.direction)).toEqual([
      "backward",
      "backward",
      "backward",
      "anchor",
      "forward",
    ]);
    expect(log.some((e) => e.stage === "forward" && e.reason === "maximum length 5 reached")).toBe(true);
    expect(model.gateCalls.length).toBe(1);
    expect(store.calls.filter((c) => c.startsWith("references:")).length).toBe(3);
  });

  it("honours other length flags", async () => {
    const { chains } = await buildChains({
      topic: "graph parsing",
      store: createFakeStore(line),
      llm: lineModel(),
      options: { k: 1, pinnedAnchorIds: ["L10"], maxLength: 3, minLength: 2 },
    });
    expect(chains[0]?.nodes.map((n) => n.paperId)).toEqual(["L09", "L10", "L11"]);
  });

  it("stops backward at a milestone only once the minimum length is reached", async () => {
    const withMilestone = line.map((p) => (p.id === "L09" ? { ...p, citationCount: 1000 } : p));
    const run = (minLength: number) =>
      buildChains({
        topic: "graph parsing",
        store: createFakeStore(withMilestone),
        llm: lineModel(),
        options: { k: 1, pinnedAnchorIds: ["L10"], minLength },
      });
    const early = await run(2);
    expect(early.chains[0]?.nodes.map((n) => n.paperId)).toEqual(["L09", "L10", "L11", "L12", "L13"]);
    expect(early.log.find((e) => e.stage === "backward" && e.decision === "stopped")?.reason).toBe(
      "milestone: 1000 citations (threshold 1000)",
    );
    const late = await run(3);
    expect(late.chains[0]?.nodes.slice(0, 3).map((n) => n.paperId)).toEqual(["L07", "L08", "L09"]);
  });

  it("ends forward when no citing paper passes the gate, asking at most maxGateCalls per step", async () => {
    const star = [
      paper({ id: "A", title: "Graph parsing anchor", year: 2000 }),
      ...Array.from({ length: 9 }, (_, i) =>
        paper({ id: `C${i}`, title: `Graph parsing follow-up ${i}`, year: 2001, refs: ["A"] }),
      ),
    ];
    const model = createScriptedModel({ relevant: (c) => c.id === "A" });
    const { chains, log } = await buildChains({
      topic: "graph parsing",
      store: createFakeStore(star),
      llm: model,
      options: { k: 1, maxGateCalls: 4, pinnedAnchorIds: ["A"] },
    });
    expect(chains[0]?.nodes.map((n) => n.paperId)).toEqual(["A"]);
    const forwardCalls = model.gateCalls.filter((g) => g.anchor === "A");
    expect(forwardCalls.length).toBe(4);
    expect(log.find((e) => e.stage === "forward" && e.decision === "stopped")?.reason).toBe(
      "none of 4 citing papers passed the gate",
    );
    expect(log.at(-1)?.reason).toContain("shorter than the minimum 3");
  });
});

describe("the model's steps", () => {
  it("the forward gate judges the candidate, with the chain's anchor as context", async () => {
    const model = createScriptedModel({ queries: () => ["graph parsing"], relevant: (c) => c.id !== "L12" });
    await buildChains({
      topic: "graph parsing",
      store: createFakeStore(line),
      llm: model,
      options: { k: 1, pinnedAnchorIds: ["L10"], maxLength: 5, minLength: 1 },
    });
    const forward = model.gateCalls.filter((g) => g.anchor !== null);
    expect(forward[0]).toEqual({ anchor: "L10", candidate: "L11" });
    for (const call of forward) expect(call.candidate).not.toBe(call.anchor);
  });

  it("ignores and logs picked ids that were not offered, repeated or beyond three", async () => {
    const model = createScriptedModel({
      queries: () => ["graph parsing"],
      pick: (offered) => ["L99", offered[0]?.id ?? "", offered[0]?.id ?? "", "X1", "X2", "X3"],
    });
    const { chains, log } = await buildChains({
      topic: "graph parsing",
      store: createFakeStore(line),
      llm: model,
      options: { k: 1, pinnedAnchorIds: ["L10"] },
    });
    expect(chains[0]?.nodes[0]?.paperId).toBe("L07");
    const ignored = log.filter((e) => e.decision === "ignored");
    expect(ignored.filter((e) => e.paperId === "L99")).toHaveLength(3);
    expect(ignored.some((e) => e.reason.includes("picked twice"))).toBe(true);
    expect(ignored.some((e) => e.paperId === "X1" && e.reason.includes("not among the offered"))).toBe(true);
  });

  it("below the minimum length takes the best reference when the model picks none; above it, stops", async () => {
    const model = createScriptedModel({ queries: () => ["graph parsing"], pick: () => ["nope"] });
    const { chains, log } = await buildChains({
      topic: "graph parsing",
      store: createFakeStore(line),
      llm: model,
      options: { k: 1, pinnedAnchorIds: ["L10"], maxLength: 5, minLength: 3 },
    });
    expect(chains[0]?.nodes.map((n) => n.direction)).toEqual([
      "backward",
      "backward",
      "anchor",
      "forward",
      "forward",
    ]);
    expect(chains[0]?.nodes[0]?.reason).toContain("below the minimum length");
    expect(log.find((e) => e.stage === "backward" && e.decision === "stopped")?.reason).toBe(
      "the model picked no reference: scripted pick",
    );
  });
});

describe("anchors", () => {
  const papers = [
    paper({ id: "a1", title: "Graph neural networks for molecule property prediction", year: 2019 }),
    paper({
      id: "a2",
      title: "Graph neural networks for molecule property prediction revisited",
      year: 2020,
    }),
    paper({ id: "b1", title: "Message passing on molecule graphs for chemistry", year: 2018 }),
    paper({ id: "z9", title: "Unrelated networks of roads", year: 2018 }),
  ];
  it("are distinct and penalize overlap with earlier anchors", async () => {
    const { chains } = await buildChains({
      topic: "graph neural networks molecule property",
      store: createFakeStore(papers),
      options: { k: 2 },
    });
    const anchors = chains.map((c) => c.anchorId);
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(anchors).toHaveLength(2);
    expect(anchors[1]).toBe("b1");
  });

  it("start with the pinned ones and skip the user's removals", async () => {
    const { chains } = await buildChains({
      topic: "graph neural networks molecule property",
      store: createFakeStore(papers),
      options: { k: 2, pinnedAnchorIds: ["b1"], excludedIds: ["a1"] },
    });
    expect(chains.map((c) => c.anchorId)).toEqual(["b1", "a2"]);
  });
});

describe("output shape (fields never swapped)", () => {
  it("pins the keys of a result, a chain, a node and a log entry", async () => {
    const result = await buildChains({
      topic: "graph parsing",
      store: createFakeStore(line),
      options: { k: 1, pinnedAnchorIds: ["L10"] },
    });
    expect(Object.keys(result).sort()).toEqual(["chains", "log", "queries"]);
    const chain = result.chains[0];
    expect(Object.keys(chain ?? {}).sort()).toEqual(["anchorId", "nodes"]);
    const node = chain?.nodes.find((n) => n.direction === "anchor");
    expect(node).toEqual({
      paperId: "L10",
      title: "Graph parsing step 10",
      year: 2000,
      date: null,
      citationCount: 10,
      direction: "anchor",
      reason: "pinned by the user",
    });
    for (const n of chain?.nodes ?? []) expect(CHAIN_DIRECTIONS).toContain(n.direction);
    for (const e of result.log)
      expect(Object.keys(e).sort()).toEqual(["chain", "decision", "paperId", "reason", "stage"]);
  });
});
