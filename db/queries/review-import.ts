import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { normalizeIdeaCode } from "@/lib/ideas/codes";
import { RATIONALE_CHAR_CAP, type ReviewAnswers, validateAnswers } from "@/lib/reviews/answers";
import type { ReviewForm } from "@/lib/reviews/form";
import { parseTidyReviews, type TidyReview } from "@/lib/stats/tidy";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, ideas, reviewImports, reviews, studies, topics } from "../schema";
import { createPlaceholderIdeas } from "./review-placeholders";
import { readReviewSetup } from "./review-setup";
import { loadStudy, logEvent } from "./study-shared";

// Importing external reviews in the tidy format (shared/specs/statistics.md): every row checked,
// all or nothing, idempotent by review id; optional placeholder ideas for published tables.

export type ImportIssue = { line: number; message: string };
export type ReviewImportResult = {
  added: number;
  unchanged: number;
  /** With createMissingIdeas: placeholder ideas and topics made for ids the study lacked. */
  ideasCreated: number;
  topicsCreated: number;
};

const sameAnswers = (a: ReviewAnswers, b: ReviewAnswers, metrics: string[]) =>
  metrics.every(
    (m) =>
      (a.scores[m] ?? null) === (b.scores[m] ?? null) && (a.rationales[m] ?? "") === (b.rationales[m] ?? ""),
  ) &&
  a.confidence === b.confidence &&
  a.familiarity === b.familiarity &&
  a.minutes === b.minutes;

function importError(issues: ImportIssue[]): AppError {
  const shown = issues.slice(0, 20).map((i) => `line ${i.line}: ${i.message}`);
  const more = issues.length > 20 ? ` (and ${plural(issues.length - 20, "more problem")})` : "";
  return new AppError("invalid:review_import", `Nothing was imported. ${shown.join("; ")}${more}`, {
    fieldErrors: { file: shown },
  });
}

/**
 * Imports external reviews from a tidy table: every row is checked (idea, topic, condition, scales,
 * dates, duplicate ids) and the file is refused as a whole when any row is wrong. A review id
 * already in the study with the same answers counts as unchanged, so re-importing is harmless.
 * createMissingIdeas: an idea_id the study lacks becomes a placeholder idea with the row's topic
 * and condition (see review-placeholders.ts); an idea_id may also name an idea's external id.
 */
/**
 * The form's own rationale checks (validateAnswers, as on submit): required rationales, minimum
 * length, the length cap. Missing scores stay allowed (external data may lack them; the score checks
 * above name out-of-scale values); short rationales pass only when the organizer chose so.
 */
function rationaleProblems(form: ReviewForm, answers: ReviewAnswers, allowShort: boolean): string[] {
  const checked = validateAnswers(form, answers, { mode: "submit", attestationRequired: false });
  if (checked.ok) return [];
  return Object.entries(checked.errors)
    .filter(([key]) => key.startsWith("rationale."))
    .filter(
      ([key]) => !allowShort || [...(answers.rationales[key.slice(10)] ?? "")].length > RATIONALE_CHAR_CAP,
    )
    .map(
      ([, message]) =>
        `${message}${allowShort ? "" : " (or tick “allow short rationales” for external data)"}`,
    );
}

export function importReviews({
  studyId,
  actorId,
  fileName,
  text,
  createMissingIdeas = false,
  allowShortRationales = false,
}: {
  studyId: string;
  actorId: string;
  fileName: string;
  text: string;
  createMissingIdeas?: boolean;
  /** Accept rationales under the form's minimum length (recorded on the import). */
  allowShortRationales?: boolean;
}): ReviewImportResult {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        loadStudy(tx, studyId);
        const { form } = readReviewSetup(tx, studyId);
        const metrics = form.metrics.map((m) => m.key);
        const parsed = parseTidyReviews(text);
        if (!parsed.ok) throw importError(parsed.issues);
        const { table } = parsed;
        const headerIssues: ImportIssue[] = [];
        for (const m of metrics)
          if (!table.metrics.includes(m))
            headerIssues.push({ line: 1, message: `missing column "${m}" (a metric of this study's form)` });
        for (const m of table.metrics)
          if (!metrics.includes(m))
            headerIssues.push({
              line: 1,
              message: `column "${m}" is not a metric of this study's form (${metrics.join(", ")})`,
            });
        if (headerIssues.length > 0) throw importError(headerIssues);
        if (table.rows.length === 0) throw importError([{ line: 2, message: "the file has no reviews" }]);

        const ideaRows = tx
          .select({
            id: ideas.id,
            code: ideas.code,
            externalId: ideas.externalId,
            topic: topics.name,
            condition: conditions.key,
          })
          .from(ideas)
          .innerJoin(topics, eq(topics.id, ideas.topicId))
          .innerJoin(conditions, eq(conditions.id, ideas.conditionId))
          .where(eq(ideas.studyId, studyId))
          .all();
        const byId = new Map(ideaRows.map((i) => [i.id, i]));
        const byCode = new Map(ideaRows.map((i) => [i.code, i]));
        const byExternal = new Map(ideaRows.flatMap((i) => (i.externalId ? [[i.externalId, i]] : [])));
        const findIdea = (ideaId: string) =>
          byId.get(ideaId) ??
          byCode.get(normalizeIdeaCode(ideaId) ?? ideaId.toUpperCase()) ??
          byExternal.get(ideaId);
        const conditionIds = new Map(
          tx
            .select({ id: conditions.id, key: conditions.key })
            .from(conditions)
            .where(eq(conditions.studyId, studyId))
            .all()
            .map((c) => [c.key, c.id]),
        );
        const conditionKeys = new Set(conditionIds.keys());
        let placeholders = { created: 0, topics: 0 };
        if (createMissingIdeas) {
          const made = createPlaceholderIdeas(tx, {
            studyId,
            rows: table.rows,
            isKnown: (ideaId) => findIdea(ideaId) !== undefined,
            conditionIds,
          });
          if (made.issues.length > 0) throw importError(made.issues);
          for (const idea of made.created) byExternal.set(idea.externalId, { ...idea });
          placeholders = { created: made.created.length, topics: made.topicsCreated };
        }
        const existing = tx
          .select({
            id: reviews.id,
            externalReviewId: reviews.externalReviewId,
            ideaId: reviews.ideaId,
            answers: reviews.answers,
            status: reviews.status,
          })
          .from(reviews)
          .where(eq(reviews.studyId, studyId))
          .all();
        const existingById = new Map<string, (typeof existing)[number]>();
        for (const r of existing) {
          existingById.set(r.id, r);
          if (r.externalReviewId) existingById.set(r.externalReviewId, r);
        }

        // Without a review_id column the ids are generated from the line: the file name keeps two
        // such files apart, and the same file imported again still matches its earlier rows.
        const generatedIds = table.absent?.includes("review_id") ?? false;
        const reviewKey = (row: TidyReview) => (generatedIds ? `${fileName}#${row.reviewId}` : row.reviewId);
        const issues: ImportIssue[] = [];
        const fresh: {
          row: TidyReview;
          ideaId: string;
          answers: ReviewAnswers;
          submittedAt: number | null;
        }[] = [];
        let unchanged = 0;
        for (const row of table.rows) {
          const rowIssues: string[] = [];
          const idea = findIdea(row.ideaId);
          if (!idea)
            rowIssues.push(
              `unknown idea "${row.ideaId}"${createMissingIdeas ? "" : ' (tick "create missing ideas" to add placeholders)'}`,
            );
          if (!conditionKeys.has(row.condition)) rowIssues.push(`unknown condition "${row.condition}"`);
          else if (idea && idea.condition !== row.condition)
            rowIssues.push(
              `idea "${row.ideaId}" belongs to condition "${idea.condition}", not "${row.condition}"`,
            );
          if (idea && row.topic.trim() !== "" && row.topic.trim() !== idea.topic)
            rowIssues.push(`idea "${row.ideaId}" is in topic "${idea.topic}", not "${row.topic}"`);
          for (const metric of form.metrics) {
            const v = row.scores[metric.key];
            if (
              v !== null &&
              v !== undefined &&
              (!Number.isInteger(v) || v < metric.scale.min || v > metric.scale.max)
            )
              rowIssues.push(
                `${metric.key}: ${v} is not a whole number from ${metric.scale.min} to ${metric.scale.max}`,
              );
          }
          for (const [name, v] of [
            ["confidence", row.confidence],
            ["familiarity", row.familiarity],
          ] as const)
            if (v !== null && (!Number.isInteger(v) || v < 1 || v > 5))
              rowIssues.push(`${name}: ${v} is not a whole number from 1 to 5`);
          if (row.minutes !== null && (!Number.isInteger(row.minutes) || row.minutes < 0))
            rowIssues.push(`minutes: ${row.minutes} is not a whole number of 0 or more`);
          let submittedAt: number | null = null;
          if (row.submittedAt.trim() !== "") {
            submittedAt = Date.parse(row.submittedAt.trim());
            if (Number.isNaN(submittedAt))
              rowIssues.push(
                `submitted_at: "${row.submittedAt}" is not a date (use e.g. 2026-05-01T12:00:00Z)`,
              );
          }
          const answers: ReviewAnswers = {
            scores: Object.fromEntries(metrics.map((m) => [m, row.scores[m] ?? null])),
            rationales: Object.fromEntries(metrics.map((m) => [m, row.extra[`${m}_rationale`] ?? ""])),
            confidence: row.confidence,
            familiarity: row.familiarity,
            minutes: row.minutes,
            attested: false,
          };
          rowIssues.push(...rationaleProblems(form, answers, allowShortRationales));
          const known = existingById.get(reviewKey(row));
          if (known && rowIssues.length === 0) {
            if (
              known.status === "submitted" &&
              known.ideaId === idea?.id &&
              sameAnswers(known.answers, answers, metrics)
            ) {
              unchanged += 1;
              continue;
            }
            rowIssues.push(`review "${reviewKey(row)}" already exists in this study with other answers`);
          }
          if (rowIssues.length > 0) issues.push({ line: row.line, message: rowIssues.join("; ") });
          else if (idea)
            fresh.push({
              row,
              ideaId: idea.id,
              answers,
              submittedAt: Number.isNaN(submittedAt) ? null : submittedAt,
            });
        }
        if (issues.length > 0) throw importError(issues);

        const now = Date.now();
        if (fresh.length > 0) {
          const batch = tx
            .insert(reviewImports)
            .values({
              studyId,
              fileName,
              rowCount: fresh.length,
              importedBy: actorId,
              importedAt: now,
              allowShortRationales,
            })
            .returning({ id: reviewImports.id })
            .get();
          for (const f of fresh) {
            tx.insert(reviews)
              .values({
                studyId,
                ideaId: f.ideaId,
                status: "submitted",
                answers: f.answers,
                submittedAt: f.submittedAt,
                firstSubmittedAt: f.submittedAt,
                importId: batch.id,
                externalReviewId: reviewKey(f.row),
                externalReviewerId: f.row.reviewerId === "" ? null : f.row.reviewerId,
                createdAt: now,
                updatedAt: now,
              })
              .run();
          }
          // Imported reviews fix the form just as submitted ones do.
          const stored = tx
            .select({ form: studies.reviewForm })
            .from(studies)
            .where(eq(studies.id, studyId))
            .get();
          if (!stored?.form)
            tx.update(studies).set({ reviewForm: form }).where(eq(studies.id, studyId)).run();
        }
        logEvent(tx, {
          studyId,
          actorId,
          kind: "reviews_imported",
          detail: {
            fileName,
            added: fresh.length,
            unchanged,
            ideasCreated: placeholders.created,
            topicsCreated: placeholders.topics,
            allowShortRationales,
          },
        });
        return {
          added: fresh.length,
          unchanged,
          ideasCreated: placeholders.created,
          topicsCreated: placeholders.topics,
        };
      },
      { behavior: "immediate" },
    ),
  );
}
