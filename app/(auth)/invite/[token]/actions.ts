"use server";

import { redirect } from "next/navigation";
import { type ActionResult, isAppError, toActionError } from "@/lib/errors";
import { signIn } from "@/server/auth/auth";
import { formDataToObject } from "@/server/auth/guarded-handlers";
import { redeemInvitation } from "@/server/auth/invitations";
import { getSessionUser } from "@/server/auth/session";

export async function acceptInvitationAction(
  _prev: unknown,
  formData: FormData,
): Promise<ActionResult<undefined>> {
  const input = formDataToObject(formData);
  const user = await getSessionUser();
  let result: Awaited<ReturnType<typeof redeemInvitation>>;
  try {
    result = await redeemInvitation({
      token: String(input.token ?? ""),
      studyId: typeof input.studyId === "string" && input.studyId !== "" ? input.studyId : null,
      user,
      newAccount: user ? undefined : input,
    });
  } catch (e) {
    if (isAppError(e)) return toActionError(e);
    throw e;
  }
  const target = result.studyId ? `/studies/${result.studyId}` : "/";
  if (!user)
    await signIn("credentials", { email: result.email, password: input.password, redirectTo: target });
  redirect(target);
}
