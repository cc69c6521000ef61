import { describe, expect, it } from "vitest";
import type { CoiIdea } from "@/lib/ai/prompts/coi-idea";
import type { CoiNovelty } from "@/lib/ai/prompts/coi-novelty";
import { runNoveltyRounds } from "./novelty";

const idea = (title: string): CoiIdea => ({
  title,
  motivation: "m",
  novelty: "n",
  contributions: [{ contribution: "c", differsFromId: "p1", difference: "d" }],
  method: "x",
});
const paperOf = (id: string) => ({ id, title: `Paper ${id}`, year: 2020, abstract: "" });

function harness(verdicts: (round: number, shown: string[]) => CoiNovelty) {
  const calls = { search: 0, judge: 0, regenerate: [] as string[][] };
  return {
    calls,
    search: async () => {
      calls.search += 1;
      const k = calls.search;
      // Four queries of six papers: the rounds may use only 3 × 5.
      return [1, 2, 3, 4].map((q) => ({
        query: `q${q}`,
        papers: [1, 2, 3, 4, 5, 6].map((i) => paperOf(`r${k}q${q}p${i}`)),
      }));
    },
    judge: async (_idea: CoiIdea, papers: { id: string }[]) => {
      calls.judge += 1;
      return verdicts(
        calls.judge,
        papers.map((p) => p.id),
      );
    },
    regenerate: async (counter: { id: string }[]) => {
      calls.regenerate.push(counter.map((c) => c.id));
      return idea(`idea v${calls.regenerate.length + 1}`);
    },
  };
}

describe("runNoveltyRounds", () => {
  it("ends after 3 rounds when the model always says essentially the same, keeping the idea as unresolved", async () => {
    const h = harness((_round, shown) => ({
      reason: "same",
      verdict: "essentially_same",
      samePaperId: shown[0] ?? null,
    }));
    const out = await runNoveltyRounds({ idea: idea("idea v1"), ...h });
    expect(out.status).toBe("unresolved");
    expect(out.rounds).toHaveLength(3);
    expect(h.calls.judge).toBe(3);
    expect(h.calls.regenerate).toEqual([["r1q1p1"], ["r1q1p1", "r2q1p1"]]);
    expect(out.idea.title).toBe("idea v3");
    expect(out.rounds.map((r) => r.ideaTitle)).toEqual(["idea v1", "idea v2", "idea v3"]);
    expect(out.rounds[0]?.queries).toEqual(["q1", "q2", "q3"]);
    expect(out.rounds[0]?.paperIds).toHaveLength(15);
  });

  it("stops at the first novel or similar verdict", async () => {
    const h = harness((round, shown) =>
      round === 1
        ? { reason: "same", verdict: "essentially_same", samePaperId: shown[2] ?? null }
        : { reason: "ok", verdict: "similar", samePaperId: null },
    );
    const out = await runNoveltyRounds({ idea: idea("idea v1"), ...h });
    expect(out.status).toBe("novel");
    expect(out.rounds.map((r) => r.verdict.verdict)).toEqual(["essentially_same", "similar"]);
    expect(out.counterExamples.map((c) => c.id)).toEqual(["r1q1p3"]);
    expect(out.idea.title).toBe("idea v2");
  });

  it("does not take a paper the model was not shown as a counter-example, and notes it", async () => {
    const h = harness(() => ({ reason: "same", verdict: "essentially_same", samePaperId: "invented" }));
    const out = await runNoveltyRounds({ idea: idea("idea v1"), maxRounds: 2, ...h });
    expect(out.status).toBe("unresolved");
    expect(out.counterExamples).toEqual([]);
    expect(out.rounds[0]?.note).toBe("the model named paper invented, which it was not shown");
  });

  it("refuses a round count that would not bound the loop", async () => {
    const h = harness(() => ({ reason: "ok", verdict: "novel", samePaperId: null }));
    await expect(runNoveltyRounds({ idea: idea("x"), maxRounds: 0, ...h })).rejects.toThrow(
      /maxRounds must be a positive integer, got 0/,
    );
  });
});
