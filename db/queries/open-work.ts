import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import { describePhaseChange, type OpenWork, type PhaseChangeImpact } from "@/lib/studies/phase-change";
import type { StudyStatus } from "@/lib/studies/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { arenaPairs, arenaVotes, assignments, ideas, reviews } from "../schema";
import { type Executor, loadStudy } from "./study-shared";

// Counts of unfinished work in a study: what a phase change would end and what publishing results
// early would leave out. Organizer-only numbers; no names.

export function countOpenWork(ex: Executor, studyId: string): OpenWork {
  return withDbErrors(() => {
    const draftIdeas =
      ex
        .select({ n: count() })
        .from(ideas)
        .where(and(eq(ideas.studyId, studyId), eq(ideas.status, "draft")))
        .get()?.n ?? 0;
    const open = ex
      .select({ status: reviews.status, n: count() })
      .from(assignments)
      .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
      .where(and(eq(assignments.studyId, studyId), eq(assignments.state, "published")))
      .groupBy(reviews.status)
      .all();
    const unjudgedPairs =
      ex
        .select({ n: count() })
        .from(arenaPairs)
        .where(
          and(
            eq(arenaPairs.studyId, studyId),
            sql`not exists (select 1 from ${arenaVotes} where ${arenaVotes.pairId} = ${arenaPairs.id} and ${arenaVotes.judgeKind} = 'human' and ${arenaVotes.status} = 'voted')`,
          ),
        )
        .get()?.n ?? 0;
    return {
      draftIdeas,
      reviewsNotStarted: open.find((r) => r.status === null)?.n ?? 0,
      reviewDrafts: open.find((r) => r.status === "draft")?.n ?? 0,
      unjudgedPairs,
    };
  });
}

/** Published assignments without a submitted review. */
export const openAssignments = (work: OpenWork) => work.reviewsNotStarted + work.reviewDrafts;

/** What moving the study to `to` now would end and override (shown before the organizer confirms). */
export function getPhaseChangeImpact(
  { studyId, to, now = Date.now() }: { studyId: string; to: StudyStatus; now?: number },
  ex: Executor = getDb(),
): PhaseChangeImpact {
  const study = loadStudy(ex, studyId);
  return describePhaseChange({
    from: study.status,
    to,
    work: countOpenWork(ex, studyId),
    dates: study.phaseDates,
    now,
  });
}

export const getOpenWork = ({ studyId }: { studyId: string }): OpenWork => countOpenWork(getDb(), studyId);
