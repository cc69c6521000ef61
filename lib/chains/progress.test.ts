import { describe, expect, it } from "vitest";
import { buildChains } from "./build";
import { createFakeStore, createScriptedModel, paper } from "./fake-store";
import { type ChainBuildStage, dayAfter, trackChainBuild } from "./progress";

const papers = [
  paper({ id: "a", title: "Parsing basics", year: 1990 }),
  paper({ id: "b", title: "Parsing with counts", year: 2000, refs: ["a"] }),
  paper({ id: "c", title: "Neural parsing", year: 2010, refs: ["b"] }),
  paper({ id: "d", title: "Parsing with transformers", year: 2020, refs: ["c"] }),
];

describe("trackChainBuild", () => {
  it("reports the stages in the order the builder reaches them, without changing the result", async () => {
    const stages: ChainBuildStage[] = [];
    const plain = await buildChains({
      topic: "neural parsing",
      store: createFakeStore(papers),
      llm: createScriptedModel({}),
      options: { k: 1 },
    });
    const tracked = trackChainBuild({
      store: createFakeStore(papers),
      llm: createScriptedModel({}),
      onProgress: (p) => stages.push(p.stage),
    });
    const result = await buildChains({ topic: "neural parsing", ...tracked, options: { k: 1 } });
    expect(result).toEqual(plain);
    expect(stages).toEqual(["queries", "candidates", "anchor", "backward", "forward"]);
  });

  it("stops at the next call once the signal is aborted", async () => {
    const controller = new AbortController();
    const tracked = trackChainBuild({
      store: createFakeStore(papers),
      llm: createScriptedModel({}),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === "anchor") controller.abort(new Error("cancelled"));
      },
    });
    await expect(buildChains({ topic: "neural parsing", ...tracked, options: { k: 1 } })).rejects.toThrow(
      "cancelled",
    );
  });
});

describe("dayAfter", () => {
  it("moves to the next day across months and leap years", () => {
    expect(dayAfter("2020-01-31")).toBe("2020-02-01");
    expect(dayAfter("2020-02-28")).toBe("2020-02-29");
    expect(dayAfter("2019-12-31")).toBe("2020-01-01");
  });
});
