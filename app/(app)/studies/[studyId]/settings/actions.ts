"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteStudy, setStudyArchived } from "@/db/queries/study-lifecycle";
import {
  advancePhase,
  replaceConditions,
  replaceTopics,
  updateIdeaTemplate,
  updatePhaseDates,
  updateStudyDetails,
} from "@/db/queries/study-setup";
import { STUDY_STATUSES } from "@/lib/studies/types";
import { guardedAction, guardedCall } from "@/server/auth/guarded-handlers";

const organizer = { study: { roles: ["organizer"] as const } };
const refresh = (studyId: string) => revalidatePath(`/studies/${studyId}`, "layout");

export const updateDetailsAction = guardedAction(organizer, ({ study, user, raw }) => {
  const form = raw as Record<string, unknown>;
  updateStudyDetails({
    studyId: study.id,
    actorId: user.id,
    title: form.title,
    description: form.description,
    instructions: form.instructions,
    consentText: form.consentText,
    attestationText: form.attestationText,
  });
  refresh(study.id);
});

const items = z.object({ items: z.array(z.record(z.string(), z.unknown())) });

export const saveTopicsAction = guardedCall({ ...organizer, schema: items }, ({ study, user, input }) => {
  replaceTopics({ studyId: study.id, actorId: user.id, items: input.items });
  refresh(study.id);
});

export const saveConditionsAction = guardedCall({ ...organizer, schema: items }, ({ study, user, input }) => {
  replaceConditions({ studyId: study.id, actorId: user.id, items: input.items });
  refresh(study.id);
});

export const saveTemplateAction = guardedCall({ ...organizer, schema: items }, ({ study, user, input }) => {
  updateIdeaTemplate({ studyId: study.id, actorId: user.id, template: input.items });
  refresh(study.id);
});

const toTime = (v: unknown) => (typeof v === "string" && v !== "" ? Date.parse(`${v}T00:00:00Z`) : null);

export const savePhaseDatesAction = guardedAction(organizer, ({ study, user, raw }) => {
  const form = raw as Record<string, unknown>;
  const dates = Object.fromEntries(
    STUDY_STATUSES.map((p) => [
      p,
      { opensAt: toTime(form[`${p}.opensAt`]), closesAt: toTime(form[`${p}.closesAt`]) },
    ]),
  );
  updatePhaseDates({ studyId: study.id, actorId: user.id, dates });
  refresh(study.id);
});

export const changePhaseAction = guardedAction(
  {
    ...organizer,
    schema: z.object({
      to: z.enum(STUDY_STATUSES),
      reason: z.string().trim().max(500).optional(),
      confirmed: z.literal("yes").optional(),
    }),
  },
  ({ study, user, input }) => {
    advancePhase({
      studyId: study.id,
      actorId: user.id,
      to: input.to,
      reason: input.reason,
      confirmed: input.confirmed === "yes",
    });
    refresh(study.id);
  },
);

// Archiving and deleting: the guard lets these through on an archived study; the query checks that
// the caller is an admin or the study's creator.
const owner = { study: { roles: ["organizer"] as const, allowArchived: true } };

export const setArchivedAction = guardedAction(
  { ...owner, schema: z.object({ archived: z.enum(["yes", "no"]) }) },
  ({ study, user, input }) => {
    setStudyArchived({ studyId: study.id, actor: user, archived: input.archived === "yes" });
    refresh(study.id);
    revalidatePath("/");
  },
);

const remove = guardedAction(owner, ({ study, user, raw }) =>
  deleteStudy({
    studyId: study.id,
    actor: user,
    confirmTitle: (raw as Record<string, unknown>).confirmTitle,
  }),
);

export async function deleteStudyAction(prev: unknown, formData: FormData) {
  const result = await remove(prev, formData);
  if (result.ok) {
    revalidatePath("/");
    redirect(`/?deleted=${encodeURIComponent(result.data.title)}`);
  }
  return result;
}
