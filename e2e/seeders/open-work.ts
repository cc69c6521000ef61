import { getDb } from "@/db/client";
import { saveNormalizationResult } from "@/db/queries/ideas-normalization";
import { updatePhaseDates } from "@/db/queries/study-phases";
import { getStudySettings, updateStudyDetails } from "@/db/queries/study-settings";
import { getUserByEmail } from "@/db/queries/users";
import { assignments } from "@/db/schema";
import { ADMIN } from "../seed-data";

// Unfinished work for the safety tests (what a phase change or publishing would end), written with
// the app's own queries and the typed schema.

function adminId(): string {
  const admin = getUserByEmail({ email: ADMIN.email });
  if (!admin) throw new Error(`${ADMIN.email} does not exist yet: first-run.spec.ts creates it.`);
  return admin.id;
}

/** A published assignment of this idea to this reviewer with no review yet; returns its id. */
export function seedOpenAssignment({
  studyId,
  ideaId,
  reviewerId,
}: {
  studyId: string;
  ideaId: string;
  reviewerId: string;
}): string {
  return getDb()
    .insert(assignments)
    .values({ studyId, ideaId, reviewerId, state: "published", source: "manual", publishedAt: Date.now() })
    .returning({ id: assignments.id })
    .get().id;
}

export function seedPhaseDates({ studyId, dates }: { studyId: string; dates: unknown }): null {
  updatePhaseDates({ studyId, actorId: adminId(), dates });
  return null;
}

/** Puts a rewrite with these fields on an idea and leaves its decision open (as after a job run). */
export function seedUndecidedRewrite({
  ideaId,
  fields,
}: {
  ideaId: string;
  fields: Record<string, string>;
}): null {
  saveNormalizationResult({ ideaId, normalizedFields: fields });
  return null;
}

export function seedConsentText({ studyId, text }: { studyId: string; text: string }): null {
  const { study } = getStudySettings({ studyId });
  updateStudyDetails({
    studyId,
    actorId: adminId(),
    title: study.title,
    description: study.description,
    instructions: study.instructions,
    consentText: text,
    attestationText: study.attestationText,
  });
  return null;
}
