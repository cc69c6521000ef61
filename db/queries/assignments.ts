import "server-only";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import { assignReviewers } from "@/lib/assignment/assign";
import { normalizeInstitution } from "@/lib/assignment/eligibility";
import type { AssignmentInput, AssignmentReport } from "@/lib/assignment/types";
import { AppError } from "@/lib/errors";
import type { AssignmentState } from "@/lib/reviews/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import {
  assignmentRuns,
  assignments,
  conditions,
  ideas,
  memberships,
  reviewConflicts,
  reviewerProfiles,
  reviews,
  topics,
  users,
} from "../schema";
import { readyForReview } from "./ideas-shared";
import { type Executor, loadStudy, logEvent, plural } from "./study-shared";

// Reviewer assignment inside the app: the engine's input read from the study, proposed pairs the
// organizer previews and edits by hand, publishing, "assign remaining" and reassigning. Every hand
// edit is checked against the same hard constraints as the engine and refused with the reason.

export type AssignableIdea = {
  id: string;
  code: string;
  topicId: string;
  topicName: string;
  conditionKey: string;
  authorId: string | null;
  authorInstitution: string;
};

export type AssignableReviewer = {
  id: string;
  name: string;
  email: string;
  topicIds: string[];
  minLoad: number;
  maxLoad: number;
  institution: string;
  withdrawn: boolean;
};

/** Ideas that reviewers can get: submitted, with their review text decided. */
function readAssignableIdeas(ex: Executor, studyId: string): AssignableIdea[] {
  return ex
    .select({
      id: ideas.id,
      code: ideas.code,
      topicId: ideas.topicId,
      topicName: topics.name,
      conditionKey: conditions.key,
      authorId: ideas.authorId,
      authorInstitution: users.institution,
    })
    .from(ideas)
    .innerJoin(topics, eq(topics.id, ideas.topicId))
    .innerJoin(conditions, eq(conditions.id, ideas.conditionId))
    .leftJoin(users, eq(users.id, ideas.authorId))
    .where(and(eq(ideas.studyId, studyId), readyForReview()))
    .orderBy(asc(ideas.code))
    .all()
    .map((r) => ({ ...r, authorInstitution: r.authorInstitution ?? "" }));
}

/** Every reviewer member, with their sign-up where they gave one (topicIds empty otherwise). */
function readReviewers(ex: Executor, studyId: string): AssignableReviewer[] {
  return ex
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      topicIds: reviewerProfiles.topicIds,
      minLoad: reviewerProfiles.minLoad,
      maxLoad: reviewerProfiles.maxLoad,
      institution: reviewerProfiles.institution,
      accountInstitution: users.institution,
      withdrawnAt: reviewerProfiles.withdrawnAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      reviewerProfiles,
      and(eq(reviewerProfiles.studyId, studyId), eq(reviewerProfiles.userId, memberships.userId)),
    )
    .where(and(eq(memberships.studyId, studyId), eq(memberships.role, "reviewer")))
    .orderBy(asc(users.name))
    .all()
    .map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      topicIds: r.topicIds ?? [],
      minLoad: r.minLoad ?? 0,
      maxLoad: r.maxLoad ?? 0,
      // The sign-up's institution, else the one on the account page.
      institution: r.institution || r.accountInstitution,
      withdrawn: r.withdrawnAt !== null && r.withdrawnAt !== undefined,
    }));
}

function readConflicts(ex: Executor, studyId: string) {
  return ex
    .select({
      reviewerId: reviewConflicts.reviewerId,
      ideaId: reviewConflicts.ideaId,
      authorId: reviewConflicts.authorId,
    })
    .from(reviewConflicts)
    .where(eq(reviewConflicts.studyId, studyId))
    .all();
}

type PairRow = { id: string; ideaId: string; reviewerId: string; state: AssignmentState; source: string };

function readPairs(ex: Executor, studyId: string): PairRow[] {
  return ex
    .select({
      id: assignments.id,
      ideaId: assignments.ideaId,
      reviewerId: assignments.reviewerId,
      state: assignments.state,
      source: assignments.source,
    })
    .from(assignments)
    .where(and(eq(assignments.studyId, studyId), ne(assignments.state, "withdrawn")))
    .all();
}

export type AssignmentParams = { reviewsPerIdea: { min: number; max: number }; seed: number };

function lastParams(ex: Executor, studyId: string): AssignmentParams {
  const run = ex
    .select({ params: assignmentRuns.params })
    .from(assignmentRuns)
    .where(eq(assignmentRuns.studyId, studyId))
    .orderBy(desc(assignmentRuns.createdAt))
    .get();
  const p = run?.params as Partial<AssignmentParams> | undefined;
  return { reviewsPerIdea: p?.reviewsPerIdea ?? { min: 3, max: 3 }, seed: p?.seed ?? 1 };
}

/**
 * Runs the engine and stores its pairs as `proposed` (replacing earlier proposals). "full" needs
 * nothing published yet; "remaining" keeps published pairs fixed and fills the gaps around them.
 */
export function runAssignment({
  studyId,
  actorId,
  params,
  mode,
}: {
  studyId: string;
  actorId: string;
  params: AssignmentParams;
  mode: "full" | "remaining";
}): { placed: number; report: AssignmentReport } {
  const { min, max } = params.reviewsPerIdea;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || max > 20) {
    throw new AppError(
      "invalid:assignment",
      "Reviews per idea: give whole numbers with 1 ≤ min ≤ max ≤ 20.",
      {
        fieldErrors: { reviewsMax: ["Give whole numbers with 1 ≤ min ≤ max ≤ 20."] },
      },
    );
  }
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const study = loadStudy(tx, studyId);
        if (study.status === "closed") {
          throw new AppError(
            "conflict:phase",
            `Assignment is closed: the study is in the ${study.status} phase.`,
          );
        }
        const pairs = readPairs(tx, studyId);
        const published = pairs.filter((p) => p.state === "published");
        if (mode === "full" && published.length > 0) {
          throw new AppError(
            "conflict:assignment_published",
            `${plural(published.length, "assignment is", "assignments are")} already published; use "Assign remaining" so they do not move.`,
          );
        }
        const ideaRows = readAssignableIdeas(tx, studyId);
        if (ideaRows.length === 0) {
          throw new AppError(
            "conflict:assignment_no_ideas",
            "No idea is ready for review: ideas need to be submitted and have their review text decided (Normalization).",
          );
        }
        const reviewerRows = readReviewers(tx, studyId).filter((r) => !r.withdrawn && r.topicIds.length > 0);
        const input: AssignmentInput = {
          ideas: ideaRows.map((i) => ({
            id: i.id,
            topic: i.topicId,
            condition: i.conditionKey,
            authorId: i.authorId,
            authorInstitution: i.authorInstitution,
          })),
          reviewers: reviewerRows.map((r) => ({
            id: r.id,
            topics: r.topicIds,
            minLoad: r.minLoad,
            maxLoad: r.maxLoad,
            institution: r.institution,
          })),
          conflicts: readConflicts(tx, studyId).map((c) => ({
            reviewerId: c.reviewerId,
            ...(c.ideaId ? { ideaId: c.ideaId } : {}),
            ...(c.authorId ? { authorId: c.authorId } : {}),
          })),
          reviewsPerIdea: { min, max },
          seed: params.seed,
          fixed: published.map((p) => ({ ideaId: p.ideaId, reviewerId: p.reviewerId })),
        };
        const result = assignReviewers(input);
        tx.delete(assignments)
          .where(and(eq(assignments.studyId, studyId), eq(assignments.state, "proposed")))
          .run();
        // A withdrawn row for the same pair is revived rather than duplicated (unique idea × reviewer).
        const now = Date.now();
        for (const a of result.assignments) {
          tx.insert(assignments)
            .values({
              studyId,
              ideaId: a.ideaId,
              reviewerId: a.reviewerId,
              state: "proposed",
              source: "engine",
              createdAt: now,
            })
            .onConflictDoUpdate({
              target: [assignments.ideaId, assignments.reviewerId],
              set: { state: "proposed", source: "engine", publishedAt: null },
            })
            .run();
        }
        tx.insert(assignmentRuns)
          .values({
            studyId,
            mode,
            params: { ...params },
            report: result.report,
            runBy: actorId,
            createdAt: now,
          })
          .run();
        logEvent(tx, {
          studyId,
          actorId,
          kind: "assignment_run",
          detail: { mode, ...params, placed: result.report.placed, ideasCovered: result.report.ideasCovered },
        });
        return { placed: result.report.placed, report: result.report };
      },
      { behavior: "immediate" },
    ),
  );
}

export type AssignmentOverview = {
  ideas: (AssignableIdea & { proposed: number; published: number })[];
  reviewers: (AssignableReviewer & {
    proposed: number;
    published: number;
    byCondition: Record<string, number>;
  })[];
  pairs: (PairRow & { ideaCode: string; reviewerName: string })[];
  conditionKeys: string[];
  topicConditionCounts: { topicName: string; conditionKey: string; ideas: number; reviews: number }[];
  lastRun: { mode: string; params: AssignmentParams; report: AssignmentReport; createdAt: number } | null;
  params: AssignmentParams;
};

export function getAssignmentOverview({ studyId }: { studyId: string }): AssignmentOverview {
  return withDbErrors(() => {
    const db = getDb();
    const ideaRows = readAssignableIdeas(db, studyId);
    const reviewerRows = readReviewers(db, studyId);
    const pairs = readPairs(db, studyId);
    const ideaById = new Map(ideaRows.map((i) => [i.id, i]));
    const reviewerById = new Map(reviewerRows.map((r) => [r.id, r]));
    const conditionKeys = db
      .select({ key: conditions.key })
      .from(conditions)
      .where(eq(conditions.studyId, studyId))
      .orderBy(asc(conditions.position))
      .all()
      .map((c) => c.key);
    const count = (list: PairRow[], key: "ideaId" | "reviewerId", id: string, state: AssignmentState) =>
      list.filter((p) => p[key] === id && p.state === state).length;
    const cells = new Map<
      string,
      { topicName: string; conditionKey: string; ideas: number; reviews: number }
    >();
    for (const i of ideaRows) {
      const k = `${i.topicName}\u0000${i.conditionKey}`;
      const cell = cells.get(k) ?? {
        topicName: i.topicName,
        conditionKey: i.conditionKey,
        ideas: 0,
        reviews: 0,
      };
      cell.ideas += 1;
      cell.reviews += pairs.filter((p) => p.ideaId === i.id).length;
      cells.set(k, cell);
    }
    const run = db
      .select({
        mode: assignmentRuns.mode,
        params: assignmentRuns.params,
        report: assignmentRuns.report,
        createdAt: assignmentRuns.createdAt,
      })
      .from(assignmentRuns)
      .where(eq(assignmentRuns.studyId, studyId))
      .orderBy(desc(assignmentRuns.createdAt))
      .get();
    return {
      ideas: ideaRows.map((i) => ({
        ...i,
        proposed: count(pairs, "ideaId", i.id, "proposed"),
        published: count(pairs, "ideaId", i.id, "published"),
      })),
      reviewers: reviewerRows.map((r) => {
        const byCondition: Record<string, number> = Object.fromEntries(conditionKeys.map((c) => [c, 0]));
        for (const p of pairs) {
          const idea = ideaById.get(p.ideaId);
          if (p.reviewerId === r.id && idea)
            byCondition[idea.conditionKey] = (byCondition[idea.conditionKey] ?? 0) + 1;
        }
        return {
          ...r,
          proposed: count(pairs, "reviewerId", r.id, "proposed"),
          published: count(pairs, "reviewerId", r.id, "published"),
          byCondition,
        };
      }),
      pairs: pairs
        .map((p) => ({
          ...p,
          ideaCode: ideaById.get(p.ideaId)?.code ?? "?",
          reviewerName: reviewerById.get(p.reviewerId)?.name ?? "?",
        }))
        .sort((a, b) => a.ideaCode.localeCompare(b.ideaCode) || a.reviewerName.localeCompare(b.reviewerName)),
      conditionKeys,
      topicConditionCounts: [...cells.values()].sort(
        (a, b) => a.topicName.localeCompare(b.topicName) || a.conditionKey.localeCompare(b.conditionKey),
      ),
      lastRun: run
        ? {
            mode: run.mode,
            params: run.params as AssignmentParams,
            report: run.report as unknown as AssignmentReport,
            createdAt: run.createdAt,
          }
        : null,
      params: lastParams(db, studyId),
    };
  });
}

/** Why this reviewer may not review this idea (any hard constraint), or null when they may. */
function pairProblem(
  ex: Executor,
  studyId: string,
  idea: AssignableIdea,
  reviewer: AssignableReviewer,
  maxPerIdea: number,
): string | null {
  if (reviewer.topicIds.length === 0)
    return `${reviewer.name} has not signed up (no topics or load stated yet).`;
  if (!reviewer.topicIds.includes(idea.topicId))
    return `${reviewer.name} does not prefer topic ${idea.topicName}.`;
  if (idea.authorId === reviewer.id) return `${reviewer.name} wrote idea ${idea.code}.`;
  const mine = normalizeInstitution(reviewer.institution);
  if (mine !== null && mine === normalizeInstitution(idea.authorInstitution))
    return `${reviewer.name} shares the author's institution (${reviewer.institution}).`;
  const marked = readConflicts(ex, studyId).find(
    (c) =>
      c.reviewerId === reviewer.id &&
      (c.ideaId === idea.id || (c.authorId !== null && c.authorId === idea.authorId)),
  );
  if (marked)
    return `${reviewer.name} is marked as conflicted with ${marked.ideaId ? `idea ${idea.code}` : "its author"}.`;
  const pairs = readPairs(ex, studyId);
  if (pairs.some((p) => p.ideaId === idea.id && p.reviewerId === reviewer.id))
    return `${reviewer.name} already has idea ${idea.code}.`;
  const load = pairs.filter((p) => p.reviewerId === reviewer.id).length;
  if (load >= reviewer.maxLoad) return `${reviewer.name} is at their max load of ${reviewer.maxLoad}.`;
  const got = pairs.filter((p) => p.ideaId === idea.id).length;
  if (got >= maxPerIdea) return `Idea ${idea.code} already has ${plural(got, "review")} (max ${maxPerIdea}).`;
  return null;
}

function findIdeaByCode(ex: Executor, studyId: string, code: string): AssignableIdea {
  const wanted = code.trim().toUpperCase();
  const idea = readAssignableIdeas(ex, studyId).find((i) => i.code === wanted);
  if (!idea) {
    const message = `No idea ready for review has the code "${code.trim()}".`;
    throw new AppError("invalid:assignment", message, { fieldErrors: { ideaCode: [message] } });
  }
  return idea;
}

function findReviewer(ex: Executor, studyId: string, reviewerId: string): AssignableReviewer {
  const reviewer = readReviewers(ex, studyId).find((r) => r.id === reviewerId);
  if (!reviewer) {
    throw new AppError("invalid:assignment", "Choose a reviewer of this study.", {
      fieldErrors: { reviewerId: ["Choose a reviewer of this study."] },
    });
  }
  return reviewer;
}

/** A hand edit: adds a proposed pair, or refuses with the hard constraint it would break. */
export function addAssignmentPair({
  studyId,
  actorId,
  ideaCode,
  reviewerId,
}: {
  studyId: string;
  actorId: string;
  ideaCode: string;
  reviewerId: string;
}): void {
  withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const idea = findIdeaByCode(tx, studyId, ideaCode);
        const reviewer = findReviewer(tx, studyId, reviewerId);
        const problem = pairProblem(tx, studyId, idea, reviewer, lastParams(tx, studyId).reviewsPerIdea.max);
        if (problem) throw new AppError("conflict:assignment_constraint", `Not added: ${problem}`);
        tx.insert(assignments)
          .values({
            studyId,
            ideaId: idea.id,
            reviewerId,
            state: "proposed",
            source: "manual",
            createdAt: Date.now(),
          })
          .onConflictDoUpdate({
            target: [assignments.ideaId, assignments.reviewerId],
            set: { state: "proposed", source: "manual", publishedAt: null },
          })
          .run();
        logEvent(tx, { studyId, actorId, kind: "assignment_added", detail: { ideaId: idea.id, reviewerId } });
      },
      { behavior: "immediate" },
    ),
  );
}

/** Removes a proposed pair; published ones are moved with reassign instead, so no review is lost. */
export function removeAssignmentPair({
  studyId,
  actorId,
  assignmentId,
}: {
  studyId: string;
  actorId: string;
  assignmentId: string;
}): void {
  withDbErrors(() =>
    getDb().transaction((tx) => {
      const row = tx
        .select({ state: assignments.state })
        .from(assignments)
        .where(and(eq(assignments.id, assignmentId), eq(assignments.studyId, studyId)))
        .get();
      if (!row) throw new AppError("not_found:assignment", "This assignment no longer exists.");
      if (row.state !== "proposed") {
        throw new AppError(
          "conflict:assignment_published",
          "Published assignments are not removed here: reassign the reviewer's open assignments on the Reviews page.",
        );
      }
      tx.delete(assignments).where(eq(assignments.id, assignmentId)).run();
      logEvent(tx, { studyId, actorId, kind: "assignment_removed", detail: { assignmentId } });
    }),
  );
}

export function publishAssignments({ studyId, actorId }: { studyId: string; actorId: string }): number {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const result = tx
          .update(assignments)
          .set({ state: "published", publishedAt: Date.now() })
          .where(and(eq(assignments.studyId, studyId), eq(assignments.state, "proposed")))
          .run();
        if (result.changes === 0)
          throw new AppError(
            "conflict:assignment_empty",
            "There is nothing to publish: run the assignment first.",
          );
        logEvent(tx, { studyId, actorId, kind: "assignments_published", detail: { count: result.changes } });
        return result.changes;
      },
      { behavior: "immediate" },
    ),
  );
}

/**
 * Moves a reviewer's open (not submitted) published assignments to another reviewer, pair by pair
 * under the hard constraints; pairs that would break one stay and are reported with the reason.
 */
export function reassignOpenAssignments({
  studyId,
  actorId,
  fromReviewerId,
  toReviewerId,
}: {
  studyId: string;
  actorId: string;
  fromReviewerId: string;
  toReviewerId: string;
}): { moved: number; kept: { ideaCode: string; reason: string }[] } {
  if (fromReviewerId === toReviewerId) {
    throw new AppError("invalid:reassign", "Choose two different reviewers.", {
      fieldErrors: { toReviewerId: ["Choose two different reviewers."] },
    });
  }
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        findReviewer(tx, studyId, fromReviewerId);
        const to = findReviewer(tx, studyId, toReviewerId);
        const submittedIds = new Set(
          tx
            .select({ assignmentId: reviews.assignmentId })
            .from(reviews)
            .where(
              and(
                eq(reviews.studyId, studyId),
                eq(reviews.reviewerId, fromReviewerId),
                eq(reviews.status, "submitted"),
              ),
            )
            .all()
            .map((r) => r.assignmentId),
        );
        const open = readPairs(tx, studyId).filter(
          (p) => p.reviewerId === fromReviewerId && p.state === "published" && !submittedIds.has(p.id),
        );
        const ideaById = new Map(readAssignableIdeas(tx, studyId).map((i) => [i.id, i]));
        const max = Number.POSITIVE_INFINITY; // moving keeps each idea's count, so R_max is not in play
        let moved = 0;
        const kept: { ideaCode: string; reason: string }[] = [];
        for (const pair of open) {
          const idea = ideaById.get(pair.ideaId);
          if (!idea) continue;
          const problem = pairProblem(tx, studyId, idea, to, max);
          if (problem) {
            kept.push({ ideaCode: idea.code, reason: problem });
            continue;
          }
          const now = Date.now();
          tx.update(assignments).set({ state: "withdrawn" }).where(eq(assignments.id, pair.id)).run();
          tx.insert(assignments)
            .values({
              studyId,
              ideaId: idea.id,
              reviewerId: to.id,
              state: "published",
              source: "reassigned",
              createdAt: now,
              publishedAt: now,
            })
            .onConflictDoUpdate({
              target: [assignments.ideaId, assignments.reviewerId],
              set: { state: "published", source: "reassigned", publishedAt: now },
            })
            .run();
          moved += 1;
        }
        logEvent(tx, {
          studyId,
          actorId,
          kind: "assignments_reassigned",
          detail: { fromReviewerId, toReviewerId, moved, kept: kept.length },
        });
        return { moved, kept };
      },
      { behavior: "immediate" },
    ),
  );
}

/** Reviewer ids (users) of a study with the reviewer role, for pickers. */
export function listStudyReviewers({ studyId }: { studyId: string }): AssignableReviewer[] {
  return withDbErrors(() => readReviewers(getDb(), studyId));
}

/**
 * A reviewer leaves: no new assignments, and their open published assignments (no submitted review)
 * are withdrawn so "Assign remaining" can give those reviews to others. Submitted reviews stay.
 */
export function withdrawReviewer({
  studyId,
  actorId,
  reviewerId,
}: {
  studyId: string;
  actorId: string;
  reviewerId: string;
}): { withdrawn: number } {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const reviewer = findReviewer(tx, studyId, reviewerId);
        const now = Date.now();
        tx.insert(reviewerProfiles)
          .values({
            studyId,
            userId: reviewerId,
            topicIds: [],
            minLoad: 0,
            maxLoad: 0,
            withdrawnAt: now,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [reviewerProfiles.studyId, reviewerProfiles.userId],
            set: { withdrawnAt: now, updatedAt: now },
          })
          .run();
        const submitted = new Set(
          tx
            .select({ assignmentId: reviews.assignmentId })
            .from(reviews)
            .where(
              and(
                eq(reviews.studyId, studyId),
                eq(reviews.reviewerId, reviewerId),
                eq(reviews.status, "submitted"),
              ),
            )
            .all()
            .map((r) => r.assignmentId),
        );
        const open = readPairs(tx, studyId).filter(
          (p) => p.reviewerId === reviewerId && !submitted.has(p.id),
        );
        for (const p of open) {
          if (p.state === "proposed") tx.delete(assignments).where(eq(assignments.id, p.id)).run();
          else tx.update(assignments).set({ state: "withdrawn" }).where(eq(assignments.id, p.id)).run();
        }
        logEvent(tx, {
          studyId,
          actorId,
          kind: "reviewer_withdrawn",
          detail: { reviewerId, name: reviewer.name, assignments: open.length },
        });
        return { withdrawn: open.length };
      },
      { behavior: "immediate" },
    ),
  );
}
