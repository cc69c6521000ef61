"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { updateAccountProfile } from "@/db/queries/account-profile";
import { createDraftIdea, saveIdeaDraft, submitIdea, withdrawIdea } from "@/db/queries/ideas";
import { recordConsent } from "@/db/queries/study-setup";
import { uuidSchema } from "@/lib/validation";
import { guardedAction, guardedCall } from "@/server/auth/guarded-handlers";

// Every writer action needs consent, as the pages do: the idea page sends a writer without it back to the form.
const writer = { study: { roles: ["writer"] as const, consent: true } };

export const acceptConsentAction = guardedAction(
  {
    study: { roles: "member" },
    schema: z.object({ returnTo: z.string().max(300).optional(), institution: z.string().optional() }),
  },
  ({ study, user, input }) => {
    // Saved first: a bad institution is refused (naming the field) before consent is recorded.
    if (input.institution !== undefined)
      updateAccountProfile({ userId: user.id, institution: input.institution });
    recordConsent({ studyId: study.id, userId: user.id });
    // Back to the page that asked, but only within this study (no open redirect).
    const home = `/studies/${study.id}`;
    const back = input.returnTo ?? "";
    // The asking page is usually the current one: render it afresh, without the consent form.
    revalidatePath(home, "layout");
    redirect(back === home || back.startsWith(`${home}/`) ? back : home);
  },
);

const create = guardedAction(
  { ...writer, schema: z.object({ topicId: uuidSchema }) },
  ({ study, user, input }) => {
    return createDraftIdea({ studyId: study.id, authorId: user.id, topicId: input.topicId });
  },
);

export async function createIdeaAction(prev: unknown, formData: FormData) {
  const result = await create(prev, formData);
  if (result.ok) redirect(`/studies/${result.data.studyId}/ideas/${result.data.id}`);
  return result;
}

const saveSchema = z.object({
  ideaId: uuidSchema,
  expectedVersion: z.number().int().min(1),
  fields: z.record(z.string(), z.string()),
  /** Idempotency key of this save, the same on every retry until one is acknowledged. */
  saveId: uuidSchema.optional(),
});

export const saveIdeaAction = guardedCall({ ...writer, schema: saveSchema }, ({ study, user, input }) => {
  return saveIdeaDraft({
    studyId: study.id,
    ideaId: input.ideaId,
    authorId: user.id,
    expectedVersion: input.expectedVersion,
    fields: input.fields,
    saveId: input.saveId,
  });
});

export const submitIdeaAction = guardedCall(
  { ...writer, schema: saveSchema.extend({ attested: z.boolean().default(false) }) },
  ({ study, user, input }) => {
    return submitIdea({
      studyId: study.id,
      ideaId: input.ideaId,
      authorId: user.id,
      expectedVersion: input.expectedVersion,
      fields: input.fields,
      attested: input.attested,
    });
  },
);

export const withdrawIdeaAction = guardedCall(
  { ...writer, schema: z.object({ ideaId: uuidSchema }) },
  ({ study, user, input }) => {
    return withdrawIdea({ studyId: study.id, ideaId: input.ideaId, authorId: user.id });
  },
);
