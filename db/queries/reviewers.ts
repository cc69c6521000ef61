import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { normalizeIdeaCode } from "@/lib/ideas/codes";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { ideas, memberships, reviewConflicts, reviewerProfiles, users } from "../schema";
import { readReviewSetup } from "./review-setup";
import { type Executor, loadStudy, logEvent, readTopicIds } from "./study-shared";

// Reviewer sign-up (topics, load range, institution) and the conflicts organizers mark.

export type ReviewerProfileView = {
  topicIds: string[];
  minLoad: number;
  maxLoad: number;
  institution: string;
  updatedAt: number;
};

export function getReviewerProfile({
  studyId,
  userId,
}: {
  studyId: string;
  userId: string;
}): ReviewerProfileView | null {
  return withDbErrors(
    () =>
      getDb()
        .select({
          topicIds: reviewerProfiles.topicIds,
          minLoad: reviewerProfiles.minLoad,
          maxLoad: reviewerProfiles.maxLoad,
          institution: reviewerProfiles.institution,
          updatedAt: reviewerProfiles.updatedAt,
        })
        .from(reviewerProfiles)
        .where(and(eq(reviewerProfiles.studyId, studyId), eq(reviewerProfiles.userId, userId)))
        .get() ?? null,
  );
}

export type ProfileInput = { topicIds: string[]; minLoad: number; maxLoad: number; institution: string };

/** Field errors for a profile against the study's topics and bounds; empty when it is fine. */
function profileProblems(ex: Executor, studyId: string, input: ProfileInput): Record<string, string[]> {
  const { settings } = readReviewSetup(ex, studyId);
  const errors: Record<string, string[]> = {};
  const known = readTopicIds(ex, studyId);
  const chosen = [...new Set(input.topicIds)];
  if (chosen.length === 0) errors.topicIds = ["Choose at least one topic."];
  else if (chosen.some((id) => !known.has(id)))
    errors.topicIds = ["One of the chosen topics is not in this study."];
  else if (chosen.length > settings.maxTopicChoices)
    errors.topicIds = [`Choose at most ${plural(settings.maxTopicChoices, "topic")}.`];
  const range = `${settings.loadMin}–${settings.loadMax}`;
  if (input.minLoad < settings.loadMin || input.minLoad > settings.loadMax)
    errors.minLoad = [`The smallest load must be within the study's range ${range}.`];
  if (input.maxLoad < settings.loadMin || input.maxLoad > settings.loadMax)
    errors.maxLoad = [`The largest load must be within the study's range ${range}.`];
  else if (input.maxLoad < input.minLoad)
    errors.maxLoad = ["The largest load must be at least the smallest."];
  if (input.institution.length > 200) errors.institution = ["At most 200 characters."];
  return errors;
}

export function saveReviewerProfile({
  studyId,
  userId,
  input,
}: {
  studyId: string;
  userId: string;
  input: ProfileInput;
}): ReviewerProfileView {
  const clean = { ...input, institution: input.institution.trim(), topicIds: [...new Set(input.topicIds)] };
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const errors = profileProblems(tx, studyId, clean);
        const first = Object.values(errors)[0]?.[0];
        if (first)
          throw new AppError("invalid:reviewer_profile", Object.values(errors).flat().join(" "), {
            fieldErrors: errors,
          });
        const now = Date.now();
        tx.insert(reviewerProfiles)
          .values({ studyId, userId, ...clean, createdAt: now, updatedAt: now })
          .onConflictDoUpdate({
            target: [reviewerProfiles.studyId, reviewerProfiles.userId],
            set: { ...clean, updatedAt: now, withdrawnAt: null },
          })
          .run();
        // The institution also guards this person's own ideas against same-institution reviewers.
        if (clean.institution !== "") {
          tx.update(users).set({ institution: clean.institution }).where(eq(users.id, userId)).run();
        }
        return { ...clean, updatedAt: now };
      },
      { behavior: "immediate" },
    ),
  );
}

// --- conflicts ------------------------------------------------------------------------------------

export type ConflictView = {
  id: string;
  reviewerId: string;
  reviewerName: string;
  ideaCode: string | null;
  authorName: string | null;
};

export function listConflicts({ studyId }: { studyId: string }): ConflictView[] {
  return withDbErrors(() => {
    const db = getDb();
    const rows = db
      .select({
        id: reviewConflicts.id,
        reviewerId: reviewConflicts.reviewerId,
        ideaId: reviewConflicts.ideaId,
        authorId: reviewConflicts.authorId,
      })
      .from(reviewConflicts)
      .where(eq(reviewConflicts.studyId, studyId))
      .orderBy(asc(reviewConflicts.createdAt))
      .all();
    const userIds = [...new Set(rows.flatMap((r) => [r.reviewerId, r.authorId ?? r.reviewerId]))];
    const names = new Map(
      userIds.length === 0
        ? []
        : db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, userIds))
            .all()
            .map((u) => [u.id, u.name]),
    );
    const ideaIds = rows.flatMap((r) => (r.ideaId ? [r.ideaId] : []));
    const codes = new Map(
      ideaIds.length === 0
        ? []
        : db
            .select({ id: ideas.id, code: ideas.code })
            .from(ideas)
            .where(inArray(ideas.id, ideaIds))
            .all()
            .map((i) => [i.id, i.code]),
    );
    return rows.map((r) => ({
      id: r.id,
      reviewerId: r.reviewerId,
      reviewerName: names.get(r.reviewerId) ?? "(deleted)",
      ideaCode: r.ideaId ? (codes.get(r.ideaId) ?? null) : null,
      authorName: r.authorId ? (names.get(r.authorId) ?? null) : null,
    }));
  });
}

function isMember(ex: Executor, studyId: string, userId: string, role?: "reviewer"): boolean {
  const where = role
    ? and(eq(memberships.studyId, studyId), eq(memberships.userId, userId), eq(memberships.role, role))
    : and(eq(memberships.studyId, studyId), eq(memberships.userId, userId));
  return ex.select({ id: memberships.id }).from(memberships).where(where).get() !== undefined;
}

/** Marks a reviewer as conflicted with one idea (by code) or with one author (a study member). */
export function addConflict({
  studyId,
  actorId,
  reviewerId,
  ideaCode,
  authorId,
}: {
  studyId: string;
  actorId: string;
  reviewerId: string;
  ideaCode?: string;
  authorId?: string;
}): void {
  withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        if (!isMember(tx, studyId, reviewerId, "reviewer"))
          throw new AppError("invalid:conflict", "Choose a reviewer of this study.", {
            fieldErrors: { reviewerId: ["Choose a reviewer of this study."] },
          });
        let ideaId: string | null = null;
        if (ideaCode) {
          const idea = tx
            .select({ id: ideas.id })
            .from(ideas)
            .where(
              and(
                eq(ideas.studyId, studyId),
                eq(ideas.code, normalizeIdeaCode(ideaCode) ?? ideaCode.trim().toUpperCase()),
              ),
            )
            .get();
          if (!idea)
            throw new AppError("invalid:conflict", `No idea of this study has the code "${ideaCode}".`, {
              fieldErrors: { ideaCode: [`No idea of this study has the code "${ideaCode}".`] },
            });
          ideaId = idea.id;
        } else if (!authorId || !isMember(tx, studyId, authorId)) {
          throw new AppError("invalid:conflict", "Give an idea code or choose an author.", {
            fieldErrors: { ideaCode: ["Give an idea code or choose an author."] },
          });
        }
        tx.insert(reviewConflicts)
          .values({
            studyId,
            reviewerId,
            ideaId,
            authorId: ideaId ? null : (authorId ?? null),
            createdBy: actorId,
          })
          .run();
        logEvent(tx, {
          studyId,
          actorId,
          kind: "conflict_added",
          detail: { reviewerId, ideaId, authorId: ideaId ? null : authorId },
        });
      },
      { behavior: "immediate" },
    ),
  );
}

export function removeConflict({ studyId, actorId, id }: { studyId: string; actorId: string; id: string }) {
  withDbErrors(() =>
    getDb().transaction((tx) => {
      const gone = tx
        .delete(reviewConflicts)
        .where(and(eq(reviewConflicts.id, id), eq(reviewConflicts.studyId, studyId)))
        .run();
      if (gone.changes === 0) throw new AppError("not_found:conflict", "This conflict no longer exists.");
      logEvent(tx, { studyId, actorId, kind: "conflict_removed", detail: { id } });
    }),
  );
}
