"use server";

import { type ActionResult, isAppError, toActionError } from "@/lib/errors";
import { setupFirstAdmin } from "@/server/auth/accounts";
import { signIn } from "@/server/auth/auth";
import { formDataToObject } from "@/server/auth/guarded-handlers";

export async function setupAction(_prev: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const input = formDataToObject(formData);
  try {
    await setupFirstAdmin({ input });
  } catch (e) {
    if (isAppError(e)) return toActionError(e);
    throw e;
  }
  await signIn("credentials", { email: input.email, password: input.password, redirectTo: "/" });
  return { ok: true, data: undefined };
}
