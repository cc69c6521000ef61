"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateReviewForm, updateReviewSettings } from "@/db/queries/review-setup";
import { guardedAction, guardedCall } from "@/server/auth/guarded-handlers";

const organizer = { study: { roles: ["organizer"] as const } };
const refresh = (studyId: string) => revalidatePath(`/studies/${studyId}/manage/review-form`);

// The form itself is checked by updateReviewForm, which reports every problem at once by metric.
export const saveReviewFormAction = guardedCall(
  { ...organizer, schema: z.object({ form: z.unknown() }) },
  ({ study, user, input }) => {
    const form = updateReviewForm({ studyId: study.id, actorId: user.id, form: input.form });
    refresh(study.id);
    // The stored form, normalized (trimmed, anchors sorted), so the editor shows what was saved.
    return { form };
  },
);

export const saveReviewSettingsAction = guardedAction(organizer, ({ study, user, raw }) => {
  const form = raw as Record<string, unknown>;
  updateReviewSettings({
    studyId: study.id,
    actorId: user.id,
    settings: {
      maxTopicChoices: form.maxTopicChoices,
      loadMin: form.loadMin,
      loadMax: form.loadMax,
      attestationText: typeof form.attestationText === "string" ? form.attestationText : "",
      // An unticked checkbox is absent from FormData.
      showOtherReviewsAfterClose: form.showOtherReviewsAfterClose === "on",
      minActiveSeconds: form.minActiveSeconds,
    },
  });
  refresh(study.id);
});
