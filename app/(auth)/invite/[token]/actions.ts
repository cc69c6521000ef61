"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { formDataToObject } from "@/lib/auth/guarded";
import { redeemInvitation } from "@/lib/auth/invitations";
import { getSessionUser } from "@/lib/auth/session";
import { type ActionResult, isAppError, toActionError } from "@/lib/errors";

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
