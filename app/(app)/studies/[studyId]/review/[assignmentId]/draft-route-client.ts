import type { StoredReview } from "@/db/queries/review-save";
import type { ActionResult, ErrorCode, FieldErrors } from "@/lib/errors";
import { type ReviewDraftRequest, reviewDraftPath } from "@/lib/reviews/save-request";
import type { submitReviewAction } from "../actions";

// The review editor's client of the draft route (reviewDraftPath): the stored review when it opens,
// and its autosaves.

/** What a stored save returns: a draft save answers as a submit does. */
type ReviewSaved = Extract<Awaited<ReturnType<typeof submitReviewAction>>, { ok: true }>["data"];

/**
 * Sends an autosaved draft or active time to the draft route. The answer has the shape of a server
 * action's result (the editor reads submits and drafts alike); null when the server could not be
 * reached or did not answer with JSON (a proxy's error page), which the autosave retries.
 */
export async function postReviewDraft(
  studyId: string,
  assignmentId: string,
  body: ReviewDraftRequest,
): Promise<ActionResult<ReviewSaved | null> | null> {
  try {
    const res = await fetch(reviewDraftPath(studyId, assignmentId), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as
      | { ok: true; data: ReviewSaved | null }
      | { error: ErrorCode; message: string; fieldErrors?: FieldErrors };
    if (res.ok && "ok" in json) return json;
    if ("error" in json)
      return { ok: false, error: json.error, message: json.message, fieldErrors: json.fieldErrors };
    return null;
  } catch {
    return null;
  }
}

/**
 * The caller's stored review (null before the first save), or the reason it could not be loaded:
 * the server's message, or null when the server could not be reached.
 */
export async function getStoredReview(
  studyId: string,
  assignmentId: string,
): Promise<{ ok: true; review: StoredReview | null } | { ok: false; message: string | null }> {
  try {
    const res = await fetch(reviewDraftPath(studyId, assignmentId), { cache: "no-store" });
    const json = (await res.json()) as { ok: true; data: StoredReview | null } | { message: string };
    if (res.ok && "ok" in json) return { ok: true, review: json.data };
    return { ok: false, message: "message" in json ? json.message : null };
  } catch {
    return { ok: false, message: null };
  }
}
