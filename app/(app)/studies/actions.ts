"use server";

import { redirect } from "next/navigation";
import { createStudy } from "@/db/queries/studies";
import { createStudySchema } from "@/lib/studies/schemas";
import { guardedAction } from "@/server/auth/guarded-handlers";

const create = guardedAction({ studyCreator: true, schema: createStudySchema }, ({ user, input }) =>
  createStudy({ title: input.title, description: input.description, createdBy: user.id }),
);

export async function createStudyAction(prev: unknown, formData: FormData) {
  const result = await create(prev, formData);
  if (result.ok) redirect(`/studies/${result.data.id}`);
  return result;
}
