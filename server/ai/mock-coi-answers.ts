import { z } from "zod";
import { CHAIN_QUERIES_TASK_MARKER, extractChainQueriesInput } from "@/lib/ai/prompts/chain-queries";
import { COI_IDEA_TASK_MARKER } from "@/lib/ai/prompts/coi-idea";
import { COI_NOVELTY_TASK_MARKER } from "@/lib/ai/prompts/coi-novelty";
import { COI_RANK_PAIR_TASK_MARKER, extractCoiRankPairInput } from "@/lib/ai/prompts/coi-rank-pair";
import { COI_TREND_TASK_MARKER } from "@/lib/ai/prompts/coi-trend";
import { extractPickReferencesInput, PICK_REFERENCES_TASK_MARKER } from "@/lib/ai/prompts/pick-references";
import { extractReadPaperInput, READ_PAPER_TASK_MARKER } from "@/lib/ai/prompts/read-paper";
import { extractRelevanceGateInput, RELEVANCE_GATE_TASK_MARKER } from "@/lib/ai/prompts/relevance-gate";
import { extractTaggedJson } from "@/lib/ai/prompts/tagged-json";
import { keywordQueries, relevanceScore, tokenize } from "@/lib/chains/text";
import { hashText } from "./mock-json-schema";

// The mock model's scripted answers for the chain and Chain-of-Ideas prompts, where the schema-driven
// fallback would be valid JSON but meaningless (ids the prompt never offered, a trend that skips the
// chain, a novelty verdict without its paper). Plain code, deterministic, recognized by task markers.
// Hook: MOCK_NOT_NOVEL anywhere in the prompt makes every novelty check say "essentially_same".
// The other CoI steps (direction, experiment, refine) use the schema-driven fallback.

const idsSchema = z.array(z.object({ id: z.string(), title: z.string() }).passthrough());

function firstSentence(text: string, fallback: string): string {
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim())?.[0] ?? text.trim();
  return sentence.slice(0, 400) || fallback;
}

function chainAnswer(prompt: string): unknown {
  if (prompt.includes(CHAIN_QUERIES_TASK_MARKER)) {
    const input = extractChainQueriesInput(prompt);
    if (!input) return null;
    const queries = keywordQueries(input.topic);
    return { queries: queries.length ? queries : [input.topic.trim() || "research"] };
  }
  if (prompt.includes(RELEVANCE_GATE_TASK_MARKER)) {
    const input = extractRelevanceGateInput(prompt);
    if (!input) return null;
    const score = relevanceScore(input.topic, input.candidate);
    return score > 0
      ? {
          reason: `Mock: the candidate covers ${Math.round(score * 100)}% of the topic's keywords.`,
          relevant: true,
        }
      : { reason: "Mock: the candidate shares no keyword with the topic.", relevant: false };
  }
  if (prompt.includes(PICK_REFERENCES_TASK_MARKER)) {
    const input = extractPickReferencesInput(prompt);
    if (!input) return null;
    const ranked = input.references
      .map((r) => ({ id: r.id, score: relevanceScore(input.topic, r) }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return {
      reason: "Mock: the references sharing most keywords with the topic.",
      ids: ranked.slice(0, 3).map((r) => r.id),
    };
  }
  if (prompt.includes(READ_PAPER_TASK_MARKER)) {
    const input = extractReadPaperInput(prompt);
    if (!input) return null;
    const lead = firstSentence(input.text, input.title);
    const entities = [...new Set(tokenize(input.title))].slice(0, 5);
    return {
      background: lead,
      novelty: `Mock: ${input.title}.`,
      contribution: lead,
      method: lead,
      limitation: "not stated",
      entities,
      experimentSteps: [],
    };
  }
  return null;
}

function coiAnswer(prompt: string): unknown {
  if (prompt.includes(COI_TREND_TASK_MARKER)) {
    const chain = extractTaggedJson(prompt, "chain_json", idsSchema);
    if (!chain) return null;
    const steps = chain.slice(1).map((n, i) => ({
      fromId: chain[i]?.id ?? "",
      toId: n.id,
      development: `Mock: "${n.title}" builds on "${chain[i]?.title}".`,
    }));
    return {
      steps,
      trend: `Mock trend across ${chain.length} papers, from "${chain[0]?.title}" to "${chain.at(-1)?.title}".`,
    };
  }
  if (prompt.includes(COI_IDEA_TASK_MARKER)) {
    const chain = extractTaggedJson(prompt, "chain_json", idsSchema);
    const topic = extractTaggedJson(prompt, "topic_json", z.object({ topic: z.string() }));
    if (!chain || !topic) return null;
    const anchor = chain.find((n) => n.direction === "anchor") ?? chain[0];
    const tag = hashText(prompt).slice(0, 6);
    return {
      title: `Mock idea ${tag} on ${topic.topic}`.slice(0, 300),
      motivation: `Mock: the chain leaves ${topic.topic} open.`,
      novelty: `Mock: a new step beyond "${anchor?.title ?? "the chain"}".`,
      contributions: [
        {
          contribution: "Mock contribution 1.",
          differsFromId: anchor?.id ?? "none",
          difference: "Mock: a different method.",
        },
      ],
      method: `Mock method ${tag}.`,
    };
  }
  if (prompt.includes(COI_NOVELTY_TASK_MARKER)) {
    const papers = extractTaggedJson(prompt, "papers_json", idsSchema) ?? [];
    const same = papers[0];
    if (prompt.includes("MOCK_NOT_NOVEL") && same) {
      return {
        reason: `Mock: "${same.title}" already does this.`,
        verdict: "essentially_same",
        samePaperId: same.id,
      };
    }
    return {
      reason: `Mock: none of ${papers.length} papers does the idea's core.`,
      verdict: "novel",
      samePaperId: null,
    };
  }
  if (prompt.includes(COI_RANK_PAIR_TASK_MARKER)) {
    const input = extractCoiRankPairInput(prompt);
    if (!input) return null;
    // A fixed strength per idea, the same in either order, so the ranking means something.
    const strength = (t: string) => Number.parseInt(hashText(t), 16) % 100;
    const diff = strength(input.a.title) - strength(input.b.title);
    return {
      reasoning: `Mock: strengths ${strength(input.a.title)} and ${strength(input.b.title)}.`,
      winner: Math.abs(diff) <= 2 ? "tie" : diff > 0 ? "A" : "B",
    };
  }
  return null;
}

/** JSON text of the scripted answer, or null when the prompt is not one of these tasks. */
export function cannedCoiAnswer(prompt: string): string | null {
  const answer = chainAnswer(prompt) ?? coiAnswer(prompt);
  return answer === null ? null : JSON.stringify(answer);
}
