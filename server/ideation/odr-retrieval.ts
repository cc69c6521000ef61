import "server-only";
import { buildOdrQueriesPrompt, odrQueriesOutputSchema } from "@/lib/ai/prompts/odr-queries";
import {
  buildOdrScorePrompt,
  checkScoreIds,
  MAX_PAPERS_PER_SCORE_CALL,
  odrScoreOutputSchema,
} from "@/lib/ai/prompts/odr-score-papers";
import type { ChainPaper } from "@/lib/chains/types";
import type { AgentContext } from "@/lib/ideation/agent-types";
import { mapPool } from "@/lib/ideation/pool";

// Overgenerate–dedup–rank, stage "retrieval": rounds of (the model proposes queries from the topic
// and the titles found so far → the study's store is searched → new papers are scored 1–10 for
// relevance, empirical method and inspiration). Papers scoring at least MIN_RELEVANCE on relevance
// join the bank. Stops at the bank size, after maxRounds, or when a round finds nothing new.

export const MIN_RELEVANCE = 5;
const RESULTS_PER_QUERY = 10;

export type BankPaper = ChainPaper & {
  relevance: number;
  empirical: number;
  inspiration: number;
  round: number;
};

export async function retrievePaperBank(
  ctx: AgentContext,
  { bankSize, maxRounds, concurrency }: { bankSize: number; maxRounds: number; concurrency: number },
): Promise<BankPaper[]> {
  const topic = `${ctx.topic.name}`;
  const bank: BankPaper[] = [];
  const seen = new Set<string>();
  for (let round = 1; round <= maxRounds && bank.length < bankSize; round += 1) {
    const { queries } = await ctx.llm({
      stage: "retrieval",
      candidate: null,
      ...buildOdrQueriesPrompt({
        topic,
        description: ctx.topic.description,
        found: bank.map((p) => p.title),
      }),
      schema: odrQueriesOutputSchema,
      seed: round,
    });
    const fresh: ChainPaper[] = [];
    for (const q of queries) {
      for (const p of await ctx.store.search(q, { before: ctx.before, limit: RESULTS_PER_QUERY })) {
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        fresh.push(p);
      }
    }
    if (fresh.length === 0) break;
    const chunks: ChainPaper[][] = [];
    for (let i = 0; i < fresh.length; i += MAX_PAPERS_PER_SCORE_CALL)
      chunks.push(fresh.slice(i, i + MAX_PAPERS_PER_SCORE_CALL));
    const scored = await mapPool(chunks, concurrency, async (papers) => {
      const { scores } = await ctx.llm({
        stage: "retrieval",
        candidate: null,
        ...buildOdrScorePrompt({ topic, papers }),
        schema: odrScoreOutputSchema,
      });
      const bad = checkScoreIds(
        scores,
        papers.map((p) => p.id),
      );
      if (bad) throw new Error(`Paper scores for "${topic}": ${bad}.`);
      return scores;
    });
    const byId = new Map(fresh.map((p) => [p.id, p]));
    for (const s of scored.flat()) {
      const p = byId.get(s.id);
      if (p && s.relevance >= MIN_RELEVANCE) bank.push({ ...p, ...s, round });
    }
    ctx.progress("retrieval", Math.min(bank.length, bankSize), bankSize);
  }
  bank.sort(
    (a, b) =>
      b.relevance + b.empirical + b.inspiration - (a.relevance + a.empirical + a.inspiration) ||
      (a.id < b.id ? -1 : 1),
  );
  return bank.slice(0, bankSize);
}
