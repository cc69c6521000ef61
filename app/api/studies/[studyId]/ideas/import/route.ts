import { revalidatePath } from "next/cache";
import { z } from "zod";
import { commitIdeaImport, existingExternalIds } from "@/db/queries/ideas";
import { getStudySettings } from "@/db/queries/study-setup";
import { parseIdeaImport } from "@/lib/ideas/import";
import { IDEA_IMPORT_MAX_BYTES } from "@/lib/ideas/import-limits";
import { guardedUpload } from "@/server/auth/guarded-upload";
import { readUploadedText } from "@/server/http/read-upload";

// POST /api/studies/:studyId/ideas/import?mode=preview|commit, multipart field "file" (JSONL or CSV,
// up to 10 MB, UTF-8). Preview parses and validates without writing; commit re-validates and imports
// everything in one transaction, or nothing.
export const POST = guardedUpload(
  {
    study: { roles: ["organizer"] },
    schema: z.object({ mode: z.enum(["preview", "commit"], { error: "mode must be preview or commit." }) }),
  },
  async ({ study, user, input }, req) => {
    const studyId = study.id;
    const { fileName, text } = await readUploadedText(req, {
      maxBytes: IDEA_IMPORT_MAX_BYTES,
      label: "idea file",
    });
    const { template, topics, conditions } = getStudySettings({ studyId });
    const result = parseIdeaImport({
      fileName,
      content: text,
      template,
      topics,
      conditions,
      existingExternalIds: existingExternalIds({ studyId }),
    });
    if (input.mode === "preview") {
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
    }
    if (!result.ok) return { imported: 0, skipped: result.duplicates.length, errors: result.errors };
    const committed = commitIdeaImport({
      studyId,
      importerId: user.id,
      fileName,
      format: result.format!,
      rows: result.rows,
    });
    revalidatePath(`/studies/${studyId}/manage/ideas`);
    return {
      imported: committed.imported,
      skipped: result.duplicates.length + committed.skipped.length,
      errors: [],
    };
  },
);
