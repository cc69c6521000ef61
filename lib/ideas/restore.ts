import { z } from "zod";
import type { StudyStatus } from "@/lib/studies/types";
import { uuidSchema } from "@/lib/validation";
import type { IdeaStatus } from "./types";

// When an earlier version of an idea's text may be restored, and why not: the author while writing
// is open; organizers also during normalization (the rewrite then starts over); nobody once
// reviewers or judges may have read the text, and never a withdrawn idea.

export type Restorer = "organizer" | "author";

/** The restore form: which version to bring back, and the version the page showed (stale-page check). */
export const restoreVersionSchema = z.object({
  ideaId: uuidSchema,
  version: z.coerce.number().int().min(1),
  expectedVersion: z.coerce.number().int().min(1),
});

const PHASES: Record<Restorer, readonly StudyStatus[]> = {
  organizer: ["writing", "normalization"],
  author: ["writing"],
};

/** Null when a restore is allowed; else the sentence that says why not. */
export function restoreRefusal({
  by,
  studyStatus,
  ideaStatus,
}: {
  by: Restorer;
  studyStatus: StudyStatus;
  ideaStatus: IdeaStatus;
}): string | null {
  if (ideaStatus === "withdrawn") return "This idea was withdrawn; its text can no longer change.";
  if (PHASES[by].includes(studyStatus)) return null;
  const allowed = by === "organizer" ? "writing or normalization" : "writing";
  const why =
    studyStatus === "setup"
      ? "the study has not opened for writing yet"
      : studyStatus === "normalization"
        ? "writing has closed and the organizers are preparing the text for reviewers"
        : "reviewers or judges may already have read this text, and their scores must stay tied to it";
  return `A version can be restored only during ${allowed}; the study is in the ${studyStatus} phase (${why}).`;
}
