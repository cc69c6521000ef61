import "server-only";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import { normalizeInstitution } from "@/lib/assignment/eligibility";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { normalizeIdeaCode } from "@/lib/ideas/codes";
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
import { readyForReview } from "./blind-policy";
import type { Executor } from "./study-shared";

// What reviewer assignment works from: the ideas ready for review, the reviewers with their
// sign-ups, conflicts, current pairs and the last run's parameters, plus the hard-constraint check
// (pairProblem) that hand edits and reassigning share with the engine's rules.

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
export function readAssignableIdeas(ex: Executor, studyId: string): AssignableIdea[] {
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
export function readReviewers(ex: Executor, studyId: string): AssignableReviewer[] {
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

export function readConflicts(ex: Executor, studyId: string) {
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

export type PairRow = {
  id: string;
  ideaId: string;
  reviewerId: string;
  state: AssignmentState;
  source: string;
};

export function readPairs(ex: Executor, studyId: string): PairRow[] {
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

export function lastParams(ex: Executor, studyId: string): AssignmentParams {
  const run = ex
    .select({ params: assignmentRuns.params })
    .from(assignmentRuns)
    .where(eq(assignmentRuns.studyId, studyId))
    .orderBy(desc(assignmentRuns.createdAt))
    .get();
  const p = run?.params as Partial<AssignmentParams> | undefined;
  return { reviewsPerIdea: p?.reviewsPerIdea ?? { min: 3, max: 3 }, seed: p?.seed ?? 1 };
}

/** Why this reviewer may not review this idea (any hard constraint), or null when they may. */
export function pairProblem(
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

export function findIdeaByCode(ex: Executor, studyId: string, code: string): AssignableIdea {
  const wanted = normalizeIdeaCode(code) ?? code.trim().toUpperCase();
  const idea = readAssignableIdeas(ex, studyId).find((i) => i.code === wanted);
  if (!idea) {
    const message = `No idea ready for review has the code "${code.trim()}".`;
    throw new AppError("invalid:assignment", message, { fieldErrors: { ideaCode: [message] } });
  }
  return idea;
}

export function findReviewer(ex: Executor, studyId: string, reviewerId: string): AssignableReviewer {
  const reviewer = readReviewers(ex, studyId).find((r) => r.id === reviewerId);
  if (!reviewer) {
    throw new AppError("invalid:assignment", "Choose a reviewer of this study.", {
      fieldErrors: { reviewerId: ["Choose a reviewer of this study."] },
    });
  }
  return reviewer;
}

/** Assignment ids of this reviewer's submitted reviews: those never move or get withdrawn. */
export function readSubmittedAssignmentIds(ex: Executor, studyId: string, reviewerId: string) {
  return new Set(
    ex
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
}

/** Reviewer ids (users) of a study with the reviewer role, for pickers. */
export function listStudyReviewers({ studyId }: { studyId: string }): AssignableReviewer[] {
  return withDbErrors(() => readReviewers(getDb(), studyId));
}
