import type { LlmSteps, PaperStore } from "./types";

// Staged progress of a chain build, seen from outside the pure builder: each store or model call
// tells which stage the builder is in (queries → candidates → anchor → backward → forward), then the
// server reads the chosen papers ("reading"). Wrapping the two interfaces also checks the abort
// signal before every call, so a cancelled build stops at its next step.

export const CHAIN_BUILD_STAGES = [
  "queries",
  "candidates",
  "anchor",
  "backward",
  "forward",
  "reading",
] as const;
export type ChainBuildStage = (typeof CHAIN_BUILD_STAGES)[number];

export type ChainBuildProgress = {
  stage: ChainBuildStage;
  stageIndex: number;
  stages: number;
  calls: number;
};

export function stageIndex(stage: ChainBuildStage): number {
  return CHAIN_BUILD_STAGES.indexOf(stage);
}

export function trackChainBuild({
  store,
  llm,
  signal,
  onProgress,
}: {
  store: PaperStore;
  llm: LlmSteps | null;
  signal?: AbortSignal;
  onProgress?: (p: ChainBuildProgress) => void;
}): { store: PaperStore; llm: LlmSteps | null } {
  let current: ChainBuildStage | null = null;
  let calls = 0;
  const enter = (stage: ChainBuildStage) => {
    signal?.throwIfAborted();
    calls += 1;
    // Each chain goes backward then forward, so the stage may move back when the next chain starts.
    if (stage !== current) {
      current = stage;
      onProgress?.({ stage, stageIndex: stageIndex(stage), stages: CHAIN_BUILD_STAGES.length, calls });
    }
  };
  const tracked: PaperStore = {
    search(query, options) {
      enter("candidates");
      return store.search(query, options);
    },
    getPaper(id) {
      enter(current ?? "candidates");
      return store.getPaper(id);
    },
    references(id) {
      enter("backward");
      return store.references(id);
    },
    citing(id) {
      enter("forward");
      return store.citing(id);
    },
  };
  const trackedLlm: LlmSteps | null = llm && {
    proposeQueries(topic) {
      enter("queries");
      return llm.proposeQueries(topic);
    },
    judgeRelevance(input) {
      enter(input.anchor === null ? "anchor" : "forward");
      return llm.judgeRelevance(input);
    },
    pickReferences(input) {
      enter("backward");
      return llm.pickReferences(input);
    },
  };
  return { store: tracked, llm: trackedLlm };
}

/** The day after a YYYY-MM-DD date: a study's cut-off is inclusive, the builder's `before` is not. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
