import { chooseAnchors, collectCandidates } from "./anchors";
import { type BuildContext, record } from "./context";
import { growBackward, growForward, toNode } from "./grow";
import { createTermCache, keywordQueries } from "./text";
import {
  type Chain,
  type ChainOptions,
  type ChainResult,
  DEFAULT_CHAIN_OPTIONS,
  type LlmSteps,
  type PaperStore,
} from "./types";

// The chain builder (specs/literature.md "Chain builder"): topic → ≤5 queries → candidates →
// K diverse anchors → backward and forward from each. Pure over the store and model interfaces;
// the same inputs and seed give the same chains, and every choice is in the log with its reason.

export const MAX_QUERIES = 5;

function checkOptions(o: ChainOptions): void {
  const positive = {
    k: o.k,
    maxLength: o.maxLength,
    minLength: o.minLength,
    searchLimit: o.searchLimit,
    maxGateCalls: o.maxGateCalls,
    maxOfferedReferences: o.maxOfferedReferences,
  };
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isInteger(value) || value < 1)
      throw new RangeError(`chain option ${name} must be a positive integer, got ${value}`);
  }
  if (o.minLength > o.maxLength)
    throw new RangeError(`chain option minLength (${o.minLength}) exceeds maxLength (${o.maxLength})`);
  if (o.before !== null && !/^\d{4}-\d{2}-\d{2}$/.test(o.before))
    throw new RangeError(`chain option before must be YYYY-MM-DD, got "${o.before}"`);
}

async function chooseQueries(ctx: BuildContext): Promise<string[]> {
  const fromModel = ctx.llm ? await ctx.llm.proposeQueries(ctx.topic) : [];
  const cleaned = [...new Set(fromModel.map((q) => q.trim()).filter(Boolean))].slice(0, MAX_QUERIES);
  if (fromModel.length > cleaned.length) {
    record(ctx, {
      chain: null,
      stage: "queries",
      decision: "ignored",
      paperId: null,
      reason: `${fromModel.length - cleaned.length} of the model's queries were empty, repeated or beyond ${MAX_QUERIES}`,
    });
  }
  const queries = cleaned.length > 0 ? cleaned : keywordQueries(ctx.topic, MAX_QUERIES);
  const source =
    cleaned.length > 0
      ? "proposed by the model"
      : ctx.llm
        ? "keywords of the topic (the model proposed none)"
        : "keywords of the topic";
  record(ctx, {
    chain: null,
    stage: "queries",
    decision: "accepted",
    paperId: null,
    reason: `${source}: ${queries.map((q) => `"${q}"`).join(", ")}`,
  });
  return queries;
}

export async function buildChains({
  topic,
  store,
  llm = null,
  options = {},
}: {
  topic: string;
  store: PaperStore;
  llm?: LlmSteps | null;
  options?: Partial<ChainOptions>;
}): Promise<ChainResult> {
  const ctx: BuildContext = {
    topic: topic.trim(),
    store,
    llm,
    options: { ...DEFAULT_CHAIN_OPTIONS, ...options },
    log: [],
    terms: createTermCache(),
  };
  checkOptions(ctx.options);
  if (ctx.topic === "") throw new RangeError("the topic is empty");
  const queries = await chooseQueries(ctx);
  const candidates = await collectCandidates(ctx, queries);
  const anchors = await chooseAnchors(ctx, candidates);
  if (anchors.length < ctx.options.k) {
    record(ctx, {
      chain: null,
      stage: "stop",
      decision: "stopped",
      paperId: null,
      reason: `found ${anchors.length} of ${ctx.options.k} anchors`,
    });
  }
  const chains: Chain[] = [];
  for (const [chain, anchor] of anchors.entries()) {
    const growth = { chain, anchor: anchor.paper, inChain: new Set([anchor.paper.id]) };
    const backward = await growBackward(ctx, growth);
    const forward = await growForward(ctx, growth, 1 + backward.length);
    const nodes = [...backward.reverse(), toNode(anchor.paper, "anchor", anchor.reason), ...forward];
    const short = nodes.length < ctx.options.minLength;
    record(ctx, {
      chain,
      stage: "stop",
      decision: "stopped",
      paperId: null,
      reason: `${nodes.length} papers${short ? `, shorter than the minimum ${ctx.options.minLength}: the graph offered no more` : ""}`,
    });
    chains.push({ anchorId: anchor.paper.id, nodes });
  }
  return { queries, chains, log: ctx.log };
}
