import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { assignReviewers } from "@/lib/assignment/assign";
import type { AssignmentInput, AssignmentReport } from "@/lib/assignment/types";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import type { AssignmentState } from "@/lib/reviews/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { assignmentRuns, assignments, conditions } from "../schema";
import {
  type AssignableIdea,
  type AssignableReviewer,
  type AssignmentParams,
  lastParams,
  type PairRow,
  readAssignableIdeas,
  readConflicts,
  readPairs,
  readReviewers,
} from "./assignments-inputs";
import { loadStudy, logEvent } from "./study-shared";

// Running the assignment engine on the study and the overview the organizer previews: proposed
// pairs replace earlier proposals; published pairs stay fixed when "assign remaining" fills gaps.

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
