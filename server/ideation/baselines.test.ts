import { describe, expect, it } from "vitest";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import { directAgent } from "./direct";
import { ragAgent } from "./rag";
import { createFakeAgentContext, topicStore } from "./testing/fake-agent-context";

describe("direct and RAG baselines", () => {
  it("direct writes n template ideas from the topic only, each told the earlier ones", async () => {
    const { ctx, calls } = createFakeAgentContext({
      agent: "direct",
      store: topicStore(),
      n: 5,
      params: { concurrency: 2 },
    });
    const ideas = await directAgent.run(ctx);
    expect(ideas).toHaveLength(5);
    for (const i of ideas) expect(Object.keys(i.fields)).toEqual(DEFAULT_IDEA_TEMPLATE.map((f) => f.key));
    expect(calls).toHaveLength(5);
    expect(calls.some((c) => c.prompt.includes("rag_papers_json"))).toBe(false);
    const firstTitle = ideas[0]?.fields.title ?? "";
    expect(calls.at(-1)?.prompt).toContain(firstTitle.split(" ")[0]);
    expect(ideas.map((i) => i.candidate)).toEqual([
      "direct-0",
      "direct-1",
      "direct-2",
      "direct-3",
      "direct-4",
    ]);
  });

  it("RAG puts the top-k abstracts from the store in every prompt and resumes without calls", async () => {
    const run = createFakeAgentContext({ agent: "rag", store: topicStore(), n: 3, params: { topK: 4 } });
    const ideas = await ragAgent.run(run.ctx);
    expect(ideas).toHaveLength(3);
    expect(ideas[0]?.provenance.papers).toHaveLength(4);
    for (const c of run.calls) expect(c.prompt).toContain("rag_papers_json");
    const again = createFakeAgentContext({
      agent: "rag",
      store: topicStore(),
      n: 3,
      params: { topK: 4 },
      steps: run.steps,
    });
    expect(await ragAgent.run(again.ctx)).toEqual(ideas);
    expect(again.calls).toHaveLength(0);
  });
});
