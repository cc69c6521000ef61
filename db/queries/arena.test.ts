import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { arenaPairs, arenaVotes, ideas as ideasTable, studies } from "@/db/schema";
import { resetTestDb } from "@/db/testing/db";
import { makeUser } from "@/db/testing/fixtures";
import { makeReviewStudy, startReviewing } from "@/db/testing/review-fixtures";
import { DEFAULT_ARENA_CONFIG } from "@/lib/arena/types";
import { AppError } from "@/lib/errors";
import { getArenaConfig, updateArenaConfig } from "./arena-config";
import { getJudgeBoard, skipArenaPair, submitArenaVote } from "./arena-judging";
import { clearUnjudgedArenaPairs, scheduleArenaPairs } from "./arena-schedule";
import { getArenaSetup } from "./arena-setup";
import { addStudyRoles } from "./studies";
import { advancePhase } from "./study-setup";

beforeEach(() => {
  resetTestDb();
});

function catchError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an error");
}

const ALL_A = Object.fromEntries(DEFAULT_ARENA_CONFIG.criteria.map((c) => [c.key, "a"]));

/** Eight ideas (2 topics × Human/AI × 2; the writer wrote the Human ones), arena open, one judge. */
function arenaStudy({ open = true } = {}) {
  const s = makeReviewStudy({ ideasPerCell: 2, reviewerCount: 0 });
  startReviewing(s.study.id, s.organizer.id);
  if (open) advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "arena" });
  const judge = makeUser({ name: "Judith Judge" });
  addStudyRoles({ studyId: s.study.id, userId: judge.id, roles: ["judge"] });
  return { ...s, judge };
}

const pairsOf = (studyId: string) =>
  getDb().select().from(arenaPairs).where(eq(arenaPairs.studyId, studyId)).all();
const votesOf = (studyId: string) =>
  getDb().select().from(arenaVotes).where(eq(arenaVotes.studyId, studyId)).all();
const unordered = (p: { ideaAId: string; ideaBId: string }) => [p.ideaAId, p.ideaBId].sort().join("|");

describe("arena setup", () => {
  it("starts from the defaults and stores a partial change merged into them", () => {
    const s = arenaStudy();
    expect(getArenaConfig({ studyId: s.study.id })).toEqual(DEFAULT_ARENA_CONFIG);
    const next = updateArenaConfig({
      studyId: s.study.id,
      actorId: s.organizer.id,
      patch: { mode: "adaptive", budget: "3", conditionKeys: ["AI"], topicIds: [s.graphs.id] },
    });
    expect(next).toEqual({
      ...DEFAULT_ARENA_CONFIG,
      mode: "adaptive",
      budget: 3,
      conditionKeys: ["AI"],
      topicIds: [s.graphs.id],
    });
    expect(getArenaConfig({ studyId: s.study.id })).toEqual(next);
    const setup = getArenaSetup({ studyId: s.study.id });
    expect(setup).toMatchObject({ readyIdeas: 8, participants: 2, criteriaLockedReason: null, rounds: 0 });
    expect(setup.judges).toEqual([
      { userId: s.judge.id, name: "Judith Judge", email: s.judge.email, voted: 0, skipped: 0 },
    ]);
  });

  it.each<[string, (s: ReturnType<typeof arenaStudy>) => Record<string, unknown>, string, string]>([
    [
      "an unknown condition",
      () => ({ conditionKeys: ["AI", "Robots"] }),
      "conditionKeys",
      'Conditions: "Robots" is not a condition of this study.',
    ],
    [
      "another study's topic",
      () => ({ topicIds: [makeReviewStudy({ reviewerCount: 0 }).graphs.id] }),
      "topicIds",
      "Topics: a chosen topic is not a topic of this study.",
    ],
    [
      "a bad budget",
      () => ({ budget: 0 }),
      "budget",
      "Pairs per round: enter a whole number from 1 to 10,000.",
    ],
    [
      "a repeated criterion key",
      () => ({ criteria: [DEFAULT_ARENA_CONFIG.criteria[0], DEFAULT_ARENA_CONFIG.criteria[0]] }),
      "criteria.1.key",
      'Criterion 2: key "novelty" is already used by another criterion.',
    ],
  ])("refuses %s, naming the field, and writes nothing", (_name, patch, field, message) => {
    const s = arenaStudy();
    const before = getDb()
      .select({ c: studies.arenaConfig })
      .from(studies)
      .where(eq(studies.id, s.study.id))
      .get();
    const e = catchError(() =>
      updateArenaConfig({ studyId: s.study.id, actorId: s.organizer.id, patch: patch(s) }),
    );
    expect(e.code).toBe("invalid:arena_config");
    expect(e.message).toBe(message);
    expect(e.fieldErrors?.[field]).toEqual([message]);
    const after = getDb()
      .select({ c: studies.arenaConfig })
      .from(studies)
      .where(eq(studies.id, s.study.id))
      .get();
    expect(after).toEqual(before);
  });

  it("lets criteria change until the first vote, human or LLM, then locks them with the reason", () => {
    for (const kind of ["human", "llm"] as const) {
      const s = arenaStudy();
      const criteria = [{ key: "novelty", label: "Originality", description: "Which is newer?" }];
      updateArenaConfig({ studyId: s.study.id, actorId: s.organizer.id, patch: { criteria } });
      expect(getArenaConfig({ studyId: s.study.id }).criteria).toEqual(criteria);
      scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id });
      const [pair] = pairsOf(s.study.id);
      if (kind === "human") {
        // A skip carries no verdicts, so it does not lock the criteria.
        const board = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id });
        skipArenaPair({ studyId: s.study.id, userId: s.judge.id, pairId: board.pair!.pairId });
        expect(getArenaSetup({ studyId: s.study.id }).criteriaLockedReason).toBeNull();
        const next = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id });
        submitArenaVote({
          studyId: s.study.id,
          userId: s.judge.id,
          pairId: next.pair!.pairId,
          verdicts: { novelty: "tie" },
        });
      } else {
        getDb()
          .insert(arenaVotes)
          .values({
            studyId: s.study.id,
            pairId: pair!.id,
            judgeKey: `llm:mock:${pair!.ideaAId}`,
            judgeKind: "llm",
            status: "voted",
            leftIdeaId: pair!.ideaAId,
            rightIdeaId: pair!.ideaBId,
            verdicts: { novelty: "a" },
            model: "mock",
          })
          .run();
      }
      const reason = getArenaSetup({ studyId: s.study.id }).criteriaLockedReason;
      expect(reason).toBe(
        `The criteria are locked: 1 vote has been cast (${kind === "human" ? "1 human, 0 LLM" : "0 human, 1 LLM"}), and verdicts on changed criteria would not be comparable.`,
      );
      const e = catchError(() =>
        updateArenaConfig({
          studyId: s.study.id,
          actorId: s.organizer.id,
          patch: { criteria: DEFAULT_ARENA_CONFIG.criteria },
        }),
      );
      expect(e.code).toBe("conflict:arena_criteria_locked");
      expect(e.message).toBe(reason);
      expect(getArenaConfig({ studyId: s.study.id }).criteria).toEqual(criteria);
      // Everything else stays editable.
      updateArenaConfig({ studyId: s.study.id, actorId: s.organizer.id, patch: { k: 8, criteria } });
      expect(getArenaConfig({ studyId: s.study.id }).k).toBe(8);
    }
  });
});

describe("scheduling", () => {
  it("round-robin schedules every same-topic pair once, and a second run adds nothing", () => {
    const s = arenaStudy();
    const result = scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id });
    expect(result).toEqual({ round: 1, added: 12, mode: "round_robin", participants: 8 });
    const pairs = pairsOf(s.study.id);
    const topic = new Map(s.ideas.map((i) => [i.id, i.topicId]));
    expect(pairs).toHaveLength(12);
    for (const p of pairs) {
      expect(p.ideaAId).not.toBe(p.ideaBId);
      expect(topic.get(p.ideaAId)).toBe(topic.get(p.ideaBId));
    }
    expect(new Set(pairs.map(unordered)).size).toBe(12);
    expect(scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id }).added).toBe(0);
    expect(pairsOf(s.study.id)).toHaveLength(12);

    // Crossing topics afterwards adds only the 16 cross-topic pairs, never one already there.
    updateArenaConfig({ studyId: s.study.id, actorId: s.organizer.id, patch: { sameTopic: false } });
    expect(scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id })).toMatchObject({
      round: 2,
      added: 16,
    });
    const all = pairsOf(s.study.id);
    expect(new Set(all.map(unordered)).size).toBe(28);
    const setup = getArenaSetup({ studyId: s.study.id });
    expect(setup.pairs).toHaveLength(28);
    expect(setup.rounds).toBe(2);
    expect(setup.pairs[0]).toMatchObject({ number: 1, round: 1, humanVotes: 0, skips: 0, llmVotes: 0 });
  });

  it("schedules only the ideas that take part", () => {
    const s = arenaStudy();
    updateArenaConfig({ studyId: s.study.id, actorId: s.organizer.id, patch: { conditionKeys: ["AI"] } });
    scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id });
    const ai = new Set(s.ideas.filter((i) => i.conditionKey === "AI").map((i) => i.id));
    const pairs = pairsOf(s.study.id);
    expect(pairs).toHaveLength(2);
    expect(pairs.every((p) => ai.has(p.ideaAId) && ai.has(p.ideaBId))).toBe(true);
  });

  it("adaptive schedules rounds of `budget` pairs, fewest matches first, until every pair is used", () => {
    const s = arenaStudy();
    updateArenaConfig({
      studyId: s.study.id,
      actorId: s.organizer.id,
      patch: { mode: "adaptive", budget: 4 },
    });
    expect(scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id })).toMatchObject({
      round: 1,
      added: 4,
    });
    const first = pairsOf(s.study.id);
    // Four pairs over eight ideas, each idea's count starting at 0: every idea plays once.
    expect(new Set(first.flatMap((p) => [p.ideaAId, p.ideaBId])).size).toBe(8);
    let rounds = 1;
    while (scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id }).added > 0) rounds += 1;
    const all = pairsOf(s.study.id);
    expect(all).toHaveLength(12);
    expect(new Set(all.map(unordered)).size).toBe(12);
    expect(rounds).toBe(3);
    expect(new Set(all.map((p) => p.round))).toEqual(new Set([1, 2, 3]));
  });

  it("Swiss pairs every idea once per round, without repeating a pair", () => {
    const s = arenaStudy();
    updateArenaConfig({ studyId: s.study.id, actorId: s.organizer.id, patch: { mode: "swiss" } });
    expect(scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id }).added).toBe(4);
    // Votes give the scores the next round pairs by.
    for (let i = 0; i < 4; i++) {
      const board = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id });
      submitArenaVote({
        studyId: s.study.id,
        userId: s.judge.id,
        pairId: board.pair!.pairId,
        verdicts: ALL_A,
      });
    }
    expect(scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id })).toMatchObject({
      round: 2,
      added: 4,
    });
    const all = pairsOf(s.study.id);
    expect(new Set(all.map(unordered)).size).toBe(8);
    for (const round of [1, 2]) {
      const ids = all.filter((p) => p.round === round).flatMap((p) => [p.ideaAId, p.ideaBId]);
      expect(new Set(ids).size).toBe(8);
    }
  });

  it("refuses with fewer than two ideas taking part, and once the study is closed", () => {
    const s = arenaStudy();
    updateArenaConfig({
      studyId: s.study.id,
      actorId: s.organizer.id,
      patch: { conditionKeys: ["AI"], topicIds: [s.graphs.id] },
    });
    expect(scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id }).added).toBe(1);
    getDb().update(studies).set({ status: "closed" }).where(eq(studies.id, s.study.id)).run();
    expect(
      catchError(() => scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id })).message,
    ).toBe("The study is closed; the arena schedule can no longer change.");
    expect(pairsOf(s.study.id)).toHaveLength(1);
    const tooFew = makeReviewStudy({ ideasPerCell: 0, reviewerCount: 0 });
    const e = catchError(() =>
      scheduleArenaPairs({ studyId: tooFew.study.id, actorId: tooFew.organizer.id }),
    );
    expect(e.code).toBe("conflict:arena_too_few_ideas");
    expect(e.message).toContain("At least two ideas must take part to schedule pairs; the setup includes 0.");
    expect(pairsOf(tooFew.study.id)).toHaveLength(0);
  });

  it("clears only the pairs nobody has judged or skipped", () => {
    const s = arenaStudy();
    scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id });
    const first = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id }).pair!.pairId;
    submitArenaVote({ studyId: s.study.id, userId: s.judge.id, pairId: first, verdicts: ALL_A });
    const second = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id }).pair!.pairId;
    skipArenaPair({ studyId: s.study.id, userId: s.judge.id, pairId: second });
    expect(clearUnjudgedArenaPairs({ studyId: s.study.id, actorId: s.organizer.id })).toBe(10);
    expect(
      pairsOf(s.study.id)
        .map((p) => p.id)
        .sort(),
    ).toEqual([first, second].sort());
    expect(votesOf(s.study.id)).toHaveLength(2);
  });
});

describe("judging", () => {
  function scheduled() {
    const s = arenaStudy();
    scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id });
    return s;
  }

  it("shows a blind pair with progress, and records the vote with the sides the judge saw", () => {
    const s = scheduled();
    const board = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id });
    expect(board.closedReason).toBeNull();
    expect(board.progress).toEqual({ done: 0, total: 12, voted: 0, skipped: 0 });
    expect(board.criteria).toEqual(DEFAULT_ARENA_CONFIG.criteria);
    const pair = board.pair!;
    // Blind: only topic and text; no id, code, condition or author anywhere in what a judge gets.
    const text = JSON.stringify(board);
    for (const i of s.ideas) {
      expect(text).not.toContain(i.id);
      expect(text).not.toContain(i.code);
    }
    for (const secret of ['"Human"', '"AI"', "Human-written", "AI-generated", s.writer.name, "provenance"]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(pair.left).sort()).toEqual(["sections", "topic"]);

    const result = submitArenaVote({
      studyId: s.study.id,
      userId: s.judge.id,
      pairId: pair.pairId,
      verdicts: { novelty: "a", significance: "b", clarity: "tie", feasibility: "a", effectiveness: "b" },
      comment: "  Left is bolder.  ",
    });
    expect(result).toEqual({ status: "voted", progress: { done: 1, total: 12, voted: 1, skipped: 0 } });
    const [vote] = votesOf(s.study.id);
    expect(vote).toMatchObject({
      pairId: pair.pairId,
      judgeKey: s.judge.id,
      judgeId: s.judge.id,
      judgeKind: "human",
      status: "voted",
      verdicts: { novelty: "a", significance: "b", clarity: "tie", feasibility: "a", effectiveness: "b" },
      comment: "Left is bolder.",
    });
    // The stored left idea is the one whose text the judge saw on the left.
    const n = (id: string) => s.ideas.findIndex((i) => i.id === id) + 1;
    const title = (side: typeof pair.left) => side.sections.find((x) => x.key === "title")?.text;
    expect(title(pair.left)).toBe(`Title: idea ${n(vote!.leftIdeaId)}.`);
    expect(title(pair.right)).toBe(`Title: idea ${n(vote!.rightIdeaId)}.`);
    const stored = pairsOf(s.study.id).find((p) => p.id === pair.pairId)!;
    expect(unordered({ ideaAId: vote!.leftIdeaId, ideaBId: vote!.rightIdeaId })).toBe(unordered(stored));

    const next = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id });
    expect(next.pair?.pairId).not.toBe(pair.pairId);
    expect(next.progress.done).toBe(1);
  });

  it("draws left and right at random per judge and pair", () => {
    const s = scheduled();
    const other = makeUser({ name: "Jonas Judge" });
    addStudyRoles({ studyId: s.study.id, userId: other.id, roles: ["judge"] });
    let leftIsA = 0;
    for (const judge of [s.judge, other]) {
      for (let i = 0; i < 12; i++) {
        const board = getJudgeBoard({ studyId: s.study.id, userId: judge.id });
        skipArenaPair({ studyId: s.study.id, userId: judge.id, pairId: board.pair!.pairId });
      }
      expect(getJudgeBoard({ studyId: s.study.id, userId: judge.id })).toMatchObject({
        pair: null,
        progress: { done: 12, total: 12, voted: 0, skipped: 12 },
      });
    }
    const pairs = new Map(pairsOf(s.study.id).map((p) => [p.id, p]));
    for (const v of votesOf(s.study.id)) if (pairs.get(v.pairId)?.ideaAId === v.leftIdeaId) leftIsA += 1;
    expect(leftIsA).toBeGreaterThan(0);
    expect(leftIsA).toBeLessThan(24);
  });

  it("refuses a second judgment of the same pair and writes nothing", () => {
    const s = scheduled();
    const pairId = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id }).pair!.pairId;
    submitArenaVote({ studyId: s.study.id, userId: s.judge.id, pairId, verdicts: ALL_A });
    for (const again of [
      () => submitArenaVote({ studyId: s.study.id, userId: s.judge.id, pairId, verdicts: ALL_A }),
      () => skipArenaPair({ studyId: s.study.id, userId: s.judge.id, pairId }),
    ]) {
      const e = catchError(again);
      expect(e.code).toBe("conflict:arena_vote_exists");
      expect(e.message).toBe("You already judged this pair.");
    }
    expect(votesOf(s.study.id)).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      "a missing criterion",
      { novelty: "a", clarity: "b", feasibility: "tie", effectiveness: "a" },
      "verdicts.significance",
      "Significance: choose A, B or Tie.",
    ],
    [
      "a verdict that is not a, b or tie",
      { ...ALL_A, clarity: "left" },
      "verdicts.clarity",
      "Clarity: choose A, B or Tie.",
    ],
    [
      "an unknown criterion",
      { ...ALL_A, charm: "a" },
      "verdicts.charm",
      '"charm" is not a criterion of this arena.',
    ],
  ])("refuses %s, naming the criterion, and writes nothing", (_name, verdicts, field, message) => {
    const s = scheduled();
    const pairId = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id }).pair!.pairId;
    const e = catchError(() =>
      submitArenaVote({ studyId: s.study.id, userId: s.judge.id, pairId, verdicts }),
    );
    expect(e.code).toBe("invalid:arena_vote");
    expect(e.message).toBe(message);
    expect(e.fieldErrors?.[field]).toEqual([message]);
    expect(votesOf(s.study.id)).toHaveLength(0);
  });

  it("refuses a comment over 2,000 characters", () => {
    const s = scheduled();
    const pairId = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id }).pair!.pairId;
    const e = catchError(() =>
      submitArenaVote({
        studyId: s.study.id,
        userId: s.judge.id,
        pairId,
        verdicts: ALL_A,
        comment: "x".repeat(2001),
      }),
    );
    expect(e.message).toBe("Comment: use at most 2,000 characters.");
    expect(votesOf(s.study.id)).toHaveLength(0);
  });

  it("never shows or accepts a pair with the judge's own idea", () => {
    const s = scheduled();
    addStudyRoles({ studyId: s.study.id, userId: s.writer.id, roles: ["judge"] });
    const human = new Set(s.ideas.filter((i) => i.conditionKey === "Human").map((i) => i.id));
    const pairs = pairsOf(s.study.id);
    const clean = pairs.filter((p) => !human.has(p.ideaAId) && !human.has(p.ideaBId));
    expect(clean).toHaveLength(2);
    const seen = new Set<string>();
    for (;;) {
      const board = getJudgeBoard({ studyId: s.study.id, userId: s.writer.id });
      expect(board.progress.total).toBe(2);
      if (!board.pair) break;
      seen.add(board.pair.pairId);
      skipArenaPair({ studyId: s.study.id, userId: s.writer.id, pairId: board.pair.pairId });
    }
    expect(seen).toEqual(new Set(clean.map((p) => p.id)));
    const mine = pairs.find((p) => human.has(p.ideaAId))!;
    for (const attempt of [
      () => submitArenaVote({ studyId: s.study.id, userId: s.writer.id, pairId: mine.id, verdicts: ALL_A }),
      () => skipArenaPair({ studyId: s.study.id, userId: s.writer.id, pairId: mine.id }),
    ]) {
      const e = catchError(attempt);
      expect(e.code).toBe("forbidden:arena_own_idea");
      expect(e.message).toBe("You cannot judge a pair that includes your own idea.");
    }
    expect(votesOf(s.study.id).filter((v) => v.judgeId === s.writer.id)).toHaveLength(2);
  });

  it("refuses while the arena is not open, and after it closes", () => {
    const s = arenaStudy({ open: false });
    scheduleArenaPairs({ studyId: s.study.id, actorId: s.organizer.id });
    const pairId = pairsOf(s.study.id)[0]!.id;
    const before = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id });
    expect(before).toMatchObject({
      pair: null,
      closedReason: "The arena is not open yet: judging starts when the organizer opens the arena phase.",
      progress: { done: 0, total: 12 },
    });
    const e = catchError(() =>
      submitArenaVote({ studyId: s.study.id, userId: s.judge.id, pairId, verdicts: ALL_A }),
    );
    expect(e.code).toBe("conflict:arena_closed");
    expect(e.message).toBe(before.closedReason);
    advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "arena" });
    const unconfirmed = catchError(() =>
      advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "closed" }),
    );
    expect(unconfirmed.code).toBe("conflict:phase_unconfirmed");
    expect(unconfirmed.message).toContain("arena pairs without a human vote can no longer be judged");
    advancePhase({ studyId: s.study.id, actorId: s.organizer.id, to: "closed", confirmed: true });
    const after = catchError(() => skipArenaPair({ studyId: s.study.id, userId: s.judge.id, pairId }));
    expect(after.message).toBe("The arena has closed; votes can no longer be cast. Thank you for judging.");
    expect(votesOf(s.study.id)).toHaveLength(0);
  });

  it("does not find another study's pair, and refuses people without the judge role", () => {
    const s = scheduled();
    const t = scheduled();
    addStudyRoles({ studyId: t.study.id, userId: s.judge.id, roles: ["judge"] });
    const foreign = pairsOf(t.study.id)[0]!.id;
    const e = catchError(() =>
      submitArenaVote({ studyId: s.study.id, userId: s.judge.id, pairId: foreign, verdicts: ALL_A }),
    );
    expect(e.code).toBe("not_found:arena_pair");
    expect(e.message).toBe("This pair does not exist in this arena.");
    const pairId = pairsOf(s.study.id)[0]!.id;
    for (const who of [s.organizer, s.writer]) {
      const denied = catchError(() =>
        submitArenaVote({ studyId: s.study.id, userId: who.id, pairId, verdicts: ALL_A }),
      );
      expect(denied.code).toBe("forbidden:study_role");
      expect(catchError(() => getJudgeBoard({ studyId: s.study.id, userId: who.id })).code).toBe(
        "forbidden:study_role",
      );
    }
    expect(votesOf(s.study.id)).toHaveLength(0);
    expect(votesOf(t.study.id)).toHaveLength(0);
  });

  it("leaves out pairs whose idea was withdrawn after scheduling", () => {
    const s = scheduled();
    const withdrawn = s.ideas[0]!;
    getDb().update(ideasTable).set({ status: "withdrawn" }).where(eq(ideasTable.id, withdrawn.id)).run();
    expect(getJudgeBoard({ studyId: s.study.id, userId: s.judge.id }).progress.total).toBe(9);
    const gone = pairsOf(s.study.id).find((p) => p.ideaAId === withdrawn.id || p.ideaBId === withdrawn.id)!;
    const e = catchError(() => skipArenaPair({ studyId: s.study.id, userId: s.judge.id, pairId: gone.id }));
    expect(e.code).toBe("not_found:arena_pair");
  });

  it("counts votes, skips and LLM votes per pair and per judge on the setup page", () => {
    const s = scheduled();
    const first = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id }).pair!.pairId;
    submitArenaVote({ studyId: s.study.id, userId: s.judge.id, pairId: first, verdicts: ALL_A });
    const second = getJudgeBoard({ studyId: s.study.id, userId: s.judge.id }).pair!.pairId;
    skipArenaPair({ studyId: s.study.id, userId: s.judge.id, pairId: second });
    const setup = getArenaSetup({ studyId: s.study.id });
    expect(setup.votes).toEqual({ human: 1, llm: 0, skips: 1 });
    expect(setup.judges[0]).toMatchObject({ voted: 1, skipped: 1 });
    expect(setup.pairs.find((p) => p.id === first)).toMatchObject({ humanVotes: 1, skips: 0 });
    expect(setup.pairs.find((p) => p.id === second)).toMatchObject({ humanVotes: 0, skips: 1 });
  });
});
