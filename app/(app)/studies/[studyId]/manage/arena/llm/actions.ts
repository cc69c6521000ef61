"use server";

import { revalidatePath } from "next/cache";
import { startLlmJudging } from "@/lib/arena-judge/job";
import { guardedAction } from "@/lib/auth/guarded";

export const startLlmJudgingAction = guardedAction(
  { study: { roles: ["organizer"] } },
  async ({ study, user }) => {
    const job = await startLlmJudging({ studyId: study!.id, actorId: user.id });
    revalidatePath(`/studies/${study!.id}/manage/arena/llm`);
    return { jobId: job.id };
  },
);
