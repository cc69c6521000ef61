import { revalidatePath } from "next/cache";
import { z } from "zod";
import { importReviews } from "@/db/queries/review-import";
import { REVIEW_IMPORT_MAX_BYTES } from "@/lib/ideas/import-limits";
import { guardedUpload } from "@/server/auth/guarded-upload";
import { readUploadedText } from "@/server/http/read-upload";

// POST /api/studies/:studyId/reviews/import, multipart field "file": external reviews in the tidy
// format (CSV, up to 20 MB, UTF-8); the whole file, or nothing when any row is wrong.
export const POST = guardedUpload(
  {
    study: { roles: ["organizer"] },
    // ?allowShortRationales=1: the organizer accepts rationales under the form's minimum (recorded).
    // ?createMissingIdeas=1: ids the study lacks become placeholder ideas (see review-placeholders.ts).
    schema: z.object({
      allowShortRationales: z.enum(["1", "0"]).optional(),
      createMissingIdeas: z.enum(["1", "0"]).optional(),
    }),
  },
  async ({ study, user, input }, req) => {
    const { fileName, text } = await readUploadedText(req, {
      maxBytes: REVIEW_IMPORT_MAX_BYTES,
      label: "review file",
    });
    const result = importReviews({
      studyId: study.id,
      actorId: user.id,
      fileName,
      text,
      allowShortRationales: input.allowShortRationales === "1",
      createMissingIdeas: input.createMissingIdeas === "1",
    });
    revalidatePath(`/studies/${study.id}/manage/reviews`);
    return result;
  },
);
