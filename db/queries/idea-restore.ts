import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { type Restorer, restoreRefusal } from "@/lib/ideas/restore";
import { getStudyTemplate, validateIdeaFields } from "@/lib/ideas/template";
import { getDb } from "../client";
import { withDbErrors } from "../errors";
import { ideas, ideaVersions, studies, studyEvents } from "../schema";
import { invalidIdea, resetNormalization } from "./ideas-shared";
import { sameFields } from "./ideas-writer";

// Restoring an earlier version of an idea's text. History is never rewritten: the restore is a new
// version equal to the chosen one, recorded as "restored from version N" by whoever did it. Who may
// restore in which phase is lib/ideas/restore.ts; a restore starts the idea's rewrite over.

export type RestoreBy = { kind: Restorer; userId: string };

export function restoreIdeaVersion({
  studyId,
  ideaId,
  version,
  expectedVersion,
  by,
  now = Date.now(),
}: {
  studyId: string;
  ideaId: string;
  /** The version whose text comes back. */
  version: number;
  /** The idea's current version as the page showed it; a newer one means someone else saved since. */
  expectedVersion: number;
  by: RestoreBy;
  now?: number;
}): { version: number } {
  return withDbErrors(() =>
    getDb().transaction(
      (tx) => {
        const row = tx
          .select({
            version: ideas.version,
            code: ideas.code,
            fields: ideas.fields,
            status: ideas.status,
            authorId: ideas.authorId,
            studyStatus: studies.status,
            ideaTemplate: studies.ideaTemplate,
          })
          .from(ideas)
          .innerJoin(studies, eq(studies.id, ideas.studyId))
          .where(and(eq(ideas.id, ideaId), eq(ideas.studyId, studyId)))
          .get();
        if (!row || (by.kind === "author" && row.authorId !== by.userId))
          throw new AppError("not_found:idea", "This idea does not exist in this study.");
        const refusal = restoreRefusal({ by: by.kind, studyStatus: row.studyStatus, ideaStatus: row.status });
        if (refusal)
          throw new AppError(
            row.status === "withdrawn" ? "conflict:idea_withdrawn" : "conflict:phase",
            refusal,
          );
        const chosen = tx
          .select({ fields: ideaVersions.fields, kind: ideaVersions.kind })
          .from(ideaVersions)
          .where(and(eq(ideaVersions.ideaId, ideaId), eq(ideaVersions.version, version)))
          .get();
        if (!chosen) throw new AppError("not_found:idea_version", `This idea has no version ${version}.`);
        if (chosen.kind === "normalized_edit")
          throw new AppError(
            "invalid:idea_version",
            `Version ${version} is an edit of the text reviewers see, not the author's text; change that on the normalization page.`,
          );
        if (row.version !== expectedVersion)
          throw new AppError(
            "conflict:idea_version",
            `The idea changed since this page was opened (it is now at version ${row.version}). Reload and choose again.`,
          );
        if (sameFields(chosen.fields, row.fields))
          throw new AppError(
            "conflict:idea_unchanged",
            `The current text is already the same as version ${version}; nothing to restore.`,
          );
        const template = getStudyTemplate(row);
        const checked = validateIdeaFields({
          template,
          fields: chosen.fields,
          mode: row.status === "submitted" ? "submit" : "draft",
        });
        if (!checked.ok) throw invalidIdea(checked.errors);
        const next = row.version + 1;
        tx.update(ideas)
          .set({
            fields: checked.fields,
            version: next,
            updatedAt: now,
            lastSaveId: null,
            ...resetNormalization,
          })
          .where(and(eq(ideas.id, ideaId), eq(ideas.version, row.version)))
          .run();
        tx.insert(ideaVersions)
          .values({
            ideaId,
            version: next,
            fields: checked.fields,
            kind: "restore",
            restoredFrom: version,
            savedBy: by.userId,
            savedAt: now,
          })
          .run();
        // The study's change log names it too, for the organizers' audit trail.
        tx.insert(studyEvents)
          .values({
            studyId,
            actorId: by.userId,
            kind: "idea_version_restored",
            detail: { idea: row.code, restoredFrom: version, newVersion: next, by: by.kind },
          })
          .run();
        return { version: next };
      },
      { behavior: "immediate" },
    ),
  );
}
