"use server";

import { setupFirstAdmin } from "@/lib/auth/accounts";
import { signIn } from "@/lib/auth/auth";
import { formDataToObject } from "@/lib/auth/guarded";
import { type ActionResult, isAppError, toActionError } from "@/lib/errors";

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
