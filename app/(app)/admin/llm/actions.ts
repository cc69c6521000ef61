"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteModelPrice, upsertModelPrice } from "@/db/queries/ai";
import { checkLlmConnection } from "@/server/ai/check-connection";
import { guardedAction } from "@/server/auth/guarded-handlers";

export const testConnectionAction = guardedAction({ admin: true }, async () => {
  const result = await checkLlmConnection();
  revalidatePath("/admin/llm");
  return result;
});

const toNumber = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? Number(v) : undefined);

// upsertModelPrice validates (and names the bad field); form values arrive as strings.
export const savePriceAction = guardedAction({ admin: true }, ({ raw }) => {
  const form = raw as Record<string, unknown>;
  const saved = upsertModelPrice({
    model: String(form.model ?? ""),
    inputPerMTokUsd: toNumber(form.inputPerMTokUsd) as number,
    outputPerMTokUsd: toNumber(form.outputPerMTokUsd) as number,
  });
  revalidatePath("/admin/llm");
  return saved;
});

export const deletePriceAction = guardedAction(
  { admin: true, schema: z.object({ model: z.string().min(1) }) },
  ({ input }) => {
    deleteModelPrice({ model: input.model });
    revalidatePath("/admin/llm");
  },
);
