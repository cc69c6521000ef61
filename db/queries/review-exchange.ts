import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { CsvValue } from "@/lib/csv/write";
import { newPseudonymSalt, pseudonymizeReviewer } from "@/lib/reviews/pseudonym";
import { tidyColumns } from "@/lib/stats/tidy";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, ideas, reviews, studies, topics, users } from "../schema";
import { readReviewSetup } from "./review-setup";
import type { Executor } from "./study-shared";

// The tidy review table (shared/specs/statistics.md) out and in. Export: submitted reviews, with
// reviewer ids pseudonymized per study unless the organizer asks for identities. Import: external
// reviews in the same format, validated row by row, all or nothing. The results read both alike.

export type TidyExport = { columns: string[]; rows: CsvValue[][]; metrics: string[] };

/** The study's pseudonym salt, created on first use (reviewer and judge ids in exports). */
export function getPseudonymSalt(ex: Executor, studyId: string): string {
  const row = ex.select({ salt: studies.pseudonymSalt }).from(studies).where(eq(studies.id, studyId)).get();
  if (row?.salt) return row.salt;
  const salt = newPseudonymSalt();
  ex.update(studies).set({ pseudonymSalt: salt }).where(eq(studies.id, studyId)).run();
  return salt;
}

const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());

export function getTidyReviewExport({
  studyId,
  identities = false,
}: {
  studyId: string;
  identities?: boolean;
}): TidyExport {
  return withDbErrors(() =>
    getDb().transaction((tx) => {
      const { form } = readReviewSetup(tx, studyId);
      const metrics = form.metrics.map((m) => m.key);
      const salt = getPseudonymSalt(tx, studyId);
      const rows = tx
        .select({
          id: reviews.id,
          externalReviewId: reviews.externalReviewId,
          externalReviewerId: reviews.externalReviewerId,
          importId: reviews.importId,
          ideaId: ideas.id,
          ideaCode: ideas.code,
          topic: topics.name,
          condition: conditions.key,
          reviewerId: reviews.reviewerId,
          reviewerEmail: users.email,
          answers: reviews.answers,
          submittedAt: reviews.submittedAt,
          activeSeconds: reviews.activeSeconds,
        })
        .from(reviews)
        .innerJoin(ideas, eq(ideas.id, reviews.ideaId))
        .innerJoin(topics, eq(topics.id, ideas.topicId))
        .innerJoin(conditions, eq(conditions.id, ideas.conditionId))
        .leftJoin(users, eq(users.id, reviews.reviewerId))
        .where(and(eq(reviews.studyId, studyId), eq(reviews.status, "submitted")))
        .orderBy(asc(ideas.code), asc(reviews.id))
        .all();
      const columns = tidyColumns(metrics, [...metrics.map((m) => `${m}_rationale`), "active_seconds"]);
      return {
        metrics,
        columns,
        rows: rows.map((r) => {
          const imported = r.importId !== null;
          const reviewer = imported
            ? (r.externalReviewerId ?? "")
            : identities
              ? (r.reviewerEmail ?? "(deleted account)")
              : pseudonymizeReviewer({ salt, userId: r.reviewerId ?? r.id });
          return [
            imported ? (r.externalReviewId ?? r.id) : r.id,
            r.ideaCode,
            r.ideaId,
            r.topic,
            r.condition,
            reviewer,
            ...metrics.map((m) => r.answers.scores[m] ?? null),
            r.answers.confidence,
            r.answers.familiarity,
            r.answers.minutes,
            iso(r.submittedAt),
            ...metrics.map((m) => r.answers.rationales[m] ?? ""),
            imported ? null : r.activeSeconds,
          ];
        }),
      };
    }),
  );
}

/** The same table as JSON objects, one per review (numbers stay numbers, missing is null). */
export function tidyExportToJson(table: TidyExport): Record<string, CsvValue>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null])));
}
