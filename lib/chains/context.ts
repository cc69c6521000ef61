import { passesCutoff } from "./cutoff";
import type { TermCache } from "./text";
import type { ChainLogEntry, ChainOptions, ChainPaper, ChainStage, LlmSteps, PaperStore } from "./types";

// What every stage of one build shares: the inputs, the options, and the log every choice goes to.

export type BuildContext = {
  topic: string;
  store: PaperStore;
  llm: LlmSteps | null;
  options: ChainOptions;
  log: ChainLogEntry[];
  terms: TermCache;
};

export function record(ctx: BuildContext, entry: ChainLogEntry): void {
  ctx.log.push(entry);
}

/**
 * Whether a paper the store offered may be used at all: not removed by the user, not already in
 * this chain, and before the cut-off (checked here again whatever the store did). Refusals for the
 * cut-off and removals are logged; a paper already in the chain is skipped silently.
 */
export function admit(
  ctx: BuildContext,
  paper: ChainPaper,
  where: { chain: number | null; stage: ChainStage; inChain?: ReadonlySet<string> },
): boolean {
  if (where.inChain?.has(paper.id)) return false;
  if (ctx.options.excludedIds.includes(paper.id)) {
    record(ctx, {
      chain: where.chain,
      stage: where.stage,
      decision: "rejected",
      paperId: paper.id,
      reason: "removed by the user",
    });
    return false;
  }
  if (!passesCutoff(paper, ctx.options.before)) {
    const when = paper.date ?? (paper.year === null ? "an unknown date" : String(paper.year));
    record(ctx, {
      chain: where.chain,
      stage: where.stage,
      decision: "rejected",
      paperId: paper.id,
      reason: `published ${when}, not before the cut-off ${ctx.options.before}`,
    });
    return false;
  }
  return true;
}
