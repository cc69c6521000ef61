import { describe, expect, it } from "vitest";
import { assignReviewers } from "./assign";
import { createRandom } from "./prng";
import { generateInstance, type InstanceShape } from "./synthetic";
import type { AssignmentIdea, AssignmentInput, AssignmentResult, AssignmentReviewer } from "./types";

// An eligibility check written apart from the engine's, so a bug there cannot hide here.
function allowed(input: AssignmentInput, reviewer: AssignmentReviewer, idea: AssignmentIdea): boolean {
  if (!reviewer.topics.includes(idea.topic)) return false;
  if (idea.authorId !== null && idea.authorId === reviewer.id) return false;
  const a = reviewer.institution?.trim().toLowerCase() ?? "";
  const b = idea.authorInstitution?.trim().toLowerCase() ?? "";
  if (a !== "" && a === b) return false;
  return !input.conflicts.some(
    (c) =>
      c.reviewerId === reviewer.id &&
      (c.ideaId === idea.id ||
        (c.authorId !== undefined && idea.authorId !== null && c.authorId === idea.authorId)),
  );
}

function checkHardConstraints(input: AssignmentInput, result: AssignmentResult) {
  const ideas = new Map(input.ideas.map((i) => [i.id, i]));
  const reviewers = new Map(input.reviewers.map((r) => [r.id, r]));
  const pairs = new Set<string>();
  const perIdea = new Map<string, number>();
  const load = new Map<string, number>();
  for (const a of result.assignments) {
    const idea = ideas.get(a.ideaId);
    const reviewer = reviewers.get(a.reviewerId);
    expect(idea && reviewer && allowed(input, reviewer, idea)).toBe(true);
    const key = `${a.ideaId}|${a.reviewerId}`;
    expect(pairs.has(key)).toBe(false);
    pairs.add(key);
    perIdea.set(a.ideaId, (perIdea.get(a.ideaId) ?? 0) + 1);
    load.set(a.reviewerId, (load.get(a.reviewerId) ?? 0) + 1);
  }
  for (const n of perIdea.values()) expect(n).toBeLessThanOrEqual(input.reviewsPerIdea.max);
  for (const r of input.reviewers) expect(load.get(r.id) ?? 0).toBeLessThanOrEqual(r.maxLoad);

  // The report agrees with the assignments.
  const { report } = result;
  expect(report.placed).toBe(result.assignments.length);
  const short = input.ideas
    .filter((i) => (perIdea.get(i.id) ?? 0) < input.reviewsPerIdea.min)
    .map((i) => i.id);
  expect(report.ideasShort.map((s) => s.ideaId)).toEqual(short);
  expect(report.ideasCovered).toBe(input.ideas.length - short.length);
  const under = input.reviewers.filter((r) => (load.get(r.id) ?? 0) < r.minLoad).map((r) => r.id);
  expect(report.reviewersUnderMin.map((u) => u.reviewerId)).toEqual(under);

  // A maximum placement leaves no allowed pair where both the idea and the reviewer have room.
  for (const idea of input.ideas) {
    if ((perIdea.get(idea.id) ?? 0) >= input.reviewsPerIdea.max) continue;
    for (const r of input.reviewers) {
      if ((load.get(r.id) ?? 0) >= r.maxLoad || pairs.has(`${idea.id}|${r.id}`)) continue;
      expect(allowed(input, r, idea)).toBe(false);
    }
  }
  return { perIdea, load };
}

function randomShape(random: () => number, size: "small" | "medium" | "tiny"): InstanceShape {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const limits = { tiny: [5, 4, 3], small: [12, 6, 5], medium: [40, 15, 8] }[size] as [
    number,
    number,
    number,
  ];
  const rMax = int(1, 3);
  const minLoad = int(0, 2);
  return {
    ideas: int(1, limits[0]),
    reviewers: int(1, limits[1]),
    topics: int(1, 3),
    conditions: int(1, 3),
    reviewsPerIdea: { min: int(0, rMax), max: rMax },
    topicsPerReviewer: [1, int(1, 3)],
    load: { min: [0, minLoad], max: [int(0, 2), limits[2]] },
    institutions: int(1, 4),
    reviewerAuthored: random() * 0.5,
    conflicts: int(0, 4),
  };
}

/**
 * Exhaustive optima by DP over ideas (state = reviewer loads): the best (reviews counting toward
 * min, reviews placed) pair, which is what the flow optimizes, and the most ideas reaching min.
 */
function bruteForce(input: AssignmentInput): { towardMin: number; placed: number; covered: number } {
  const { min, max } = input.reviewsPerIdea;
  const start = input.reviewers.map(() => 0).join(",");
  let states = new Map<string, [number, number]>([[start, [0, 0]]]);
  for (const idea of input.ideas) {
    const options = input.reviewers
      .map((_, index) => index)
      .filter((index) => allowed(input, input.reviewers[index] as AssignmentReviewer, idea));
    const next = new Map<string, [number, number]>();
    for (const [key, [score, covered]] of states) {
      const loads = key.split(",").map(Number);
      for (let mask = 0; mask < 1 << options.length; mask += 1) {
        const picked = options.filter((_, bit) => mask & (1 << bit));
        if (picked.length > max) continue;
        const after = loads.slice();
        let fits = true;
        for (const r of picked) {
          after[r] = (after[r] ?? 0) + 1;
          if ((after[r] as number) > (input.reviewers[r] as AssignmentReviewer).maxLoad) fits = false;
        }
        if (!fits) continue;
        const k = after.join(",");
        const value = score + Math.min(picked.length, min) * 1000 + picked.length;
        const cover = covered + (picked.length >= min ? 1 : 0);
        const old = next.get(k) ?? [-1, -1];
        next.set(k, [Math.max(old[0], value), Math.max(old[1], cover)]);
      }
    }
    states = next;
  }
  const best = Math.max(...[...states.values()].map((v) => v[0]));
  const covered = Math.max(...[...states.values()].map((v) => v[1]));
  return { towardMin: Math.floor(best / 1000), placed: best % 1000, covered };
}

describe("assignReviewers", () => {
  it("never breaks a hard constraint and always places a maximum (1,200 random instances)", () => {
    const random = createRandom(20261126);
    for (let n = 0; n < 1200; n += 1) {
      const input = generateInstance(randomShape(random, n % 3 === 0 ? "medium" : "small"), n);
      checkHardConstraints(input, assignReviewers(input));
    }
  });

  it("assigns the remaining reviews around fixed (published) pairs without moving them (300 instances)", () => {
    const random = createRandom(42);
    for (let n = 0; n < 300; n += 1) {
      const input = generateInstance(randomShape(random, "small"), 5000 + n);
      const first = assignReviewers(input);
      const fixed = first.assignments.filter(() => random() < 0.5);
      const again = assignReviewers({ ...input, fixed, seed: n });
      const fixedKeys = new Set(fixed.map((a) => `${a.ideaId}|${a.reviewerId}`));
      for (const a of again.assignments) expect(fixedKeys.has(`${a.ideaId}|${a.reviewerId}`)).toBe(false);
      const combined = [...fixed, ...again.assignments];
      // Together they obey every hard constraint and are a maximum placement again.
      checkHardConstraints(input, {
        assignments: combined,
        report: { ...again.report, placed: combined.length },
      });
      expect(again.report.placed).toBe(again.assignments.length);
    }
  });

  it("counts a fixed review by a reviewer who left the pool toward its idea", () => {
    const random = createRandom(99);
    for (let n = 0; n < 100; n += 1) {
      const input = generateInstance(randomShape(random, "small"), 9000 + n);
      const first = assignReviewers(input);
      const gone = input.reviewers[0];
      if (!gone) continue;
      const rest = { ...input, reviewers: input.reviewers.slice(1), fixed: first.assignments, seed: n };
      const again = assignReviewers(rest);
      const count = new Map<string, number>();
      for (const a of [...first.assignments, ...again.assignments])
        count.set(a.ideaId, (count.get(a.ideaId) ?? 0) + 1);
      for (const c of count.values()) expect(c).toBeLessThanOrEqual(input.reviewsPerIdea.max);
      for (const p of again.report.perIdea) expect(p.reviews).toBe(count.get(p.ideaId) ?? 0);
      expect(
        again.report.ideasShort.every((s) => (count.get(s.ideaId) ?? 0) < input.reviewsPerIdea.min),
      ).toBe(true);
    }
  });

  it("matches an exhaustive search on 300 tiny instances", () => {
    const random = createRandom(7);
    let nonTrivial = 0;
    let allCoverable = 0;
    for (let n = 0; n < 300; n += 1) {
      const input = generateInstance(randomShape(random, "tiny"), 10_000 + n);
      const { report, assignments } = assignReviewers(input);
      const best = bruteForce(input);
      const got = new Map<string, number>();
      for (const a of assignments) got.set(a.ideaId, (got.get(a.ideaId) ?? 0) + 1);
      const towardMin = input.ideas.reduce(
        (sum, i) => sum + Math.min(got.get(i.id) ?? 0, input.reviewsPerIdea.min),
        0,
      );
      expect({ towardMin, placed: report.placed }).toEqual({
        towardMin: best.towardMin,
        placed: best.placed,
      });
      expect(report.ideasCovered).toBeLessThanOrEqual(best.covered);
      // Whenever every idea can reach min, the engine reaches it for every idea.
      if (best.covered === input.ideas.length) {
        expect(report.ideasCovered).toBe(input.ideas.length);
        allCoverable += 1;
      }
      if (best.placed > 0) nonTrivial += 1;
    }
    // The comparison means little if the generator only made empty or trivially full instances.
    expect(nonTrivial).toBeGreaterThan(150);
    expect(allCoverable).toBeGreaterThan(50);
    expect(allCoverable).toBeLessThan(300);
  });

  it("gives the same output for the same seed and lets the seed pick among ties", () => {
    const shape = randomShape(createRandom(3), "medium");
    const input = generateInstance(
      { ...shape, ideas: 40, reviewers: 15, topics: 2, load: { min: [0, 0], max: [6, 8] } },
      5,
    );
    expect(assignReviewers({ ...input, seed: 11 })).toEqual(assignReviewers({ ...input, seed: 11 }));
    const outputs = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) => JSON.stringify(assignReviewers({ ...input, seed }).assignments)),
    );
    expect(outputs.size).toBeGreaterThan(1);
  });

  it("balances conditions per reviewer when a perfect balance exists", () => {
    const ideas: AssignmentIdea[] = ["A", "B", "C"].flatMap((condition) =>
      [1, 2, 3, 4].map((k) => ({
        id: `${condition}${k}`,
        topic: "T",
        condition,
        authorId: null,
        authorInstitution: null,
      })),
    );
    const reviewers: AssignmentReviewer[] = [1, 2, 3, 4].map((k) => ({
      id: `r${k}`,
      topics: ["T"],
      minLoad: 0,
      maxLoad: 6,
      institution: null,
    }));
    for (let seed = 0; seed < 20; seed += 1) {
      const { report } = assignReviewers({
        ideas,
        reviewers,
        conflicts: [],
        reviewsPerIdea: { min: 2, max: 2 },
        seed,
      });
      expect(report.placed).toBe(24);
      for (const r of report.perReviewer) expect(r.byCondition).toEqual({ A: 2, B: 2, C: 2 });
      expect(report.reviewersUnbalanced).toEqual([]);
    }
  });

  it("spreads load evenly relative to each reviewer's range", () => {
    const ideas: AssignmentIdea[] = Array.from({ length: 12 }, (_, k) => ({
      id: `i${k}`,
      topic: "T",
      condition: "A",
      authorId: null,
      authorInstitution: null,
    }));
    const reviewers: AssignmentReviewer[] = [1, 2, 3].map((k) => ({
      id: `r${k}`,
      topics: ["T"],
      minLoad: 0,
      maxLoad: 12,
      institution: null,
    }));
    const { report } = assignReviewers({
      ideas,
      reviewers,
      conflicts: [],
      reviewsPerIdea: { min: 1, max: 1 },
      seed: 1,
    });
    expect(report.perReviewer.map((r) => r.load)).toEqual([4, 4, 4]);
  });
});

describe("assignReviewers report reasons", () => {
  const idea = (
    id: string,
    topic: string,
    condition = "A",
    extra: Partial<AssignmentIdea> = {},
  ): AssignmentIdea => ({
    id,
    topic,
    condition,
    authorId: null,
    authorInstitution: null,
    ...extra,
  });
  const reviewer = (
    id: string,
    topics: string[],
    maxLoad: number,
    extra: Partial<AssignmentReviewer> = {},
  ): AssignmentReviewer => ({
    id,
    topics,
    minLoad: 0,
    maxLoad,
    institution: null,
    ...extra,
  });

  it("names a topic whose capacity is below what its ideas need", () => {
    const input: AssignmentInput = {
      ideas: [1, 2, 3, 4].map((k) => idea(`m${k}`, "Math")),
      reviewers: [reviewer("r1", ["Math"], 4), reviewer("r2", ["Math"], 4), reviewer("r3", ["Math"], 3)],
      conflicts: [],
      reviewsPerIdea: { min: 3, max: 3 },
      seed: 1,
    };
    const { report } = assignReviewers(input);
    expect(report.placed).toBe(11);
    expect(report.ideasCovered).toBe(3);
    expect(report.ideasShort).toEqual([
      { ideaId: expect.any(String), got: 2, needed: 3, reason: "topic Math: capacity 11 < needed 12" },
    ]);
  });

  it("says when every reviewer of the topic is conflicted, and honours each kind of conflict", () => {
    const input: AssignmentInput = {
      ideas: [
        idea("x", "Bio", "A", { authorId: "r1", authorInstitution: " MIT " }),
        idea("y", "Bio", "A", { authorId: "a9" }),
      ],
      reviewers: [
        reviewer("r1", ["Bio"], 5),
        reviewer("r2", ["Bio"], 5, { institution: "mit" }),
        reviewer("r3", ["Bio"], 5),
        reviewer("r4", ["Bio"], 5),
      ],
      conflicts: [
        { reviewerId: "r3", ideaId: "x" },
        { reviewerId: "r4", authorId: "r1" },
      ],
      reviewsPerIdea: { min: 1, max: 4 },
      seed: 2,
    };
    const { assignments, report } = assignReviewers(input);
    expect(assignments.filter((a) => a.ideaId === "x")).toEqual([]);
    expect(
      assignments
        .filter((a) => a.ideaId === "y")
        .map((a) => a.reviewerId)
        .sort(),
    ).toEqual(["r1", "r2", "r3", "r4"]);
    expect(report.ideasShort).toHaveLength(1);
    expect(report.ideasShort[0]?.reason).toMatch(/^no eligible reviewer \(all conflicted/);
  });

  it("says when no reviewer prefers the topic", () => {
    const { report } = assignReviewers({
      ideas: [idea("z", "Art")],
      reviewers: [reviewer("r1", ["Bio"], 3)],
      conflicts: [],
      reviewsPerIdea: { min: 1, max: 1 },
      seed: 1,
    });
    expect(report.ideasShort).toEqual([
      { ideaId: "z", got: 0, needed: 1, reason: "no reviewer prefers topic Art" },
    ]);
  });

  it("explains a reviewer whose only topic has a single condition, and one under min load", () => {
    const input: AssignmentInput = {
      ideas: [idea("a1", "Art", "A"), idea("a2", "Art", "A"), idea("b1", "Bio", "B"), idea("b2", "Bio", "A")],
      reviewers: [reviewer("r1", ["Art"], 2, { minLoad: 2 }), reviewer("r2", ["Bio"], 5, { minLoad: 4 })],
      conflicts: [],
      reviewsPerIdea: { min: 1, max: 1 },
      seed: 1,
    };
    const { report } = assignReviewers(input);
    expect(report.reviewersUnbalanced).toEqual([
      { reviewerId: "r1", reason: "reviewer prefers only topic Art, which has a single condition" },
    ]);
    expect(report.reviewersUnderMin).toEqual([
      { reviewerId: "r2", got: 2, min: 4, reason: "only 2 eligible ideas in topics Bio < min load 4" },
    ]);
  });

  it("rejects an impossible reviews-per-idea range", () => {
    expect(() =>
      assignReviewers({
        ideas: [],
        reviewers: [],
        conflicts: [],
        reviewsPerIdea: { min: 3, max: 2 },
        seed: 1,
      }),
    ).toThrow(/reviewsPerIdea/);
  });
});
