import { describe, expect, it } from "vitest";
import { buildChains } from "./build";
import { effectiveDate } from "./cutoff";
import { createFakeStore, createScriptedModel, paper } from "./fake-store";
import type { Chain } from "./types";

// A small citation graph about neural machine translation (refs point to older papers), plus an
// off-topic paper and one published after the cut-off used below.
const corpus = [
  paper({
    id: "p01",
    title: "Statistical machine translation with phrase models",
    year: 1993,
    citationCount: 2500,
    abstract: "A statistical translation model.",
  }),
  paper({
    id: "p02",
    title: "Word alignment for statistical machine translation",
    year: 1996,
    citationCount: 400,
    refs: ["p01"],
  }),
  paper({
    id: "p03",
    title: "Sequence to sequence learning for translation with neural networks",
    year: 2014,
    citationCount: 900,
    refs: ["p02", "p01"],
  }),
  paper({
    id: "p04",
    title: "Neural machine translation by jointly learning to align with attention",
    year: 2015,
    date: "2015-05-01",
    citationCount: 20000,
    refs: ["p03", "p02"],
  }),
  paper({
    id: "p05",
    title: "Effective attention for neural machine translation",
    year: 2015,
    date: "2015-08-01",
    citationCount: 5000,
    refs: ["p04", "p03"],
  }),
  paper({
    id: "p06",
    title: "Attention is all you need: transformer translation",
    year: 2017,
    citationCount: 50000,
    refs: ["p04", "p05"],
  }),
  paper({
    id: "p07",
    title: "Low-resource neural machine translation with attention",
    year: 2019,
    citationCount: 30,
    refs: ["p06", "p05"],
  }),
  paper({
    id: "p08",
    title: "Cooking recipes with grandmother",
    year: 2016,
    citationCount: 3,
    refs: ["p04"],
  }),
  paper({
    id: "p09",
    title: "Neural machine translation attention from the future",
    year: 2030,
    citationCount: 1,
    refs: ["p07", "p06"],
  }),
];
const edges = new Set(corpus.flatMap((p) => p.refs.map((r) => `${p.id}>${r}`)));
const TOPIC = "attention for neural machine translation";

function directions(chain: Chain): string {
  return chain.nodes.map((n) => n.direction[0]).join("");
}

/** Each node is cited by the next one: backward and forward walks followed real edges. */
function expectLinked(chain: Chain) {
  for (let i = 1; i < chain.nodes.length; i += 1) {
    const older = chain.nodes[i - 1]?.paperId;
    const newer = chain.nodes[i]?.paperId;
    expect(edges.has(`${newer}>${older}`), `${newer} cites ${older}`).toBe(true);
  }
}

describe("buildChains without a model", () => {
  it("orders nodes oldest first: backward, one anchor, forward, along citation edges", async () => {
    const result = await buildChains({ topic: TOPIC, store: createFakeStore(corpus), options: { k: 1 } });
    expect(result.queries[0]).toBe("attention neural machine translation");
    const [chain] = result.chains;
    if (!chain) throw new Error("no chain");
    expect(directions(chain)).toMatch(/^b*af*$/);
    expect(chain.nodes.length).toBeGreaterThanOrEqual(3);
    expect(chain.nodes.length).toBeLessThanOrEqual(5);
    expectLinked(chain);
    const years = chain.nodes.map((n) => n.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    for (const node of chain.nodes) expect(node.reason.length).toBeGreaterThan(0);
  });

  it("gives the same chains and log for the same inputs and seed, whatever order the store returns", async () => {
    const a = await buildChains({ topic: TOPIC, store: createFakeStore(corpus), options: { k: 2, seed: 7 } });
    const b = await buildChains({ topic: TOPIC, store: createFakeStore(corpus), options: { k: 2, seed: 7 } });
    const c = await buildChains({
      topic: TOPIC,
      store: createFakeStore(corpus, { reverse: true }),
      options: { k: 2, seed: 7 },
    });
    expect(b).toEqual(a);
    expect(c.chains).toEqual(a.chains);
  });

  it("never accepts a paper after the cut-off, even when the store returns one", async () => {
    const store = createFakeStore(corpus, { ignoreCutoff: true });
    const model = createScriptedModel({});
    const result = await buildChains({
      topic: TOPIC,
      store,
      llm: model,
      options: { k: 3, before: "2020-01-01" },
    });
    const ids = result.chains.flatMap((c) => c.nodes.map((n) => n.paperId));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain("p09");
    for (const c of result.chains)
      for (const n of c.nodes) expect(effectiveDate(n)! < "2020-01-01").toBe(true);
    expect(model.gateCalls.map((g) => g.candidate)).not.toContain("p09");
    const refusals = result.log.filter((e) => e.paperId === "p09" && e.decision === "rejected");
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0]?.reason).toContain("cut-off 2020-01-01");
  });

  it("rejects a bad option with a message naming it", async () => {
    const store = createFakeStore(corpus);
    await expect(buildChains({ topic: TOPIC, store, options: { minLength: 6 } })).rejects.toThrow(
      /minLength \(6\) exceeds maxLength \(5\)/,
    );
    await expect(buildChains({ topic: TOPIC, store, options: { k: 0 } })).rejects.toThrow(
      /option k must be a positive integer/,
    );
    await expect(buildChains({ topic: TOPIC, store, options: { before: "2020" } })).rejects.toThrow(
      /before must be YYYY-MM-DD/,
    );
    await expect(buildChains({ topic: "  ", store })).rejects.toThrow(/topic is empty/);
  });
});
