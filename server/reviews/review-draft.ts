import "server-only";
import { getOwnReview, recordActiveTime, saveReviewDraft } from "@/db/queries/review-save";
import { AppError } from "@/lib/errors";
import { reviewDraftSchema } from "@/lib/reviews/save-request";
import { uuidSchema } from "@/lib/validation";
import type { GuardSpec } from "../auth/check-guard";
import type { GuardedRequestHandler, RouteParams } from "../auth/guarded-request";

// The review editor's draft route (reviewDraftPath): GET loads the stored review when the editor
// opens, POST takes its autosave and active-time writes. The guard's reviewer with consent, then the
// read or write on the caller's own published assignment, which the query itself checks, so someone
// else's assignment id is "not found". One definition for both ways it is served: Next's route
// handler (app/api/.../draft/route.ts) and scripts/serve.ts's fast routes.

const study = { roles: ["reviewer"] as const, consent: true };

export const reviewDraftSpec: GuardSpec<typeof reviewDraftSchema, typeof study> = {
  study,
  schema: reviewDraftSchema,
};

export const reviewStateSpec: GuardSpec<undefined, typeof study> = { study };

function assignmentParam(params: RouteParams): string {
  const assignmentId = uuidSchema.safeParse(params.assignmentId);
  if (!assignmentId.success)
    throw new AppError("not_found:assignment", "This review assignment does not exist.");
  return assignmentId.data;
}

const NO_STORE = { "cache-control": "no-store" };

export const reviewStateHandler: GuardedRequestHandler<undefined, typeof study> = (
  { study, user },
  _req,
  params,
) => {
  const data = getOwnReview({ studyId: study.id, assignmentId: assignmentParam(params), userId: user.id });
  return Response.json({ ok: true, data }, { headers: NO_STORE });
};

export const reviewDraftHandler: GuardedRequestHandler<typeof reviewDraftSchema, typeof study> = (
  { study, user, input },
  _req,
  params,
) => {
  const save = {
    studyId: study.id,
    assignmentId: assignmentParam(params),
    userId: user.id,
    answers: input.answers,
    version: input.version,
    activeSeconds: input.activeSeconds,
    saveId: input.saveId,
  };
  if (input.mode === "activity") recordActiveTime(save);
  const data = input.mode === "draft" ? saveReviewDraft(save) : null;
  return Response.json({ ok: true, data }, { headers: NO_STORE });
};
