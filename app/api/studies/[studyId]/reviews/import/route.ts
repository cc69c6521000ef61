import { revalidatePath } from "next/cache";
import { importReviews } from "@/db/queries/review-exchange";
import { REVIEW_IMPORT_MAX_BYTES } from "@/lib/ideas/import-limits";
import { guardedUpload } from "@/server/auth/guarded-upload";
import { readUploadedText } from "@/server/http/read-upload";

// POST /api/studies/:studyId/reviews/import, multipart field "file": external reviews in the tidy
// format (CSV, up to 20 MB, UTF-8); the whole file, or nothing when any row is wrong.
export const POST = guardedUpload({ study: { roles: ["organizer"] } }, async ({ study, user }, req) => {
  const { fileName, text } = await readUploadedText(req, {
    maxBytes: REVIEW_IMPORT_MAX_BYTES,
    label: "review file",
  });
  const result = importReviews({ studyId: study!.id, actorId: user.id, fileName, text });
  revalidatePath(`/studies/${study!.id}/manage/reviews`);
  return result;
});
