import "server-only";
import { and, eq } from "drizzle-orm";
import { AppError, type FieldErrors } from "@/lib/errors";
import { generateIdeaCode } from "@/lib/ideas/codes";
import { DEFAULT_IDEA_TEMPLATE } from "@/lib/ideas/template";
import type { IdeaTemplateField } from "@/lib/ideas/types";
import type { StudyStatus } from "@/lib/studies/types";
import { ideas, studies } from "../schema";
import type { Executor } from "./study-shared";

// Private helpers shared by the idea modules (ideas-writer, ideas-import, ideas-normalization). What
// reviewers and judges may see is decided in blind-policy.ts.

const CODE_ATTEMPTS = 10;

export function invalidIdea(errors: FieldErrors): AppError {
  // Every problem at once; each message already names its field by the template's label.
  const messages = [...new Set(Object.values(errors).flat())];
  return new AppError("invalid:idea", messages.join(" ") || "The idea is not valid.", {
    fieldErrors: errors,
  });
}

/** A code not yet used in the study. Checked first, so the insert never trips the unique index. */
export function freshCode(ex: Executor, studyId: string): string {
  for (let i = 0; i < CODE_ATTEMPTS; i++) {
    const code = generateIdeaCode();
    const taken = ex
      .select({ id: ideas.id })
      .from(ideas)
      .where(and(eq(ideas.studyId, studyId), eq(ideas.code, code)))
      .get();
    if (!taken) return code;
  }
  throw new AppError("internal:idea_code", "Could not find a free idea code; please try again.");
}

/** Fixes the template once ideas exist: the default is stored if the organizer never set one. */
export function lockInTemplate(
  ex: Executor,
  study: { id: string; ideaTemplate: IdeaTemplateField[] | null },
) {
  if (study.ideaTemplate !== null) return study.ideaTemplate;
  ex.update(studies).set({ ideaTemplate: DEFAULT_IDEA_TEMPLATE }).where(eq(studies.id, study.id)).run();
  return DEFAULT_IDEA_TEMPLATE;
}

/** The study a new idea goes into (its phase and template), inside the caller's transaction. */
export function loadStudyForNewIdeas(ex: Executor, studyId: string) {
  const study = ex
    .select({ id: studies.id, status: studies.status, ideaTemplate: studies.ideaTemplate })
    .from(studies)
    .where(eq(studies.id, studyId))
    .get();
  if (!study) throw new AppError("not_found:study", "This study does not exist.");
  return study;
}

export function phaseError(action: string, status: StudyStatus, allowed: string) {
  return new AppError(
    "conflict:phase",
    `${action} only while ${allowed}; the study is in the ${status} phase.`,
  );
}

/** Clears a normalization that no longer matches the text (the writer edited a submitted idea). */
export const resetNormalization = {
  normalizedFields: null,
  normalizationState: "none",
  normalizationError: null,
  normalizationReview: "unreviewed",
  reviewTextSource: null,
} as const;
