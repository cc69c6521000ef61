"use server";

import { revalidatePath } from "next/cache";
import { guardedAction } from "@/server/auth/guarded-handlers";
import { startLlmJudging } from "@/server/jobs/arena-judge";

export const startLlmJudgingAction = guardedAction(
  { study: { roles: ["organizer"] } },
  async ({ study, user }) => {
    const job = await startLlmJudging({ studyId: study.id, actorId: user.id });
    revalidatePath(`/studies/${study.id}/manage/arena/llm`);
    return { jobId: job.id };
  },
);
