import "server-only";
import { and, count, countDistinct, eq, inArray } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { deletionConfirmed, type StudyDeletionSummary } from "@/lib/studies/lifecycle";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import {
  arenaVotes,
  assignments,
  chains,
  ideas,
  ideationRuns,
  invitations,
  jobs,
  llmCalls,
  memberships,
  papers,
  reviews,
  studies,
  studyEvents,
} from "../schema";
import { revokeSessionsIfRoleless } from "./sessions";
import type { Executor } from "./study-shared";

// Archiving (read-only, hidden from the default list; the guard refuses writes) and deleting a
// study with every row that belongs to it. Only admins and the study's creator may do either.

function loadStudy(ex: Executor, studyId: string) {
  const study = ex
    .select({
      id: studies.id,
      title: studies.title,
      createdBy: studies.createdBy,
      archivedAt: studies.archivedAt,
    })
    .from(studies)
    .where(eq(studies.id, studyId))
    .get();
  if (!study) throw new AppError("not_found:study", "This study does not exist.");
  return study;
}

function assertOwner(study: { createdBy: string }, actor: { id: string; isAdmin: boolean }, what: string) {
  if (!actor.isAdmin && study.createdBy !== actor.id)
    throw new AppError(
      "forbidden:study_owner",
      `Only an instance admin or the study's creator can ${what} it.`,
    );
}

function assertNoActiveJob(ex: Executor, studyId: string, what: string) {
  const active =
    ex
      .select({ n: count() })
      .from(jobs)
      .where(and(eq(jobs.studyId, studyId), inArray(jobs.status, ["queued", "running"])))
      .get()?.n ?? 0;
  if (active > 0)
    throw new AppError(
      "conflict:study_jobs_running",
      `${active} background ${active === 1 ? "job is" : "jobs are"} still running for this study; wait for ${active === 1 ? "it" : "them"} to finish or cancel ${active === 1 ? "it" : "them"} before you ${what} the study.`,
    );
}

export function setStudyArchived({
  studyId,
  actor,
  archived,
  now = Date.now(),
}: {
  studyId: string;
  actor: { id: string; isAdmin: boolean };
  archived: boolean;
  now?: number;
}): void {
  withDbErrors(() =>
    getDb().transaction((tx) => {
      const study = loadStudy(tx, studyId);
      assertOwner(study, actor, archived ? "archive" : "unarchive");
      if (archived === (study.archivedAt !== null)) return;
      if (archived) assertNoActiveJob(tx, studyId, "archive");
      tx.update(studies)
        .set({ archivedAt: archived ? now : null, updatedAt: now })
        .where(eq(studies.id, studyId))
        .run();
      tx.insert(studyEvents)
        .values({ studyId, actorId: actor.id, kind: archived ? "study_archived" : "study_unarchived" })
        .run();
    }),
  );
}

/** What deleting the study removes, for the confirmation dialog. */
export function getStudyDeletionSummary({ studyId }: { studyId: string }): StudyDeletionSummary {
  return withDbErrors(() => {
    const db = getDb();
    const study = loadStudy(db, studyId);
    const rows = (
      table:
        | typeof ideas
        | typeof reviews
        | typeof assignments
        | typeof arenaVotes
        | typeof jobs
        | typeof chains
        | typeof ideationRuns,
    ) => db.select({ n: count() }).from(table).where(eq(table.studyId, studyId)).get()?.n ?? 0;
    const nullable = (table: typeof invitations | typeof papers | typeof llmCalls) =>
      db.select({ n: count() }).from(table).where(eq(table.studyId, studyId)).get()?.n ?? 0;
    return {
      title: study.title,
      ideas: rows(ideas),
      reviews: rows(reviews),
      assignments: rows(assignments),
      arenaVotes: rows(arenaVotes),
      members:
        db
          .select({ n: countDistinct(memberships.userId) })
          .from(memberships)
          .where(eq(memberships.studyId, studyId))
          .get()?.n ?? 0,
      invitations: nullable(invitations),
      papers: nullable(papers),
      jobs: rows(jobs),
      llmCalls: nullable(llmCalls),
      chains: rows(chains),
      ideationRuns: rows(ideationRuns),
    };
  });
}

/**
 * Deletes the study and every row that belongs to it in one transaction, once the caller has typed
 * the study's title. Ideas go first (their topics and conditions do not cascade to them), then the
 * LLM call log (kept with study_id set to null otherwise), then the study, whose foreign keys
 * cascade to everything else. Other members left without any study lose their sessions, as when removed.
 */
export function deleteStudy({
  studyId,
  actor,
  confirmTitle,
}: {
  studyId: string;
  actor: { id: string; isAdmin: boolean };
  confirmTitle: unknown;
}): { title: string } {
  return withDbErrors(() =>
    getDb().transaction((tx) => {
      const study = loadStudy(tx, studyId);
      assertOwner(study, actor, "delete");
      if (!deletionConfirmed(study.title, confirmTitle)) {
        throw new AppError("invalid:confirm_title", "Type the study's name exactly to delete it.", {
          fieldErrors: { confirmTitle: [`Type "${study.title}" to confirm.`] },
        });
      }
      assertNoActiveJob(tx, studyId, "delete");
      const members = tx
        .selectDistinct({ userId: memberships.userId })
        .from(memberships)
        .where(eq(memberships.studyId, studyId))
        .all();
      tx.delete(ideas).where(eq(ideas.studyId, studyId)).run();
      tx.delete(llmCalls).where(eq(llmCalls.studyId, studyId)).run();
      tx.delete(studies).where(eq(studies.id, studyId)).run();
      // The one who deletes stays signed in to see that it is done.
      for (const { userId } of members) if (userId !== actor.id) revokeSessionsIfRoleless(tx, userId);
      return { title: study.title };
    }),
  );
}
