import { guardedRoute } from "@/server/auth/guarded-handlers";
import {
  reviewDraftHandler,
  reviewDraftSpec,
  reviewStateHandler,
  reviewStateSpec,
} from "@/server/reviews/review-draft";

// The review editor's draft route (server/reviews/review-draft.ts): GET loads the stored review, POST
// autosaves. The production server answers this path before Next (server/http/fast-routes.ts); these
// handlers serve it under `next dev` and `next start`.
export const GET = guardedRoute(reviewStateSpec, reviewStateHandler);
export const POST = guardedRoute(reviewDraftSpec, reviewDraftHandler);
