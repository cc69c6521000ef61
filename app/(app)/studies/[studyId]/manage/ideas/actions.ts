"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { commitIdeaImport, existingExternalIds } from "@/db/queries/ideas";
import { getStudySettings } from "@/db/queries/study-setup";
import { parseIdeaImport } from "@/lib/ideas/import";
import { guardedCall } from "@/server/auth/guarded-handlers";

const importSchema = z.object({
  fileName: z.string().trim().min(1, "Choose a file.").max(255, "The file name is too long."),
  content: z.string().max(11 * 1024 * 1024, "The file is larger than 10 MB; split it."),
});

function parse(studyId: string, fileName: string, content: string) {
  const { template, topics, conditions } = getStudySettings({ studyId });
  return parseIdeaImport({
    fileName,
    content,
    template,
    topics,
    conditions,
    existingExternalIds: existingExternalIds({ studyId }),
  });
}

/** Parses and validates without writing anything: the organizer sees every problem first. */
export const previewImportAction = guardedCall(
  { study: { roles: ["organizer"] }, schema: importSchema },
  ({ study, input }) => {
    const result = parse(study.id, input.fileName, input.content);
    return {
      ok: result.ok,
      format: result.format,
      rowCount: result.rows.length,
      duplicates: result.duplicates,
      errors: result.errors,
      sample: result.rows
        .slice(0, 5)
        .map((r) => ({ line: r.line, title: r.fields.title ?? "", externalId: r.externalId })),
    };
  },
);

/** Re-validates on the server and imports everything in one transaction, or nothing. */
export const commitImportAction = guardedCall(
  { study: { roles: ["organizer"] }, schema: importSchema },
  ({ study, user, input }) => {
    const result = parse(study.id, input.fileName, input.content);
    if (!result.ok) {
      return { imported: 0, skipped: result.duplicates.length, errors: result.errors };
    }
    const committed = commitIdeaImport({
      studyId: study.id,
      importerId: user.id,
      fileName: input.fileName,
      format: result.format!,
      rows: result.rows,
    });
    revalidatePath(`/studies/${study.id}/manage/ideas`);
    return {
      imported: committed.imported,
      skipped: result.duplicates.length + committed.skipped.length,
      errors: [],
    };
  },
);
