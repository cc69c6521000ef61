import { z } from "zod";
import { DIRECT_IDEA_TASK_MARKER, RAG_IDEA_TASK_MARKER } from "@/lib/ai/prompts/baseline-idea";
import { ODR_EXPAND_TASK_MARKER } from "@/lib/ai/prompts/odr-expand";
import { extractOdrJudgePairInput, ODR_JUDGE_PAIR_TASK_MARKER } from "@/lib/ai/prompts/odr-judge-pair";
import { extractOdrQueriesInput, ODR_QUERIES_TASK_MARKER } from "@/lib/ai/prompts/odr-queries";
import { extractOdrScoreInput, ODR_SCORE_TASK_MARKER } from "@/lib/ai/prompts/odr-score-papers";
import { extractOdrSeedsInput, ODR_SEEDS_TASK_MARKER, SEEDS_PER_CALL } from "@/lib/ai/prompts/odr-seeds";
import { extractTaggedJson } from "@/lib/ai/prompts/tagged-json";
import { extractTemplateFields, type PromptTemplateField } from "@/lib/ai/prompts/template-fields";
import { at } from "@/lib/assert";
import { keywordQueries, relevanceScore, tokenize } from "@/lib/chains/text";
import { hashText } from "./mock-json-schema";

// The mock model's scripted answers for the overgenerate–dedup–rank, direct and RAG prompts
// (lib/ai/prompts/odr-*.ts, baseline-idea.ts), recognized by task markers. Deterministic.
// Seeds are drawn from a fixed pool of MOCK_IDEA_KINDS idea kinds per topic, each call's five by a
// hash of the prompt (which holds the names already generated, so every batch differs), and
// reworded a little: early batches are mostly new kinds, later ones mostly repeats, which is the
// saturation the unique-rate chart shows (about 12 unique of 200 seeds, like the study's ~5%).

const KINDS: readonly [string, string][] = [
  [
    "Contrastive Self-Verification",
    "the model contrasts its answer with a deliberately corrupted answer and verifies each claim against evidence",
  ],
  [
    "Curriculum Prompt Distillation",
    "long prompts are distilled into a small student through a curriculum ordered by difficulty",
  ],
  [
    "Retrieval-Augmented Critique",
    "retrieved passages that challenge a draft let a critic rewrite the unsupported parts",
  ],
  [
    "Uncertainty-Aware Decoding",
    "token uncertainty estimated from sampled continuations makes the model abstain or hedge when entropy is high",
  ],
  [
    "Persona Ensemble Debate",
    "several personas argue over the answer and a judge aggregates their strongest arguments",
  ],
  [
    "Program-Aided Decomposition",
    "the problem is decomposed into executable program steps whose outputs check the reasoning",
  ],
  [
    "Counterfactual Data Augmentation",
    "synthesized counterfactual training examples flip spurious cues before fine-tuning",
  ],
  [
    "Analogical Exemplar Recall",
    "analogous solved examples recalled from memory serve as self-generated demonstrations",
  ],
  [
    "Multilingual Pivot Consistency",
    "queries translated through pivot languages expose answers that disagree, which are reconciled",
  ],
  [
    "Reward-Guided Tree Search",
    "reasoning branches are explored with a learned step-level reward model that prunes weak branches",
  ],
  [
    "Simulated Annotator Feedback",
    "rubric-following critic models simulate annotator feedback to refine outputs iteratively",
  ],
  [
    "Sparse Attention Probing",
    "linear probes on sparse attention heads detect failures before generation finishes",
  ],
];
export const MOCK_IDEA_KINDS = KINDS.length;
const LEADS = ["We propose that", "In this idea,", "Concretely,", "The key step:"];
const TAILS = [
  "It is tested against strong prompting baselines.",
  "Experiments compare it with standard baselines on public benchmarks.",
  "Evaluation uses established benchmarks and ablations.",
];

const hashInt = (text: string, n: number) => Number.parseInt(hashText(text).slice(0, 8), 16) % n;

function kindIdea(topic: string, kind: number, variant: string) {
  const [name, core] = at(KINDS, kind);
  const lead = at(LEADS, hashInt(`lead${variant}`, LEADS.length));
  const tail = at(TAILS, hashInt(`tail${variant}`, TAILS.length));
  return { name: `${name} for ${topic}`.slice(0, 200), idea: `${lead} ${core}, for ${topic}. ${tail}` };
}

function truncateWords(text: string, limit: number | null): string {
  if (limit === null) return text;
  return text.split(/\s+/).filter(Boolean).slice(0, limit).join(" ");
}

function fillTemplate(
  fields: readonly PromptTemplateField[],
  idea: { name: string; idea: string },
  extra = "",
) {
  return Object.fromEntries(
    fields.map((f, i) => [
      f.key,
      truncateWords(i === 0 ? idea.name : `${f.label}: ${idea.idea}${extra}`, f.wordLimit),
    ]),
  );
}

const topicSchema = z.object({ topic: z.string(), earlier: z.array(z.string()) }).passthrough();
const seedSchema = z.object({ topic: z.string(), name: z.string(), idea: z.string() });
const papersSchema = z.array(z.object({ id: z.string(), title: z.string() }).passthrough());

function answer(prompt: string): unknown {
  if (prompt.includes(ODR_QUERIES_TASK_MARKER)) {
    const input = extractOdrQueriesInput(prompt);
    if (!input) return null;
    const fromTopic = keywordQueries(`${input.topic} ${input.description}`, 3);
    const last = input.found.at(-1);
    const fromFound = last ? tokenize(last).slice(0, 3).join(" ") : "";
    const queries = [...new Set([...fromTopic, fromFound].filter(Boolean))].slice(0, 4);
    return { queries: queries.length ? queries : [input.topic.trim() || "research"] };
  }
  if (prompt.includes(ODR_SCORE_TASK_MARKER)) {
    const input = extractOdrScoreInput(prompt);
    if (!input) return null;
    return {
      scores: input.papers.map((p) => ({
        id: p.id,
        relevance: 1 + Math.round(9 * relevanceScore(input.topic, p)),
        empirical: 1 + hashInt(`emp${p.id}`, 10),
        inspiration: 1 + hashInt(`insp${p.id}`, 10),
      })),
    };
  }
  if (prompt.includes(ODR_SEEDS_TASK_MARKER)) {
    const input = extractOdrSeedsInput(prompt);
    if (!input) return null;
    const salt = hashText(prompt);
    return {
      ideas: Array.from({ length: SEEDS_PER_CALL }, (_, i) =>
        kindIdea(input.topic, hashInt(`${salt}:${i}`, KINDS.length), `${salt}:${i}`),
      ),
    };
  }
  if (prompt.includes(ODR_EXPAND_TASK_MARKER)) {
    const fields = extractTemplateFields(prompt);
    const seed = extractTaggedJson(prompt, "seed_json", seedSchema);
    if (!fields || !seed) return null;
    return fillTemplate(fields, seed);
  }
  if (prompt.includes(ODR_JUDGE_PAIR_TASK_MARKER)) {
    const input = extractOdrJudgePairInput(prompt);
    if (!input) return null;
    const strength = (f: Record<string, string>) => hashInt(JSON.stringify(f), 100);
    const diff = strength(input.a) - strength(input.b);
    return {
      reasoning: `Mock: strengths ${strength(input.a)} and ${strength(input.b)}.`,
      winner: Math.abs(diff) <= 2 ? "tie" : diff > 0 ? "A" : "B",
    };
  }
  const direct = prompt.includes(DIRECT_IDEA_TASK_MARKER);
  if (direct || prompt.includes(RAG_IDEA_TASK_MARKER)) {
    const fields = extractTemplateFields(prompt);
    const topic = extractTaggedJson(prompt, "idea_topic_json", topicSchema);
    if (!fields || !topic) return null;
    const salt = hashText(prompt);
    const idea = kindIdea(topic.topic, hashInt(salt, KINDS.length), salt);
    const papers = direct ? [] : (extractTaggedJson(prompt, "rag_papers_json", papersSchema) ?? []);
    const paper = papers[hashInt(`p${salt}`, Math.max(papers.length, 1))];
    return fillTemplate(fields, idea, paper ? ` It builds on "${paper.title}".` : "");
  }
  return null;
}

/** JSON text of the scripted answer, or null when the prompt is not one of these tasks. */
export function cannedOdrAnswer(prompt: string): string | null {
  const a = answer(prompt);
  return a === null ? null : JSON.stringify(a);
}
