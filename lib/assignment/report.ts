// The report that goes with an assignment: counts, and for every unmet goal a concrete reason a
// person can act on (add reviewers to a topic, lift a max load, drop a conflict).

import { plural } from "@/lib/format";
import type { AssignmentInput, AssignmentReport } from "./types";

type ReportInput = {
  input: AssignmentInput;
  chosen: { idea: number; reviewer: number }[];
  eligible: number[][];
  conditionsOf: Map<number, Map<string, number>>;
};

export function buildReport({ input, chosen, eligible, conditionsOf }: ReportInput): AssignmentReport {
  const { ideas, reviewers } = input;
  const { min: rMin, max: rMax } = input.reviewsPerIdea;
  const ideaCount = new Array<number>(ideas.length).fill(0);
  const load = new Array<number>(reviewers.length).fill(0);
  const assigned = new Set<string>();
  for (const { idea, reviewer } of chosen) {
    ideaCount[idea] = (ideaCount[idea] ?? 0) + 1;
    load[reviewer] = (load[reviewer] ?? 0) + 1;
    assigned.add(`${idea}:${reviewer}`);
  }
  const conditions = [...new Set(ideas.map((i) => i.condition))].sort();

  const topicIdeas = new Map<string, number>();
  const topicConditions = new Map<string, Set<string>>();
  for (const idea of ideas) {
    topicIdeas.set(idea.topic, (topicIdeas.get(idea.topic) ?? 0) + 1);
    const set = topicConditions.get(idea.topic) ?? new Set<string>();
    set.add(idea.condition);
    topicConditions.set(idea.topic, set);
  }
  const topicReviewers = new Map<string, number[]>();
  reviewers.forEach((r, index) => {
    for (const topic of new Set(r.topics))
      topicReviewers.set(topic, [...(topicReviewers.get(topic) ?? []), index]);
  });
  const topicCapacity = (topic: string) =>
    (topicReviewers.get(topic) ?? []).reduce((sum, r) => sum + (reviewers[r]?.maxLoad ?? 0), 0);

  const ideasShort: AssignmentReport["ideasShort"] = [];
  ideas.forEach((idea, i) => {
    const got = ideaCount[i] ?? 0;
    if (got >= rMin) return;
    const ofTopic = topicReviewers.get(idea.topic) ?? [];
    const allowed = eligible[i] ?? [];
    const capacity = topicCapacity(idea.topic);
    const needed = rMin * (topicIdeas.get(idea.topic) ?? 0);
    let reason: string;
    if (ofTopic.length === 0) reason = `no reviewer prefers topic ${idea.topic}`;
    else if (allowed.length === 0)
      reason = `no eligible reviewer (all conflicted: ${plural(ofTopic.length, "reviewer")} of topic ${idea.topic} are the author, share the author's institution or are marked)`;
    else if (allowed.length < rMin)
      reason = `only ${plural(allowed.length, "eligible reviewer")} < needed ${rMin}`;
    else if (capacity < needed) reason = `topic ${idea.topic}: capacity ${capacity} < needed ${needed}`;
    else
      reason = `its ${plural(allowed.length, "eligible reviewer")} are at max load (topic ${idea.topic}: capacity ${capacity} is shared with other topics, needed ${needed})`;
    ideasShort.push({ ideaId: idea.id, got, needed: rMin, reason });
  });

  const ideasOf: number[][] = reviewers.map(() => []);
  eligible.forEach((list, i) => {
    for (const r of list) ideasOf[r]?.push(i);
  });

  const reviewersUnbalanced: AssignmentReport["reviewersUnbalanced"] = [];
  const reviewersUnderMin: AssignmentReport["reviewersUnderMin"] = [];
  const perReviewer: AssignmentReport["perReviewer"] = [];
  reviewers.forEach((reviewer, r) => {
    const byCondition: Record<string, number> = Object.fromEntries(conditions.map((c) => [c, 0]));
    for (const i of ideasOf[r] ?? []) {
      const idea = ideas[i];
      if (idea && assigned.has(`${i}:${r}`))
        byCondition[idea.condition] = (byCondition[idea.condition] ?? 0) + 1;
    }
    const got = load[r] ?? 0;
    perReviewer.push({
      reviewerId: reviewer.id,
      load: got,
      minLoad: reviewer.minLoad,
      maxLoad: reviewer.maxLoad,
      byCondition,
    });
    const topics = [...new Set(reviewer.topics)].join(";");

    const counts = conditions.map((c) => byCondition[c] ?? 0);
    if (got > 0 && Math.max(...counts) - Math.min(...counts) > 1) {
      const available = conditionsOf.get(r) ?? new Map<string, number>();
      const missing = conditions.filter((c) => !available.has(c));
      const single = reviewer.topics.length === 1 ? reviewer.topics[0] : undefined;
      const fair = Math.floor(got / conditions.length);
      const scarce = conditions.find((c) => (available.get(c) ?? 0) < fair);
      const shown = conditions.map((c) => `${c}=${byCondition[c] ?? 0}`).join(", ");
      let reason: string;
      if (single !== undefined && (topicConditions.get(single)?.size ?? 0) === 1 && conditions.length > 1)
        reason = `reviewer prefers only topic ${single}, which has a single condition`;
      else if (missing.length > 0)
        reason = `no eligible idea of condition ${missing.join(", ")} in topics ${topics} (counts ${shown})`;
      else if (scarce !== undefined)
        reason = `only ${plural(available.get(scarce) ?? 0, "eligible idea")} of condition ${scarce} for a balanced load of ${got} (counts ${shown})`;
      else {
        const lowest = conditions.reduce((a, b) => ((byCondition[b] ?? 0) < (byCondition[a] ?? 0) ? b : a));
        reason = `counts ${shown}: the other eligible ideas of condition ${lowest} already have ${rMax} reviews or were needed to cover ideas with fewer eligible reviewers`;
      }
      reviewersUnbalanced.push({ reviewerId: reviewer.id, reason });
    }

    if (got < reviewer.minLoad) {
      const mine = ideasOf[r] ?? [];
      const reason =
        mine.length < reviewer.minLoad
          ? `only ${plural(mine.length, "eligible idea")} in topics ${topics} < min load ${reviewer.minLoad}`
          : `all ${plural(mine.length - got, "other eligible idea")} in topics ${topics} already have ${rMax} reviews`;
      reviewersUnderMin.push({ reviewerId: reviewer.id, got, min: reviewer.minLoad, reason });
    }
  });

  const cells = new Map<
    string,
    { topic: string; condition: string; ideas: number; reviews: number; covered: number }
  >();
  ideas.forEach((idea, i) => {
    const key = `${idea.topic}\u0000${idea.condition}`;
    const cell = cells.get(key) ?? {
      topic: idea.topic,
      condition: idea.condition,
      ideas: 0,
      reviews: 0,
      covered: 0,
    };
    cell.ideas += 1;
    cell.reviews += ideaCount[i] ?? 0;
    if ((ideaCount[i] ?? 0) >= rMin) cell.covered += 1;
    cells.set(key, cell);
  });
  const perTopicCondition = [...cells.values()].sort(
    (a, b) => a.topic.localeCompare(b.topic) || a.condition.localeCompare(b.condition),
  );

  return {
    placed: chosen.length,
    ideasCovered: ideaCount.filter((n) => n >= rMin).length,
    ideasShort,
    reviewersUnbalanced,
    reviewersUnderMin,
    perIdea: ideas.map((idea, i) => ({
      ideaId: idea.id,
      topic: idea.topic,
      condition: idea.condition,
      reviews: ideaCount[i] ?? 0,
    })),
    perReviewer,
    perTopicCondition,
  };
}
