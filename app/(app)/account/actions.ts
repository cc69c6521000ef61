"use server";

import { z } from "zod";
import { updateAccountProfile } from "@/db/queries/account-profile";
import { changePassword, changePasswordSchema } from "@/server/auth/accounts";
import { signIn } from "@/server/auth/auth";
import { guardedAction } from "@/server/auth/guarded-handlers";

const change = guardedAction({ schema: changePasswordSchema }, ({ user, input }) =>
  changePassword({ userId: user.id, input }),
);

/** Other sessions of the account end; this one is renewed with the new password. */
export async function changePasswordAction(prev: unknown, formData: FormData) {
  const result = await change(prev, formData);
  if (!result.ok) return result;
  await signIn("credentials", {
    email: result.data.email,
    password: String(formData.get("newPassword")),
    redirectTo: "/account?changed=1",
  });
  return result;
}

/** Name and institution; the query names the field of a bad value. */
export const updateProfileAction = guardedAction(
  { schema: z.object({ name: z.string().optional(), institution: z.string().optional() }) },
  ({ user, input }) => {
    updateAccountProfile({ userId: user.id, name: input.name, institution: input.institution });
  },
);
