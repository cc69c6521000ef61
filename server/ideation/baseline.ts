import "server-only";
import { templateOutputSchema } from "@/lib/ai/prompts/template-fields";
import type { AgentContext, GeneratedIdea } from "@/lib/ideation/agent-types";

// What the direct and RAG baselines share: ctx.n ideas, one call each, `concurrency` at a time (a
// wave); every call is told the openings of the ideas of earlier waves so samples differ, and each
// idea is a checkpoint (resume skips written ideas). No dedup or ranking: the baselines keep all n.

export type BaselinePrompt = (earlier: string[]) => { system: string; prompt: string };

const opening = (fields: Record<string, string>) =>
  (Object.values(fields)[0] ?? "").split(/\s+/).slice(0, 20).join(" ");

export async function writeBaselineIdeas(
  ctx: AgentContext,
  {
    agent,
    concurrency,
    prompt,
    provenance,
  }: {
    agent: "direct" | "rag";
    concurrency: number;
    prompt: BaselinePrompt;
    provenance: Record<string, unknown>;
  },
): Promise<GeneratedIdea[]> {
  const schema = templateOutputSchema(ctx.template);
  const ideas: GeneratedIdea[] = [];
  for (let start = 0; start < ctx.n; start += concurrency) {
    const earlier = ideas.map((i) => opening(i.fields));
    const wave = Array.from({ length: Math.min(concurrency, ctx.n - start) }, (_, k) => start + k);
    const written = await Promise.all(
      wave.map(async (i) => {
        const candidate = `${agent}-${i}`;
        const fields = await ctx.step(`idea:${i}`, () =>
          ctx.llm({
            stage: "idea",
            candidate,
            ...prompt(earlier),
            schema,
            temperature: 1,
            seed: ctx.seed + i,
          }),
        );
        return {
          candidate,
          fields,
          noveltyStatus: null,
          provenance: { agent, sample: i + 1, ...provenance },
        };
      }),
    );
    ideas.push(...written);
    ctx.progress("idea", ideas.length, ctx.n);
  }
  return ideas;
}
