import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { ArenaCriterion, ArenaVerdict } from "@/lib/arena/types";
import { AppError } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import { getStudyTemplate } from "@/lib/ideas/template";
import type { StudyStatus } from "@/lib/studies/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaPairs, arenaVotes, ideas, memberships, studies, topics } from "../schema";
import { readStudyArenaConfig } from "./arena-config";
import {
  type BlindArenaIdea,
  chosenReviewText,
  readyForReview,
  reviewSections,
  reviewTextColumns,
} from "./blind-policy";
import type { Executor } from "./study-shared";

// The human judge's side of the Idea Arena. Everything here returns BLIND view types (blind-policy.ts):
// a pair is known by its pair id only, and an idea only by its topic and the text chosen in
// normalization. No code, author, condition, provenance or internal idea id leaves these functions.
// Every rule (judge role, arena open, scheduled pair, not the judge's own idea, one judgment per
// pair, a verdict on every criterion) is checked here, inside the write's transaction, not only in
// the page.

export type JudgeProgress = { done: number; total: number; voted: number; skipped: number };

export type JudgeBoard = {
  /** Null while the arena is open; otherwise why nothing can be judged now. */
  closedReason: string | null;
  criteria: ArenaCriterion[];
  progress: JudgeProgress;
  /** The next pair to judge, left (Idea A) and right (Idea B) as this judge sees them. */
  pair: { pairId: string; left: BlindArenaIdea; right: BlindArenaIdea } | null;
};

export const VERDICTS: readonly ArenaVerdict[] = ["a", "b", "tie"];
export const COMMENT_MAX = 2000;

const notFoundPair = () => new AppError("not_found:arena_pair", "This pair does not exist in this arena.");

function closedReason(status: StudyStatus): string | null {
  if (status === "arena") return null;
  if (status === "closed") return "The arena has closed; votes can no longer be cast. Thank you for judging.";
  return "The arena is not open yet: judging starts when the organizer opens the arena phase.";
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/**
 * Which idea this judge sees on the left. Drawn from a hash of the judge and the random pair id, so
 * it is random across pairs and judges, yet the server recomputes the same sides when the vote
 * arrives, and no client input can choose them.
 */
function sidesFor(userId: string, pair: { id: string; ideaAId: string; ideaBId: string }) {
  const flip = ((digest(`arena-side:${userId}:${pair.id}`)[0] ?? 0) & 1) === 1;
  return flip ? { left: pair.ideaBId, right: pair.ideaAId } : { left: pair.ideaAId, right: pair.ideaBId };
}

/** A per-judge shuffle, so the order of pairs says nothing about the ideas or the schedule's internals. */
function orderKey(userId: string, pairId: string): string {
  return digest(`arena-order:${userId}:${pairId}`).toString("hex");
}

function assertJudge(ex: Executor, studyId: string, userId: string) {
  const row = ex
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(eq(memberships.studyId, studyId), eq(memberships.userId, userId), eq(memberships.role, "judge")),
    )
    .get();
  if (!row) throw new AppError("forbidden:study_role", "This needs the judge role in this study.");
}

function loadStudyStatus(ex: Executor, studyId: string): StudyStatus {
  const row = ex.select({ status: studies.status }).from(studies).where(eq(studies.id, studyId)).get();
  if (!row) throw new AppError("not_found:study", "This study does not exist.");
  return row.status;
}

const ia = alias(ideas, "ia");
const ib = alias(ideas, "ib");

type PairRef = { id: string; round: number; ideaAId: string; ideaBId: string };

/**
 * Pairs this judge may judge: scheduled in this study, both ideas still submitted with their text
 * decided, and neither written by the judge.
 */
function availablePairs(ex: Executor, studyId: string, userId: string, pairId?: string): PairRef[] {
  return ex
    .select({
      id: arenaPairs.id,
      round: arenaPairs.round,
      ideaAId: arenaPairs.ideaAId,
      ideaBId: arenaPairs.ideaBId,
    })
    .from(arenaPairs)
    .innerJoin(ia, eq(ia.id, arenaPairs.ideaAId))
    .innerJoin(ib, eq(ib.id, arenaPairs.ideaBId))
    .where(
      and(
        eq(arenaPairs.studyId, studyId),
        pairId === undefined ? undefined : eq(arenaPairs.id, pairId),
        readyForReview(ia),
        readyForReview(ib),
        or(isNull(ia.authorId), ne(ia.authorId, userId)),
        or(isNull(ib.authorId), ne(ib.authorId, userId)),
      ),
    )
    .all();
}

function myJudgments(ex: Executor, studyId: string, userId: string) {
  return ex
    .select({ pairId: arenaVotes.pairId, status: arenaVotes.status })
    .from(arenaVotes)
    .where(
      and(
        eq(arenaVotes.studyId, studyId),
        eq(arenaVotes.judgeKey, userId),
        eq(arenaVotes.judgeKind, "human"),
      ),
    )
    .all();
}

function progressOf(ex: Executor, studyId: string, userId: string, available: PairRef[]): JudgeProgress {
  const ids = new Set(available.map((p) => p.id));
  const mine = myJudgments(ex, studyId, userId).filter((j) => ids.has(j.pairId));
  const voted = mine.filter((j) => j.status === "voted").length;
  return { done: mine.length, total: available.length, voted, skipped: mine.length - voted };
}

function readBlindIdeas(ex: Executor, studyId: string, ideaIds: string[]): Map<string, BlindArenaIdea> {
  const study = ex
    .select({ template: studies.ideaTemplate })
    .from(studies)
    .where(eq(studies.id, studyId))
    .get();
  const template = getStudyTemplate({ ideaTemplate: study?.template ?? null });
  const rows = ex
    .select({
      id: ideas.id,
      topic: topics.name,
      ...reviewTextColumns,
    })
    .from(ideas)
    .innerJoin(topics, eq(topics.id, ideas.topicId))
    .where(and(eq(ideas.studyId, studyId), inArray(ideas.id, ideaIds)))
    .all();
  return new Map(
    rows.map((r) => {
      return [r.id, { topic: r.topic, sections: reviewSections(template, chosenReviewText(r)) }];
    }),
  );
}

export function getJudgeBoard({ studyId, userId }: { studyId: string; userId: string }): JudgeBoard {
  return withDbErrors(() => {
    const db = getDb();
    assertJudge(db, studyId, userId);
    const reason = closedReason(loadStudyStatus(db, studyId));
    const { criteria } = readStudyArenaConfig(db, studyId);
    const available = availablePairs(db, studyId, userId);
    const progress = progressOf(db, studyId, userId, available);
    if (reason) return { closedReason: reason, criteria, progress, pair: null };
    const done = new Set(myJudgments(db, studyId, userId).map((j) => j.pairId));
    // Earlier rounds first (adaptive and Swiss rounds build on each other), then this judge's shuffle.
    const next = available
      .filter((p) => !done.has(p.id))
      .map((p) => ({ p, key: orderKey(userId, p.id) }))
      .sort((x, y) => x.p.round - y.p.round || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))[0]?.p;
    if (!next) return { closedReason: null, criteria, progress, pair: null };
    const sides = sidesFor(userId, next);
    const blind = readBlindIdeas(db, studyId, [sides.left, sides.right]);
    const left = blind.get(sides.left);
    const right = blind.get(sides.right);
    if (!left || !right) throw notFoundPair();
    return { closedReason: null, criteria, progress, pair: { pairId: next.id, left, right } };
  });
}

export type JudgmentInput = {
  studyId: string;
  userId: string;
  pairId: string;
  /** criterion key → "a" (left) | "b" (right) | "tie"; checked here. */
  verdicts: unknown;
  comment?: unknown;
};

/** Every criterion needs a verdict; messages name the criterion by its label. */
export function checkVerdicts(criteria: ArenaCriterion[], input: unknown): Record<string, ArenaVerdict> {
  const raw =
    typeof input === "object" && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : {};
  const errors: Record<string, string[]> = {};
  const out: Record<string, ArenaVerdict> = {};
  for (const c of criteria) {
    const v = raw[c.key];
    if (typeof v === "string" && (VERDICTS as readonly string[]).includes(v)) out[c.key] = v as ArenaVerdict;
    else errors[`verdicts.${c.key}`] = [`${c.label}: choose A, B or Tie.`];
  }
  const known = new Set(criteria.map((c) => c.key));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) errors[`verdicts.${key}`] = [`"${key}" is not a criterion of this arena.`];
  }
  const first = Object.values(errors)[0]?.[0];
  if (first)
    throw new AppError("invalid:arena_vote", Object.values(errors).flat().join(" "), { fieldErrors: errors });
  return out;
}

function checkComment(input: unknown): string {
  if (input === undefined || input === null) return "";
  if (typeof input !== "string") {
    throw new AppError("invalid:arena_vote", "Comment: must be text.", {
      fieldErrors: { comment: ["Must be text."] },
    });
  }
  const text = input.trim();
  if ([...text].length > COMMENT_MAX) {
    const message = `Comment: use at most ${formatCount(COMMENT_MAX)} characters.`;
    throw new AppError("invalid:arena_vote", message, { fieldErrors: { comment: [message] } });
  }
  return text;
}

const alreadyJudged = () => new AppError("conflict:arena_vote_exists", "You already judged this pair.");

function writeJudgment(
  input: JudgmentInput,
  status: "voted" | "skipped",
): { progress: JudgeProgress; status: "voted" | "skipped" } {
  return withDbErrors(
    () =>
      getDb().transaction(
        (tx) => {
          const { studyId, userId, pairId } = input;
          assertJudge(tx, studyId, userId);
          const reason = closedReason(loadStudyStatus(tx, studyId));
          if (reason) throw new AppError("conflict:arena_closed", reason);
          const pair = tx
            .select({ id: arenaPairs.id, ideaAId: arenaPairs.ideaAId, ideaBId: arenaPairs.ideaBId })
            .from(arenaPairs)
            .where(and(eq(arenaPairs.id, pairId), eq(arenaPairs.studyId, studyId)))
            .get();
          if (!pair) throw notFoundPair();
          const own = tx
            .select({ id: ideas.id })
            .from(ideas)
            .where(and(inArray(ideas.id, [pair.ideaAId, pair.ideaBId]), eq(ideas.authorId, userId)))
            .get();
          if (own) {
            throw new AppError(
              "forbidden:arena_own_idea",
              "You cannot judge a pair that includes your own idea.",
            );
          }
          // A pair whose idea was withdrawn after scheduling is no longer judged.
          if (availablePairs(tx, studyId, userId, pairId).length === 0) throw notFoundPair();
          const existing = tx
            .select({ id: arenaVotes.id })
            .from(arenaVotes)
            .where(and(eq(arenaVotes.pairId, pairId), eq(arenaVotes.judgeKey, userId)))
            .get();
          if (existing) throw alreadyJudged();
          const { criteria } = readStudyArenaConfig(tx, studyId);
          const verdicts = status === "voted" ? checkVerdicts(criteria, input.verdicts) : {};
          const comment = status === "voted" ? checkComment(input.comment) : "";
          const sides = sidesFor(userId, pair);
          tx.insert(arenaVotes)
            .values({
              studyId,
              pairId,
              judgeKey: userId,
              judgeId: userId,
              judgeKind: "human",
              status,
              leftIdeaId: sides.left,
              rightIdeaId: sides.right,
              verdicts,
              comment,
              createdAt: Date.now(),
            })
            .run();
          return { status, progress: progressOf(tx, studyId, userId, availablePairs(tx, studyId, userId)) };
        },
        { behavior: "immediate" },
      ),
    // Two tabs racing past the check above meet the unique index instead.
    { map: { "arena_votes.judge_key": alreadyJudged }, action: "saving the vote" },
  );
}

/** Records one verdict per criterion ("a" = the idea this judge saw on the left) and an optional comment. */
export function submitArenaVote(input: JudgmentInput) {
  return writeJudgment(input, "voted");
}

/** Records that the judge passed on this pair; it counts toward progress and is not shown again. */
export function skipArenaPair(input: Omit<JudgmentInput, "verdicts" | "comment">) {
  return writeJudgment({ ...input, verdicts: {} }, "skipped");
}
