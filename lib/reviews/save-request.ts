import { z } from "zod";
import { uuidSchema } from "@/lib/validation";

// What the review editor sends when it saves. Submits (full validation, then the "My reviews" list
// is refreshed) go through the submit server action; autosaved drafts and active time, the editor's
// frequent writes, go to the draft route (reviewDraftPath), which the production server answers
// before Next's pipeline (server/http/fast-routes.ts).

const saveFields = {
  answers: z.unknown(),
  /** The version the editor started from; 0 when no review row exists yet. */
  version: z.number().int().min(0),
  activeSeconds: z.number().min(0).max(86_400),
  /** Idempotency key of this save, the same on every retry until one is acknowledged. */
  saveId: uuidSchema.optional(),
};

export const reviewSubmitSchema = z.object({ assignmentId: uuidSchema, ...saveFields });

/** The draft route's body; the study and assignment come from its path. */
export const reviewDraftSchema = z.object({ mode: z.enum(["draft", "activity"]), ...saveFields });

export type ReviewDraftRequest = z.input<typeof reviewDraftSchema>;

export const reviewDraftPath = (studyId: string, assignmentId: string) =>
  `/api/studies/${encodeURIComponent(studyId)}/reviews/${encodeURIComponent(assignmentId)}/draft`;
