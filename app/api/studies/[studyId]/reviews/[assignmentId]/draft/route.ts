import { guardedRoute } from "@/server/auth/guarded-handlers";
import { reviewDraftHandler, reviewDraftSpec } from "@/server/reviews/review-draft";

// The review editor's autosave (server/reviews/review-draft.ts). The production server answers this
// path before Next (server/http/fast-routes.ts); this handler serves it under `next dev` and `next start`.
export const POST = guardedRoute(reviewDraftSpec, reviewDraftHandler);
