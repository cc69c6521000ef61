import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { AppError, type FieldErrors } from "@/lib/errors";
import { plural } from "@/lib/format";
import { validateIdeaFields } from "@/lib/ideas/template";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { ideaImports, ideas, studyEvents } from "../schema";
import { insertSubmittedIdea } from "./ideas-insert";
import { loadStudyForNewIdeas, lockInTemplate, phaseError } from "./ideas-shared";
import { readConditionIds, readTopicIds } from "./study-shared";

// Committing an idea import (allowed in setup and writing): rows parsed by lib/ideas/import are
// checked again against the study and written in one transaction, or not at all.

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
        const study = loadStudyForNewIdeas(tx, studyId);
        if (study.status !== "setup" && study.status !== "writing") {
          throw phaseError("Ideas can be imported", study.status, "the study is in setup or writing");
        }
        const topicIds = readTopicIds(tx, studyId);
        const conditionIds = readConditionIds(tx, studyId);
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
          insertSubmittedIdea(tx, {
            studyId,
            topicId: row.topicId,
            conditionId: row.conditionId,
            authorId: null,
            provenance: "imported",
            importId: importRow.id,
            externalId,
            fields: checked.fields,
            savedBy: importerId,
            now,
          });
          imported++;
        }
        const bad = Object.entries(errors);
        if (bad.length > 0) {
          // Every bad row at once (the first 20 in the message; all of them in fieldErrors).
          const shown = bad
            .slice(0, 20)
            .map(([line, msgs]) => `${line}: ${msgs.join("; ").replace(/\.$/, "")}.`);
          const more = bad.length > 20 ? ` And ${plural(bad.length - 20, "more row")}.` : "";
          throw new AppError(
            "invalid:import",
            `${plural(bad.length, "row")} ${bad.length === 1 ? "has" : "have"} problems, so nothing was imported. ${shown.join(" ")}${more}`,
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
