import { admit, type BuildContext, record } from "./context";
import { rankByScore } from "./order";
import { relevanceScore } from "./text";
import type { ChainDirection, ChainNode, ChainPaper } from "./types";

// Growing one chain from its anchor. Backward first (the anchor's references, then theirs), leaving
// one slot for forward, and stopping at a milestone paper once the chain has its minimum length;
// then forward (papers citing the newest node) up to the maximum length. Each walk takes at most
// maxLength steps, and each forward step asks the gate at most maxGateCalls times.

export type Growth = { chain: number; anchor: ChainPaper; inChain: Set<string> };

export function toNode(paper: ChainPaper, direction: ChainDirection, reason: string): ChainNode {
  const { id, title, year, date, citationCount } = paper;
  return { paperId: id, title, year, date, citationCount, direction, reason };
}

/** Relevance to the topic and, at half weight, to the anchor's title. */
function chainRelevance(ctx: BuildContext, anchor: ChainPaper, paper: ChainPaper): number {
  return relevanceScore(ctx.topic, paper, ctx.terms) + 0.5 * relevanceScore(anchor.title, paper, ctx.terms);
}

async function nextBackward(
  ctx: BuildContext,
  g: Growth,
  current: ChainPaper,
  below: boolean,
): Promise<{ paper: ChainPaper; reason: string } | string> {
  const refs = (await ctx.store.references(current.id)).filter((p) =>
    admit(ctx, p, { chain: g.chain, stage: "backward", inChain: g.inChain }),
  );
  if (refs.length === 0) return "no usable references left";
  const offered = rankByScore(refs, (p) => chainRelevance(ctx, g.anchor, p), ctx.options.seed).slice(
    0,
    ctx.options.maxOfferedReferences,
  );
  const best = offered[0];
  if (best === undefined) return "no usable references left";
  const fallback = below
    ? { paper: best, reason: "below the minimum length: the best reference by keyword relevance" }
    : null;
  if (!ctx.llm) {
    if (relevanceScore(ctx.topic, best, ctx.terms) > 0)
      return { paper: best, reason: "the reference most relevant by keywords" };
    return fallback ?? "no reference shares a keyword with the topic";
  }
  const picked = await ctx.llm.pickReferences({ topic: ctx.topic, current, references: offered });
  const byId = new Map(offered.map((p) => [p.id, p]));
  const valid: ChainPaper[] = [];
  for (const id of picked.ids) {
    const paper = byId.get(id);
    const problem =
      paper === undefined
        ? "was not among the offered references"
        : valid.includes(paper)
          ? "was picked twice"
          : valid.length >= 3
            ? "is beyond the 3 allowed picks"
            : null;
    if (problem !== null || paper === undefined) {
      record(ctx, {
        chain: g.chain,
        stage: "backward",
        decision: "ignored",
        paperId: id,
        reason: `the model's pick ${problem}`,
      });
    } else valid.push(paper);
  }
  const first = valid[0];
  if (first !== undefined) return { paper: first, reason: `picked by the model: ${picked.reason}` };
  return fallback ?? `the model picked no reference: ${picked.reason}`;
}

/** Backward nodes, nearest the anchor first. */
export async function growBackward(ctx: BuildContext, g: Growth): Promise<ChainNode[]> {
  const { maxLength, minLength, milestoneCitations } = ctx.options;
  const nodes: ChainNode[] = [];
  let current = g.anchor;
  for (let step = 0; step < maxLength; step += 1) {
    const length = 1 + nodes.length;
    if (length >= maxLength - 1) {
      record(ctx, {
        chain: g.chain,
        stage: "backward",
        decision: "stopped",
        paperId: null,
        reason: "one slot left for forward papers",
      });
      break;
    }
    const next = await nextBackward(ctx, g, current, length < minLength);
    if (typeof next === "string") {
      record(ctx, { chain: g.chain, stage: "backward", decision: "stopped", paperId: null, reason: next });
      break;
    }
    nodes.push(toNode(next.paper, "backward", next.reason));
    g.inChain.add(next.paper.id);
    record(ctx, {
      chain: g.chain,
      stage: "backward",
      decision: "accepted",
      paperId: next.paper.id,
      reason: next.reason,
    });
    current = next.paper;
    const citations = current.citationCount ?? 0;
    if (1 + nodes.length >= minLength && citations >= milestoneCitations) {
      const reason = `milestone: ${citations} citations (threshold ${milestoneCitations})`;
      record(ctx, { chain: g.chain, stage: "backward", decision: "stopped", paperId: current.id, reason });
      break;
    }
  }
  return nodes;
}

/** Forward nodes, oldest first; `length` is the chain's length before them. */
export async function growForward(ctx: BuildContext, g: Growth, length: number): Promise<ChainNode[]> {
  const { maxLength, maxGateCalls, seed } = ctx.options;
  const nodes: ChainNode[] = [];
  let current = g.anchor;
  for (let step = 0; step < maxLength && length + nodes.length < maxLength; step += 1) {
    const citing = (await ctx.store.citing(current.id)).filter((p) =>
      admit(ctx, p, { chain: g.chain, stage: "forward", inChain: g.inChain }),
    );
    const ranked = rankByScore(citing, (p) => chainRelevance(ctx, g.anchor, p), seed).slice(0, maxGateCalls);
    let accepted: { paper: ChainPaper; reason: string } | null = null;
    for (const candidate of ranked) {
      const verdict = ctx.llm
        ? await ctx.llm.judgeRelevance({ topic: ctx.topic, anchor: g.anchor, candidate })
        : relevanceScore(ctx.topic, candidate, ctx.terms) > 0
          ? { relevant: true, reason: "shares keywords with the topic" }
          : { relevant: false, reason: "shares no keyword with the topic" };
      if (verdict.relevant) {
        accepted = { paper: candidate, reason: `cites the previous paper; gate: ${verdict.reason}` };
        break;
      }
      record(ctx, {
        chain: g.chain,
        stage: "forward",
        decision: "rejected",
        paperId: candidate.id,
        reason: `gate: ${verdict.reason}`,
      });
    }
    if (accepted === null) {
      const reason =
        citing.length === 0
          ? "no usable citing papers"
          : `none of ${ranked.length} citing papers passed the gate`;
      record(ctx, { chain: g.chain, stage: "forward", decision: "stopped", paperId: null, reason });
      return nodes;
    }
    nodes.push(toNode(accepted.paper, "forward", accepted.reason));
    g.inChain.add(accepted.paper.id);
    record(ctx, {
      chain: g.chain,
      stage: "forward",
      decision: "accepted",
      paperId: accepted.paper.id,
      reason: accepted.reason,
    });
    current = accepted.paper;
  }
  record(ctx, {
    chain: g.chain,
    stage: "forward",
    decision: "stopped",
    paperId: null,
    reason: `maximum length ${maxLength} reached`,
  });
  return nodes;
}
