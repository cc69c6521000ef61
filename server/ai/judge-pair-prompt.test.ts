import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import {
  buildJudgePairPrompt,
  extractJudgePairInput,
  IDEA_A_JSON_CLOSE,
  IDEA_B_JSON_CLOSE,
  JUDGE_PAIR_TASK_MARKER,
  judgePairOutputSchema,
  toArenaVerdicts,
} from "@/lib/ai/prompts/judge-pair";
import { DEFAULT_ARENA_CONFIG } from "@/lib/arena/types";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { generate } from "./generate";
import { mockJudgeVerdicts, resetMockModelState } from "./mock-model";

const criteria = DEFAULT_ARENA_CONFIG.criteria;
const template = DEFAULT_IDEA_TEMPLATE.slice(0, 3);
const keys = criteria.map((c) => c.key);
const idea = (n: number) => ({ title: `Idea ${n}`, problem: `Problem ${n}.`, motivation: `Why ${n}.` });
const allVerdicts = (v: string) => Object.fromEntries(keys.map((k) => [k, v]));

describe("judge-pair prompt", () => {
  it("marks the task, defines every criterion and carries both ideas as JSON that survives hostile text", () => {
    const left = {
      title: `Tags ${IDEA_A_JSON_CLOSE} ${IDEA_B_JSON_CLOSE} <b>`,
      problem: 'Quote " and \\',
      motivation: "",
    };
    const right = idea(2);
    const { system, prompt } = buildJudgePairPrompt({ criteria, template, topic: "Graphs", left, right });
    expect(system.startsWith(JUDGE_PAIR_TASK_MARKER)).toBe(true);
    expect(system).toMatch(/First reason/);
    for (const c of criteria) expect(prompt).toContain(`- ${c.key} (${c.label}): ${c.description}`);
    expect(prompt).toContain('research topic "Graphs"');
    expect(prompt.split(IDEA_A_JSON_CLOSE)).toHaveLength(2);
    expect(prompt.indexOf("Idea A:")).toBeLessThan(prompt.indexOf("Idea B:"));
    const byLabel = (f: Record<string, string>) =>
      Object.fromEntries(template.map((t) => [t.label, f[t.key] ?? ""]));
    expect(extractJudgePairInput(prompt)).toEqual({
      criteria: keys,
      ideaA: byLabel(left),
      ideaB: byLabel(right),
    });
  });

  it("leaves out the topic line when there is none, and keeps template order with empty missing sections", () => {
    const { prompt } = buildJudgePairPrompt({
      criteria,
      template,
      topic: " ",
      left: { title: "T" },
      right: idea(2),
    });
    expect(prompt).not.toContain("research topic");
    expect(extractJudgePairInput(prompt)?.ideaA).toEqual(
      Object.fromEntries(template.map((t) => [t.label, t.key === "title" ? "T" : ""])),
    );
  });

  it("returns null when a prompt does not carry the task's blocks", () => {
    expect(extractJudgePairInput("nothing here")).toBeNull();
    expect(extractJudgePairInput("<criteria_json>[1]</criteria_json>")).toBeNull();
  });

  it.each([
    ["all verdicts given", { reasoning: "Because.", verdicts: allVerdicts("A") }, true],
    ["ties and B", { reasoning: "r", verdicts: { ...allVerdicts("tie"), novelty: "B" } }, true],
    ["a lowercase verdict", { reasoning: "r", verdicts: { ...allVerdicts("A"), novelty: "a" } }, false],
    ["an unknown verdict", { reasoning: "r", verdicts: { ...allVerdicts("A"), clarity: "C" } }, false],
    ["a missing criterion", { reasoning: "r", verdicts: { novelty: "A" } }, false],
    ["an extra criterion", { reasoning: "r", verdicts: { ...allVerdicts("A"), style: "A" } }, false],
    ["empty reasoning", { reasoning: "  ", verdicts: allVerdicts("A") }, false],
    ["no reasoning", { verdicts: allVerdicts("A") }, false],
    ["no verdicts", { reasoning: "r" }, false],
  ])("output with %s is %s", (_name, value, ok) => {
    expect(judgePairOutputSchema(criteria).safeParse(value).success).toBe(ok);
  });

  it("stores A as the left idea (a), B as the right (b)", () => {
    expect(toArenaVerdicts({ novelty: "A", clarity: "B", feasibility: "tie" })).toEqual({
      novelty: "a",
      clarity: "b",
      feasibility: "tie",
    });
  });
});

describe("mock judge", () => {
  it("is deterministic, covers every criterion, and lets clearly stronger ideas win in both orders", () => {
    let consistent = 0;
    let flipped = 0;
    for (let n = 0; n < 60; n++) {
      const ideaA = { Title: `Idea ${n}` };
      const ideaB = { Title: `Idea ${n + 100}` };
      const forward = mockJudgeVerdicts({ criteria: keys, ideaA, ideaB });
      expect(mockJudgeVerdicts({ criteria: keys, ideaA, ideaB })).toEqual(forward);
      const backward = mockJudgeVerdicts({ criteria: keys, ideaA: ideaB, ideaB: ideaA });
      expect(Object.keys(forward.verdicts)).toEqual(keys);
      for (const k of keys) {
        const swapped = { A: "B", B: "A", tie: "tie" }[backward.verdicts[k]!];
        if (forward.verdicts[k] === swapped) consistent++;
        else flipped++;
      }
    }
    // Position noise is smaller than most strength gaps: most verdicts survive the swap, some do not.
    expect(consistent).toBeGreaterThan(flipped);
    expect(flipped).toBeGreaterThan(0);
  });

  describe("through generate()", () => {
    beforeEach(() => {
      vi.stubEnv("LLM_PROVIDER", "mock");
      vi.stubEnv("LLM_CACHE", "false");
      resetTestDb();
      resetMockModelState();
    });
    afterEach(() => {
      vi.unstubAllEnvs();
      resetEnvForTests();
    });

    const call = (left: Record<string, string>) => {
      const { system, prompt } = buildJudgePairPrompt({
        criteria,
        template,
        topic: "T",
        left,
        right: idea(2),
      });
      return generate({
        purpose: "arena-judge",
        system,
        prompt,
        schema: judgePairOutputSchema(criteria),
        retryBaseDelayMs: 1,
      });
    };

    it("answers with the mock judge's reasoning and verdicts", async () => {
      const { object } = await call(idea(1));
      const { prompt } = buildJudgePairPrompt({
        criteria,
        template,
        topic: "T",
        left: idea(1),
        right: idea(2),
      });
      expect(object).toEqual(mockJudgeVerdicts(extractJudgePairInput(prompt)!));
      expect(object.reasoning).toMatch(/^Mock judgment/);
    });

    it.each([["MOCK_INVALID_JSON"], ["MOCK_BAD_VERDICT"]])(
      "fails as invalid:llm_output with %s, never as a tie",
      async (hook) => {
        const error = await call({ ...idea(1), problem: hook }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("invalid:llm_output");
      },
    );
  });
});
