// Seeded synthetic tournaments for the property tests and the benchmark. Verdicts follow
// Bradley–Terry with known strengths, and ties are drawn so that a win counts 1 and a tie ½ in
// expectation exactly as BT predicts, so the half-win fit recovers the strengths without bias.
import { createRandom, hashSeed } from "@/lib/assignment/prng";
import { computeExpectedScore } from "./elo";
import type { MatchRecord, Verdict } from "./types";

export type ArenaShape = {
  ideas: number;
  matches: number;
  topics: number;
  conditions: number;
  criteria: string[];
  humanJudges: number;
  /** Share of matches judged by the LLM (judge id "llm"). */
  llmShare: number;
  /** Ties take this fraction of the probability mass the closer side could give up (0–1). */
  tieRate: number;
  /** Standard deviation of the true strengths, in Elo points. */
  spread: number;
};

export type GeneratedArena = { matches: MatchRecord[]; strengths: Map<string, number> };

/** The spec's benchmark: 100 players, 100,000 matches, one criterion. */
export const BENCH_ARENA_SHAPE: ArenaShape = {
  ideas: 100,
  matches: 100_000,
  topics: 1,
  conditions: 3,
  criteria: ["novelty"],
  humanJudges: 20,
  llmShare: 0.5,
  tieRate: 0.2,
  spread: 150,
};

const START = Date.UTC(2025, 0, 1);

export function generateMatches(shape: ArenaShape, seed: number): GeneratedArena {
  const random = createRandom(hashSeed(seed));
  const int = (n: number) => Math.floor(random() * n);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const ideas = Array.from({ length: shape.ideas }, (_, i) => ({
    id: `i${i + 1}`,
    topic: `T${(i % shape.topics) + 1}`,
    // Not i % conditions: with as many topics as conditions, every topic would hold one condition.
    condition: `C${(Math.floor(i / shape.topics) % shape.conditions) + 1}`,
    strength: shape.spread * normal(),
  }));
  const mean = ideas.reduce((sum, idea) => sum + idea.strength, 0) / ideas.length;
  for (const idea of ideas) idea.strength = 1000 + idea.strength - mean;
  // Map.groupBy is not in Node 20.
  const byTopic = new Map<string, typeof ideas>();
  for (const idea of ideas) {
    const group = byTopic.get(idea.topic) ?? [];
    group.push(idea);
    byTopic.set(idea.topic, group);
  }
  const topics = [...byTopic.values()].filter((group) => group.length >= 2);

  const matches: MatchRecord[] = [];
  for (let m = 0; m < shape.matches; m += 1) {
    const group = topics[int(topics.length)] as typeof ideas;
    const x = int(group.length);
    const y = (x + 1 + int(group.length - 1)) % group.length;
    const [a, b] = [group[x] as (typeof ideas)[number], group[y] as (typeof ideas)[number]];
    const llm = random() < shape.llmShare;
    const judgeId = llm ? "llm" : `h${int(shape.humanJudges) + 1}`;
    for (const criterion of shape.criteria) {
      const p = computeExpectedScore(a.strength, b.strength);
      const tie = shape.tieRate * 2 * Math.min(p, 1 - p);
      const u = random();
      const winner: Verdict = u < p - tie / 2 ? "a" : u < p + tie / 2 ? "tie" : "b";
      matches.push({
        matchId: `m${m + 1}`,
        topic: a.topic,
        ideaA: a.id,
        ideaB: b.id,
        conditionA: a.condition,
        conditionB: b.condition,
        judgeId,
        judgeKind: llm ? "llm" : "human",
        criterion,
        winner,
        createdAt: START + m * 1000,
      });
    }
  }
  return { matches, strengths: new Map(ideas.map((idea) => [idea.id, idea.strength])) };
}
