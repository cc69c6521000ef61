import { at } from "@/lib/assert";
import { admit, type BuildContext, record } from "./context";
import { rankByScore } from "./order";
import { paperOverlap, relevanceScore } from "./text";
import type { ChainPaper } from "./types";

// Candidates from every query, ranked by relevance to the topic, then K anchors chosen greedily for
// relevance minus overlap with the anchors already chosen, so the K chains explore different lines
// of work. An anchor is used once; the model's gate (when there is a model) judges each candidate.

/**
 * How much a candidate's word overlap with an earlier anchor costs it. Relevance and overlap are
 * both in [0, 1]: a near duplicate of an anchor loses about all its relevance.
 */
export const OVERLAP_PENALTY = 1;

export async function collectCandidates(
  ctx: BuildContext,
  queries: readonly string[],
): Promise<ChainPaper[]> {
  const seen = new Set<string>();
  const out: ChainPaper[] = [];
  for (const query of queries) {
    const hits = await ctx.store.search(query, {
      before: ctx.options.before,
      limit: ctx.options.searchLimit,
    });
    for (const hit of hits.slice(0, ctx.options.searchLimit)) {
      if (seen.has(hit.id)) continue;
      seen.add(hit.id);
      if (admit(ctx, hit, { chain: null, stage: "candidates" })) out.push(hit);
    }
  }
  record(ctx, {
    chain: null,
    stage: "candidates",
    decision: "accepted",
    paperId: null,
    reason: `${out.length} candidate papers from ${queries.length} queries`,
  });
  return out;
}

export type Anchor = { paper: ChainPaper; reason: string };

async function pinnedAnchors(ctx: BuildContext): Promise<Anchor[]> {
  const out: Anchor[] = [];
  for (const id of ctx.options.pinnedAnchorIds.slice(0, ctx.options.k)) {
    const paper = await ctx.store.getPaper(id);
    if (paper === null) {
      record(ctx, {
        chain: null,
        stage: "anchor",
        decision: "rejected",
        paperId: id,
        reason: "pinned, but not in the store",
      });
    } else if (
      !out.some((a) => a.paper.id === id) &&
      admit(ctx, paper, { chain: out.length, stage: "anchor" })
    ) {
      out.push({ paper, reason: "pinned by the user" });
      record(ctx, {
        chain: out.length - 1,
        stage: "anchor",
        decision: "accepted",
        paperId: id,
        reason: "pinned by the user",
      });
    }
  }
  return out;
}

export async function chooseAnchors(ctx: BuildContext, candidates: readonly ChainPaper[]): Promise<Anchor[]> {
  const { k, seed, maxGateCalls } = ctx.options;
  const anchors = await pinnedAnchors(ctx);
  const relevance = new Map(candidates.map((p) => [p.id, relevanceScore(ctx.topic, p, ctx.terms)]));
  const remaining = rankByScore(candidates, (p) => relevance.get(p.id) ?? 0, seed).filter(
    (p) => !anchors.some((a) => a.paper.id === p.id),
  );
  let gateCalls = 0;
  // Each pass removes one candidate, so the loop ends after at most candidates.length passes.
  while (anchors.length < k && remaining.length > 0) {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    const overlaps = remaining.map((p) =>
      Math.max(0, ...anchors.map((a) => paperOverlap(p, a.paper, ctx.terms))),
    );
    remaining.forEach((p, i) => {
      const score = (relevance.get(p.id) ?? 0) - OVERLAP_PENALTY * at(overlaps, i);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    const paper = at(remaining, best);
    const overlap = at(overlaps, best);
    remaining.splice(best, 1);
    const chain = anchors.length;
    const rel = relevance.get(paper.id) ?? 0;
    const why = `topic relevance ${rel.toFixed(2)}, overlap with earlier anchors ${overlap.toFixed(2)}`;
    if (ctx.llm) {
      if (gateCalls >= k * maxGateCalls) {
        record(ctx, {
          chain,
          stage: "anchor",
          decision: "stopped",
          paperId: null,
          reason: `gate budget of ${k * maxGateCalls} calls spent`,
        });
        break;
      }
      gateCalls += 1;
      const verdict = await ctx.llm.judgeRelevance({ topic: ctx.topic, anchor: null, candidate: paper });
      if (!verdict.relevant) {
        record(ctx, {
          chain,
          stage: "anchor",
          decision: "rejected",
          paperId: paper.id,
          reason: `gate: ${verdict.reason}`,
        });
        continue;
      }
      anchors.push({ paper, reason: `${why}; gate: ${verdict.reason}` });
    } else {
      if (rel === 0) {
        record(ctx, {
          chain,
          stage: "anchor",
          decision: "rejected",
          paperId: paper.id,
          reason: "shares no keyword with the topic",
        });
        continue;
      }
      anchors.push({ paper, reason: why });
    }
    record(ctx, {
      chain,
      stage: "anchor",
      decision: "accepted",
      paperId: paper.id,
      reason: at(anchors, chain).reason,
    });
  }
  return anchors;
}
