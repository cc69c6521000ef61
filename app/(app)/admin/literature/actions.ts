"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { saveLiteratureSettings } from "@/db/queries/literature/settings";
import { REMOTE_SOURCES } from "@/lib/literature/types";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { testSourceConnection } from "@/server/literature/test-connection";

const secret = z.string().trim().max(200, "Use at most 200 characters.").optional();

// Empty key fields keep the saved key (keys are never sent back to the browser); "clear" removes it.
export const saveLiteratureSettingsAction = guardedAction(
  {
    admin: true,
    schema: z.object({
      s2ApiKey: secret,
      openalexApiKey: secret,
      openalexEmail: z.union([z.literal(""), z.email("Enter a valid email address.")]).optional(),
      offline: z.enum(["on"]).optional(),
      clearKeys: z.enum(["on"]).optional(),
    }),
  },
  ({ input }) => {
    saveLiteratureSettings({
      ...(input.clearKeys ? { s2ApiKey: null, openalexApiKey: null } : {}),
      ...(input.s2ApiKey ? { s2ApiKey: input.s2ApiKey } : {}),
      ...(input.openalexApiKey ? { openalexApiKey: input.openalexApiKey } : {}),
      openalexEmail: input.openalexEmail || null,
      offline: input.offline ? "true" : "false",
    });
    revalidatePath("/admin/literature");
  },
);

export const testSourceAction = guardedAction(
  { admin: true, schema: z.object({ source: z.enum(REMOTE_SOURCES) }) },
  ({ input }) => testSourceConnection(input.source),
);
