// Reviewer assignment as one min-cost flow: source → idea → reviewer×condition slot → reviewer →
// sink. Every edge exists only where the hard constraints allow it and capacities encode the
// rest, so no solution can break a hard constraint; the goals are costs, in priority order.
import { createConflictCheck, validateInput } from "./eligibility";
import { createFlowGraph } from "./min-cost-flow";
import { createRandom, hashSeed, shuffleWith } from "./prng";
import { buildReport } from "./report";
import type { Assignment, AssignmentInput, AssignmentReport, AssignmentResult } from "./types";

// Per-unit weights of the lower goals. Each dominates the ones below it unit for unit; goal 1 gets
// a weight above the whole rest of the cost (computed below), so it is met exactly.
const SPREAD_IDEA = 50; // each review beyond the first costs a little more: ideas fill evenly
const SPREAD_REVIEWER = 100; // load above min costs in proportion to the reviewer's range
const BALANCE = 1000; // the k-th idea of one condition for one reviewer costs k × BALANCE

export function assignReviewers(input: AssignmentInput): AssignmentResult {
  validateInput(input);
  const { min: rMin, max: rMax } = input.reviewsPerIdea;
  const random = createRandom(hashSeed(input.seed));
  const isConflicted = createConflictCheck(input);
  const ideaIndex = new Map(input.ideas.map((idea, i) => [idea.id, i]));
  const reviewerIndex = new Map(input.reviewers.map((r, i) => [r.id, i]));
  const fixedPairs: { idea: number; reviewer: number }[] = [];
  const fixedIdea = new Array<number>(input.ideas.length).fill(0);
  for (const f of input.fixed ?? []) {
    const idea = ideaIndex.get(f.ideaId);
    if (idea === undefined) continue;
    // A fixed review by someone no longer in the pool (withdrawn, with a submitted review) still
    // counts toward its idea.
    fixedIdea[idea] = (fixedIdea[idea] ?? 0) + 1;
    const reviewer = reviewerIndex.get(f.reviewerId);
    if (reviewer !== undefined) fixedPairs.push({ idea, reviewer });
  }
  const fixedSet = new Set(fixedPairs.map((p) => `${p.idea}:${p.reviewer}`));
  const fixedLoad = new Array<number>(input.reviewers.length).fill(0);
  const fixedCondition = new Map<string, number>(); // `${reviewer}:${condition}` → fixed count
  for (const p of fixedPairs) {
    fixedLoad[p.reviewer] = (fixedLoad[p.reviewer] ?? 0) + 1;
    const key = `${p.reviewer}:${input.ideas[p.idea]?.condition}`;
    fixedCondition.set(key, (fixedCondition.get(key) ?? 0) + 1);
  }

  const ideaOrder = shuffleWith(
    input.ideas.map((_, i) => i),
    random,
  );
  const reviewerOrder = shuffleWith(
    input.reviewers.map((_, i) => i),
    random,
  );
  const reviewersByTopic = new Map<string, number[]>();
  for (const r of reviewerOrder) {
    for (const topic of new Set(input.reviewers[r]?.topics ?? [])) {
      const list = reviewersByTopic.get(topic);
      if (list) list.push(r);
      else reviewersByTopic.set(topic, [r]);
    }
  }

  // eligible[idea] = reviewer indexes allowed by every hard constraint, in a seeded order.
  const eligible: number[][] = input.ideas.map(() => []);
  const conditionsOf = new Map<number, Map<string, number>>(); // reviewer → condition → eligible ideas
  for (const i of ideaOrder) {
    const idea = input.ideas[i];
    if (!idea) continue;
    const list: number[] = [];
    for (const r of reviewersByTopic.get(idea.topic) ?? []) {
      if (isConflicted(r, i) || fixedSet.has(`${i}:${r}`)) continue;
      list.push(r);
      let byCondition = conditionsOf.get(r);
      if (!byCondition) {
        byCondition = new Map();
        conditionsOf.set(r, byCondition);
      }
      byCondition.set(idea.condition, (byCondition.get(idea.condition) ?? 0) + 1);
    }
    eligible[i] = shuffleWith(list, random);
  }

  // Nodes in topological order: source, ideas, slots, reviewers, sink.
  const ideaNode = (i: number) => 1 + i;
  const conditionNumber = new Map<string, number>();
  for (const idea of input.ideas)
    if (!conditionNumber.has(idea.condition)) conditionNumber.set(idea.condition, conditionNumber.size);
  const slotIndex = new Int32Array(input.reviewers.length * conditionNumber.size); // reviewer × condition → slot
  const slotList: { reviewer: number; condition: string; ideas: number }[] = [];
  for (const r of reviewerOrder) {
    for (const [condition, ideas] of conditionsOf.get(r) ?? []) {
      slotIndex[r * conditionNumber.size + (conditionNumber.get(condition) as number)] = slotList.length;
      slotList.push({ reviewer: r, condition, ideas });
    }
  }
  const slotNode = (s: number) => 1 + input.ideas.length + s;
  const reviewerNode = (r: number) => 1 + input.ideas.length + slotList.length + r;
  const sink = 1 + input.ideas.length + slotList.length + input.reviewers.length;
  const pairCount = eligible.reduce((sum, list) => sum + list.length, 0);
  const graph = createFlowGraph(sink + 1, pairCount + slotList.length * 4 + input.ideas.length * rMax);

  const maxLoadAll = input.reviewers.reduce((m, r) => Math.max(m, r.maxLoad), 0);
  const reachMin = BALANCE * (maxLoadAll + 1); // reaching a reviewer's min load beats balance
  const reviewerUnitCost = (k: number, minLoad: number, maxLoad: number) =>
    k < minLoad ? -reachMin : Math.floor((SPREAD_REVIEWER * (k - minLoad + 1)) / (maxLoad - minLoad + 1));

  // Fixed pairs use up the first units of every chain below, so new placements continue the costs.
  const slotUnits = (slot: { reviewer: number; condition: string; ideas: number }) => {
    const free = (input.reviewers[slot.reviewer]?.maxLoad ?? 0) - (fixedLoad[slot.reviewer] ?? 0);
    const first = fixedCondition.get(`${slot.reviewer}:${slot.condition}`) ?? 0;
    return { first, units: Math.max(0, Math.min(slot.ideas, free)) };
  };

  // Everything but goal 1's weight, in absolute value: goal 1's weight must exceed it.
  let rest = 0;
  for (const slot of slotList) {
    const { first, units } = slotUnits(slot);
    for (let k = first; k < first + units; k += 1) rest += BALANCE * k;
  }
  for (const r of input.reviewers) {
    for (let k = 0; k < r.maxLoad; k += 1) rest += Math.abs(reviewerUnitCost(k, r.minLoad, r.maxLoad));
  }
  rest += (input.ideas.length * SPREAD_IDEA * rMax * (rMax - 1)) / 2;
  const cover = rest + 1;

  for (const i of ideaOrder) {
    if ((eligible[i]?.length ?? 0) === 0) continue;
    for (let j = fixedIdea[i] ?? 0; j < rMax; j += 1)
      graph.addEdge(0, ideaNode(i), 1, (j < rMin ? -cover : 0) + j * SPREAD_IDEA);
  }
  const pairEdges: { idea: number; reviewer: number; edge: number }[] = [];
  for (const i of ideaOrder) {
    const c = conditionNumber.get(input.ideas[i]?.condition ?? "") as number;
    for (const r of eligible[i] ?? []) {
      const slot = slotIndex[r * conditionNumber.size + c] as number;
      pairEdges.push({ idea: i, reviewer: r, edge: graph.addEdge(ideaNode(i), slotNode(slot), 1, 0) });
    }
  }
  slotList.forEach((slot, s) => {
    const { first, units } = slotUnits(slot);
    for (let k = first; k < first + units; k += 1)
      graph.addEdge(slotNode(s), reviewerNode(slot.reviewer), 1, k * BALANCE);
  });
  for (const r of reviewerOrder) {
    const reviewer = input.reviewers[r];
    if (!reviewer || !conditionsOf.has(r)) continue;
    for (let k = fixedLoad[r] ?? 0; k < reviewer.maxLoad; k += 1) {
      graph.addEdge(reviewerNode(r), sink, 1, reviewerUnitCost(k, reviewer.minLoad, reviewer.maxLoad));
    }
  }

  graph.run(0, sink);

  const chosen = pairEdges.filter((p) => graph.flowOf(p.edge) > 0);
  chosen.sort((a, b) => a.idea - b.idea || a.reviewer - b.reviewer);
  const assignments: Assignment[] = chosen.map((p) => ({
    ideaId: input.ideas[p.idea]?.id ?? "",
    reviewerId: input.reviewers[p.reviewer]?.id ?? "",
  }));
  if ((input.fixed ?? []).length === 0) {
    return { assignments, report: buildReport({ input, chosen, eligible, conditionsOf }) };
  }
  // The report describes the state after publishing: fixed pairs count like placed ones.
  const withFixed = eligible.map((list) => [...list]);
  const conditionsWithFixed = new Map([...conditionsOf].map(([r, m]) => [r, new Map(m)]));
  for (const p of fixedPairs) {
    withFixed[p.idea]?.push(p.reviewer);
    const condition = input.ideas[p.idea]?.condition ?? "";
    const byCondition = conditionsWithFixed.get(p.reviewer) ?? new Map<string, number>();
    byCondition.set(condition, (byCondition.get(condition) ?? 0) + 1);
    conditionsWithFixed.set(p.reviewer, byCondition);
  }
  const report = buildReport({
    input,
    chosen: [...fixedPairs, ...chosen],
    eligible: withFixed,
    conditionsOf: conditionsWithFixed,
  });
  return {
    assignments,
    report: countOrphans(input, fixedPairs.length, fixedIdea, { ...report, placed: chosen.length }),
  };
}

/** Adds fixed reviews whose reviewer left the pool to the report's per-idea counts. */
function countOrphans(
  input: AssignmentInput,
  kept: number,
  fixedIdea: number[],
  report: AssignmentReport,
): AssignmentReport {
  const total = fixedIdea.reduce((a, b) => a + b, 0);
  if (total === kept) return report;
  const orphans = new Map<string, number>();
  for (const f of input.fixed ?? []) {
    if (!input.reviewers.some((r) => r.id === f.reviewerId))
      orphans.set(f.ideaId, (orphans.get(f.ideaId) ?? 0) + 1);
  }
  const rMin = input.reviewsPerIdea.min;
  const perIdea = report.perIdea.map((p) => ({ ...p, reviews: p.reviews + (orphans.get(p.ideaId) ?? 0) }));
  const reviewsOf = new Map(perIdea.map((p) => [p.ideaId, p.reviews]));
  const ideasShort = report.ideasShort
    .map((s) => ({ ...s, got: reviewsOf.get(s.ideaId) ?? s.got }))
    .filter((s) => s.got < rMin);
  const perTopicCondition = report.perTopicCondition.map((cell) => {
    const ideas = perIdea.filter((p) => p.topic === cell.topic && p.condition === cell.condition);
    return {
      ...cell,
      reviews: ideas.reduce((sum, p) => sum + p.reviews, 0),
      covered: ideas.filter((p) => p.reviews >= rMin).length,
    };
  });
  return {
    ...report,
    perIdea,
    ideasShort,
    perTopicCondition,
    ideasCovered: perIdea.filter((p) => p.reviews >= rMin).length,
  };
}
