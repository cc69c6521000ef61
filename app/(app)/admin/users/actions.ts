"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { endAllSessions, setAccountDisabled } from "@/db/queries/sessions";
import { setUserFlags } from "@/db/queries/users";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";

const flag = z.enum(["true", "false"]).transform((v) => v === "true");

export const setUserFlagsAction = guardedAction(
  {
    admin: true,
    schema: z.object({ userId: uuidSchema, isAdmin: flag.optional(), canCreateStudies: flag.optional() }),
  },
  ({ input }) => {
    setUserFlags(input);
    revalidatePath("/admin/users");
  },
);

/** Signs the user out everywhere: every session cookie of theirs stops working at once. */
export const endSessionsAction = guardedAction(
  { admin: true, schema: z.object({ userId: uuidSchema }) },
  ({ input }) => {
    const n = endAllSessions({ userId: input.userId });
    revalidatePath("/admin/users");
    return `Ended ${n} session${n === 1 ? "" : "s"}.`;
  },
);

/** Disables an account (no sign-in, sessions ended) or enables it again. */
export const setDisabledAction = guardedAction(
  { admin: true, schema: z.object({ userId: uuidSchema, disabled: flag }) },
  ({ user, input }) => {
    setAccountDisabled({ userId: input.userId, actorId: user.id, disabled: input.disabled });
    revalidatePath("/admin/users");
  },
);
