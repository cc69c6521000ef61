import "server-only";
import { recordActiveTime, saveReviewDraft } from "@/db/queries/review-save";
import { AppError } from "@/lib/errors";
import { reviewDraftSchema } from "@/lib/reviews/save-request";
import { uuidSchema } from "@/lib/validation";
import type { GuardSpec } from "../auth/check-guard";
import type { GuardedRequestHandler } from "../auth/guarded-request";

// The review editor's autosave and active-time writes (POST reviewDraftPath): the guard's reviewer
// with consent, then the write on the caller's own published assignment, which the query itself
// checks, so someone else's assignment id is "not found". One definition for both ways it is served:
// Next's route handler (app/api/.../draft/route.ts) and scripts/serve.ts's fast route.

const study = { roles: ["reviewer"] as const, consent: true };

export const reviewDraftSpec: GuardSpec<typeof reviewDraftSchema, typeof study> = {
  study,
  schema: reviewDraftSchema,
};

export const reviewDraftHandler: GuardedRequestHandler<typeof reviewDraftSchema, typeof study> = (
  { study, user, input },
  _req,
  params,
) => {
  const assignmentId = uuidSchema.safeParse(params.assignmentId);
  if (!assignmentId.success)
    throw new AppError("not_found:assignment", "This review assignment does not exist.");
  const save = {
    studyId: study.id,
    assignmentId: assignmentId.data,
    userId: user.id,
    answers: input.answers,
    version: input.version,
    activeSeconds: input.activeSeconds,
    saveId: input.saveId,
  };
  if (input.mode === "activity") recordActiveTime(save);
  const data = input.mode === "draft" ? saveReviewDraft(save) : null;
  return Response.json({ ok: true, data }, { headers: { "cache-control": "no-store" } });
};
