"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
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
