"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { plural } from "@/lib/format";
import { uuidSchema } from "@/lib/validation";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { scheduleArenaAfterIdeation } from "@/server/ideation/arena-after";

// "Arena after ideation" (organizers only; the button asks first): the arena takes the run's
// conditions and the human ideas' conditions on the run's topics, and the next round of pairs is
// scheduled exactly as the arena setup page does.

export const arenaAfterIdeationAction = guardedAction(
  { study: { roles: ["organizer"] as const }, schema: z.object({ runId: uuidSchema }) },
  ({ study, user, input }) => {
    const r = scheduleArenaAfterIdeation({ studyId: study.id, runId: input.runId, actorId: user.id });
    revalidatePath(`/studies/${study.id}/manage/arena`);
    revalidatePath(`/studies/${study.id}/arena`);
    return r.added === 0
      ? `The arena now compares ${r.conditionKeys.join(", ")}; nothing new to schedule (every available pair is scheduled).`
      : `The arena now compares ${r.conditionKeys.join(", ")}: scheduled ${plural(r.added, "pair")} (round ${r.round}) among ${plural(r.participants, "idea")}.`;
  },
);
