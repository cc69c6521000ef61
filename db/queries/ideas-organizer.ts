import "server-only";
import { and, asc, count, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { ExportIdea } from "@/lib/ideas/export";
import { validateIdeaFields } from "@/lib/ideas/template";
import type {
  IdeaFields,
  IdeaProvenance,
  IdeaStatus,
  NormalizationReview,
  NormalizationState,
} from "@/lib/ideas/types";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { conditions, ideaImports, ideas, ideaVersions, studies, studyEvents, topics, users } from "../schema";
import { freshCode, lockInTemplate, phaseError, plural } from "./ideas-shared";

// The organizer's side of ideas: tables, balance, import (allowed in setup and writing), export.

// --- organizer ------------------------------------------------------------------------------------
// These take the studyId the organizer guard already checked and never return another study's rows.

export type OrganizerIdea = {
  id: string;
  code: string;
  topicId: string;
  topicName: string;
  conditionId: string;
  conditionKey: string;
  conditionLabel: string;
  authorId: string | null;
  authorName: string | null;
  provenance: IdeaProvenance;
  /** The import's file name, or the generating job's id; null for written ideas. */
  provenanceSource: string | null;
  externalId: string | null;
  status: IdeaStatus;
  fields: IdeaFields;
  version: number;
  createdAt: number;
  submittedAt: number | null;
  updatedAt: number;
  normalizationState: NormalizationState;
  normalizationError: string | null;
  normalizationReview: NormalizationReview;
  reviewTextSource: "normalized" | "original" | null;
};

const organizerColumns = {
  id: ideas.id,
  code: ideas.code,
  topicId: ideas.topicId,
  topicName: topics.name,
  conditionId: ideas.conditionId,
  conditionKey: conditions.key,
  conditionLabel: conditions.label,
  authorId: ideas.authorId,
  authorName: users.name,
  provenance: ideas.provenance,
  provenanceSource: sql<
    string | null
  >`case ${ideas.provenance} when 'imported' then ${ideaImports.fileName} when 'generated' then ${ideas.jobId} else null end`,
  externalId: ideas.externalId,
  status: ideas.status,
  fields: ideas.fields,
  version: ideas.version,
  createdAt: ideas.createdAt,
  submittedAt: ideas.submittedAt,
  updatedAt: ideas.updatedAt,
  normalizationState: ideas.normalizationState,
  normalizationError: ideas.normalizationError,
  normalizationReview: ideas.normalizationReview,
  reviewTextSource: ideas.reviewTextSource,
};

// Dynamic so the same joins serve the table, the detail and the export, each with its own columns.
function withOrganizerJoins<T extends SQLiteSelect>(qb: T, where: SQL | undefined) {
  return qb
    .innerJoin(topics, eq(topics.id, ideas.topicId))
    .innerJoin(conditions, eq(conditions.id, ideas.conditionId))
    .leftJoin(users, eq(users.id, ideas.authorId))
    .leftJoin(ideaImports, eq(ideaImports.id, ideas.importId))
    .where(where);
}

export function listIdeasForOrganizer({
  studyId,
  topicId,
  conditionId,
  status,
  provenance,
}: {
  studyId: string;
  topicId?: string;
  conditionId?: string;
  status?: IdeaStatus;
  provenance?: IdeaProvenance;
}): OrganizerIdea[] {
  const filters: SQL[] = [eq(ideas.studyId, studyId)];
  if (topicId) filters.push(eq(ideas.topicId, topicId));
  if (conditionId) filters.push(eq(ideas.conditionId, conditionId));
  if (status) filters.push(eq(ideas.status, status));
  if (provenance) filters.push(eq(ideas.provenance, provenance));
  return withDbErrors(() =>
    withOrganizerJoins(getDb().select(organizerColumns).from(ideas).$dynamic(), and(...filters))
      .orderBy(asc(topics.position), asc(conditions.position), asc(ideas.createdAt), asc(sql`${ideas}.rowid`))
      .all(),
  );
}

export type OrganizerIdeaDetail = OrganizerIdea & { normalizedFields: IdeaFields | null };

export function getIdeaForOrganizer({
  studyId,
  ideaId,
}: {
  studyId: string;
  ideaId: string;
}): OrganizerIdeaDetail | undefined {
  return withDbErrors(() =>
    withOrganizerJoins(
      getDb()
        .select({ ...organizerColumns, normalizedFields: ideas.normalizedFields })
        .from(ideas)
        .$dynamic(),
      and(eq(ideas.studyId, studyId), eq(ideas.id, ideaId)),
    ).get(),
  );
}

export type BalanceCount = {
  /** Ideas counted: submitted ones by default (see `statuses`). */
  submitted: number;
  /** Normalized text accepted (as is or edited) by the organizer. */
  accepted: number;
  /** Review text decided: accepted, edited, or the original chosen. */
  decided: number;
};

export type BalanceTable = {
  topics: { id: string; name: string }[];
  conditions: { id: string; key: string; label: string; isBaseline: boolean }[];
  /** One row per topic in settings order; every condition has a count, zeros included. */
  rows: { topicId: string; topicName: string; counts: Record<string, BalanceCount>; total: number }[];
  byCondition: Record<string, BalanceCount>;
  total: BalanceCount;
};

const zero = (): BalanceCount => ({ submitted: 0, accepted: 0, decided: 0 });
function addTo(target: BalanceCount, c: BalanceCount) {
  target.submitted += c.submitted;
  target.accepted += c.accepted;
  target.decided += c.decided;
}

/** Counts per topic × condition: a study compares conditions fairly only when their topic mix matches. */
export function getBalanceTable({
  studyId,
  statuses = ["submitted"],
}: {
  studyId: string;
  statuses?: IdeaStatus[];
}): BalanceTable {
  return withDbErrors(() => {
    const db = getDb();
    const topicRows = db
      .select({ id: topics.id, name: topics.name })
      .from(topics)
      .where(eq(topics.studyId, studyId))
      .orderBy(asc(topics.position))
      .all();
    const conditionRows = db
      .select({
        id: conditions.id,
        key: conditions.key,
        label: conditions.label,
        isBaseline: conditions.isBaseline,
      })
      .from(conditions)
      .where(eq(conditions.studyId, studyId))
      .orderBy(asc(conditions.position))
      .all();
    const counted =
      statuses.length === 0
        ? []
        : db
            .select({
              topicId: ideas.topicId,
              conditionId: ideas.conditionId,
              submitted: count(),
              accepted: sql<number>`coalesce(sum(case when ${ideas.normalizationReview} in ('accepted', 'edited') then 1 else 0 end), 0)`,
              decided: sql<number>`coalesce(sum(case when ${ideas.reviewTextSource} is not null then 1 else 0 end), 0)`,
            })
            .from(ideas)
            .where(and(eq(ideas.studyId, studyId), inArray(ideas.status, statuses)))
            .groupBy(ideas.topicId, ideas.conditionId)
            .all();
    const byPair = new Map(counted.map((r) => [`${r.topicId}|${r.conditionId}`, r]));
    const byCondition = Object.fromEntries(conditionRows.map((c) => [c.id, zero()]));
    const total = zero();
    const rows = topicRows.map((t) => {
      const counts: Record<string, BalanceCount> = {};
      let rowTotal = 0;
      for (const c of conditionRows) {
        const r = byPair.get(`${t.id}|${c.id}`);
        const cell = {
          submitted: Number(r?.submitted ?? 0),
          accepted: Number(r?.accepted ?? 0),
          decided: Number(r?.decided ?? 0),
        };
        counts[c.id] = cell;
        rowTotal += cell.submitted;
        addTo(byCondition[c.id], cell);
        addTo(total, cell);
      }
      return { topicId: t.id, topicName: t.name, counts, total: rowTotal };
    });
    return { topics: topicRows, conditions: conditionRows, rows, byCondition, total };
  });
}

export function existingExternalIds({ studyId }: { studyId: string }): string[] {
  return withDbErrors(() =>
    getDb()
      .select({ externalId: ideas.externalId })
      .from(ideas)
      .where(and(eq(ideas.studyId, studyId), isNotNull(ideas.externalId)))
      .all()
      .map((r) => r.externalId!),
  );
}

export type ImportRow = {
  /** Line in the file, for messages. */
  line: number;
  topicId: string;
  conditionId: string;
  externalId?: string | null;
  fields: Record<string, unknown>;
};

export type ImportResult = {
  importId: string;
  imported: number;
  skipped: { line: number; externalId: string; reason: string }[];
};

/**
 * Commits parsed rows in ONE transaction: the import record, each idea (submitted, provenance
 * imported) and its first version. Rows whose external_id is already in the study (or earlier in
 * the file) are skipped and reported. Any bad row throws invalid:import listing every bad line,
 * and nothing is written.
 */
export function commitIdeaImport({
  studyId,
  importerId,
  fileName,
  format,
  rows,
}: {
  studyId: string;
  importerId: string;
  fileName: string;
  format: "jsonl" | "csv";
  rows: ImportRow[];
}): ImportResult {
  const name = fileName.trim().slice(0, 255);
  if (name === "") throw new AppError("invalid:import", "The file needs a name.");
  if (format !== "jsonl" && format !== "csv") {
    throw new AppError("invalid:import", "Import JSONL or CSV files.");
  }
  if (rows.length === 0) throw new AppError("invalid:import", "The file has no ideas to import.");
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const study = tx
          .select({ id: studies.id, status: studies.status, ideaTemplate: studies.ideaTemplate })
          .from(studies)
          .where(eq(studies.id, studyId))
          .get();
        if (!study) throw new AppError("not_found:study", "This study does not exist.");
        if (study.status !== "setup" && study.status !== "writing") {
          throw phaseError("Ideas can be imported", study.status, "the study is in setup or writing");
        }
        const topicIds = new Set(
          tx
            .select({ id: topics.id })
            .from(topics)
            .where(eq(topics.studyId, studyId))
            .all()
            .map((t) => t.id),
        );
        const conditionIds = new Set(
          tx
            .select({ id: conditions.id })
            .from(conditions)
            .where(eq(conditions.studyId, studyId))
            .all()
            .map((c) => c.id),
        );
        const existing = new Set(
          tx
            .select({ externalId: ideas.externalId })
            .from(ideas)
            .where(and(eq(ideas.studyId, studyId), isNotNull(ideas.externalId)))
            .all()
            .map((r) => r.externalId),
        );
        const template = lockInTemplate(tx, study);
        const now = Date.now();
        const importRow = tx
          .insert(ideaImports)
          .values({ studyId, fileName: name, format, rowCount: 0, importedBy: importerId, importedAt: now })
          .returning({ id: ideaImports.id })
          .get();

        const errors: FieldErrors = {};
        const skipped: ImportResult["skipped"] = [];
        const seen = new Map<string, number>();
        let imported = 0;
        // Rows are inserted as they are checked; a bad row anywhere rolls all of them back.
        for (const row of rows) {
          const problems: string[] = [];
          if (!topicIds.has(row.topicId)) problems.push("the topic is not one of this study's topics");
          if (!conditionIds.has(row.conditionId))
            problems.push("the condition is not one of this study's conditions");
          const externalId = row.externalId?.trim() || null;
          if (externalId && externalId.length > 200)
            problems.push("external_id is longer than 200 characters");
          const checked = validateIdeaFields({ template, fields: row.fields, mode: "submit" });
          if (!checked.ok) problems.push(...Object.values(checked.errors).flat());
          if (problems.length > 0 || !checked.ok) {
            errors[`line ${row.line}`] = problems;
            continue;
          }
          if (externalId && existing.has(externalId)) {
            skipped.push({ line: row.line, externalId, reason: "already imported into this study" });
            continue;
          }
          if (externalId && seen.has(externalId)) {
            skipped.push({
              line: row.line,
              externalId,
              reason: `same external_id as line ${seen.get(externalId)}`,
            });
            continue;
          }
          if (externalId) seen.set(externalId, row.line);
          const idea = tx
            .insert(ideas)
            .values({
              studyId,
              code: freshCode(tx, studyId),
              topicId: row.topicId,
              conditionId: row.conditionId,
              authorId: null,
              provenance: "imported",
              importId: importRow.id,
              externalId,
              status: "submitted",
              fields: checked.fields,
              version: 1,
              submittedAt: now,
              createdAt: now,
              updatedAt: now,
            })
            .returning({ id: ideas.id })
            .get();
          tx.insert(ideaVersions)
            .values({
              ideaId: idea.id,
              version: 1,
              fields: checked.fields,
              kind: "import",
              savedBy: importerId,
              savedAt: now,
            })
            .run();
          imported++;
        }
        const bad = Object.entries(errors);
        if (bad.length > 0) {
          const [line, msgs] = bad[0];
          throw new AppError(
            "invalid:import",
            `${plural(bad.length, "row")} ${bad.length === 1 ? "has" : "have"} problems, so nothing was imported. First: ${line}: ${msgs.join("; ")}.`,
            { fieldErrors: errors },
          );
        }
        tx.update(ideaImports).set({ rowCount: imported }).where(eq(ideaImports.id, importRow.id)).run();
        tx.insert(studyEvents)
          .values({
            studyId,
            actorId: importerId,
            kind: "ideas_imported",
            detail: { importId: importRow.id, fileName: name, imported, skipped: skipped.length },
            createdAt: now,
          })
          .run();
        return { importId: importRow.id, imported, skipped };
      },
      { behavior: "immediate" },
    ),
  );
}

// The export shape is defined beside the code that writes the files.
export type { ExportIdea } from "@/lib/ideas/export";

/** Every idea of the study (all statuses), in table order, as plain data for JSONL/CSV/Markdown. */
export function listIdeasForExport({ studyId }: { studyId: string }): ExportIdea[] {
  return withDbErrors(() =>
    withOrganizerJoins(
      getDb()
        .select({
          id: ideas.id,
          code: ideas.code,
          topic: topics.name,
          conditionKey: conditions.key,
          conditionLabel: conditions.label,
          status: ideas.status,
          provenance: ideas.provenance,
          provenanceSource: organizerColumns.provenanceSource,
          externalId: ideas.externalId,
          authorName: users.name,
          authorEmail: users.email,
          createdAt: ideas.createdAt,
          submittedAt: ideas.submittedAt,
          fields: ideas.fields,
          normalizedFields: ideas.normalizedFields,
          normalizationReview: ideas.normalizationReview,
          reviewTextSource: ideas.reviewTextSource,
        })
        .from(ideas)
        .$dynamic(),
      eq(ideas.studyId, studyId),
    )
      .orderBy(asc(topics.position), asc(conditions.position), asc(ideas.createdAt), asc(sql`${ideas}.rowid`))
      .all(),
  );
}
