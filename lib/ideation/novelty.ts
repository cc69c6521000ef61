import type { CoiIdea } from "@/lib/ai/prompts/coi-idea";
import { type CoiNovelty, NOVELTY_MAX_QUERIES, NOVELTY_PAPERS_PER_QUERY } from "@/lib/ai/prompts/coi-novelty";
import type { PromptPaper } from "@/lib/ai/prompts/paper-json";

// The CoI novelty check as bounded rounds (specs/ideation.md): search for the idea (≤3 queries × 5
// papers), judge it; "essentially the same" sends it back with that paper as a counter-example. After
// maxRounds checks the last idea is kept and marked "unresolved" with the evidence, never looped on.

export const DEFAULT_NOVELTY_ROUNDS = 3;

export type NoveltyRound = {
  round: number;
  ideaTitle: string;
  queries: string[];
  paperIds: string[];
  verdict: CoiNovelty;
  /** Set when the model named a paper it was not shown (the round then counts as unresolved). */
  note: string | null;
};

export type NoveltyResult = {
  idea: CoiIdea;
  status: "novel" | "unresolved";
  rounds: NoveltyRound[];
  counterExamples: PromptPaper[];
};

export async function runNoveltyRounds({
  idea: first,
  maxRounds = DEFAULT_NOVELTY_ROUNDS,
  search,
  judge,
  regenerate,
}: {
  idea: CoiIdea;
  maxRounds?: number;
  search: (idea: CoiIdea) => Promise<{ query: string; papers: PromptPaper[] }[]>;
  judge: (idea: CoiIdea, papers: PromptPaper[]) => Promise<CoiNovelty>;
  regenerate: (counterExamples: PromptPaper[]) => Promise<CoiIdea>;
}): Promise<NoveltyResult> {
  if (!Number.isInteger(maxRounds) || maxRounds < 1)
    throw new RangeError(`maxRounds must be a positive integer, got ${maxRounds}`);
  let idea = first;
  const rounds: NoveltyRound[] = [];
  const counterExamples: PromptPaper[] = [];
  for (let round = 1; round <= maxRounds; round += 1) {
    const found = (await search(idea)).slice(0, NOVELTY_MAX_QUERIES);
    const papers = new Map<string, PromptPaper>();
    for (const q of found) for (const p of q.papers.slice(0, NOVELTY_PAPERS_PER_QUERY)) papers.set(p.id, p);
    const shown = [...papers.values()];
    const verdict = await judge(idea, shown);
    const same = verdict.samePaperId === null ? undefined : papers.get(verdict.samePaperId);
    const note =
      verdict.verdict === "essentially_same" && same === undefined
        ? `the model named paper ${verdict.samePaperId}, which it was not shown`
        : null;
    rounds.push({
      round,
      ideaTitle: idea.title,
      queries: found.map((q) => q.query),
      paperIds: shown.map((p) => p.id),
      verdict,
      note,
    });
    if (verdict.verdict !== "essentially_same") return { idea, status: "novel", rounds, counterExamples };
    if (round === maxRounds) break;
    if (same !== undefined && !counterExamples.some((c) => c.id === same.id)) counterExamples.push(same);
    idea = await regenerate([...counterExamples]);
  }
  return { idea, status: "unresolved", rounds, counterExamples };
}
