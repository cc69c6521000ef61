import "server-only";
import { getArenaConfig, updateArenaConfig } from "@/db/queries/arena-config";
import { type ScheduleResult, scheduleArenaPairs } from "@/db/queries/arena-schedule";
import { listHumanConditionKeys } from "@/db/queries/ideation-compare";
import { getIdeationRun } from "@/db/queries/ideation-runs";

// "Arena after ideation": point the Idea Arena at a run's conditions plus the conditions holding the
// study's human ideas, on the run's topics, and schedule the next round of pairs in the arena's mode
// (db/queries/arena-schedule.ts, the same path as the arena setup page). Organizers only; the page
// asks first, naming exactly the conditions and topics (arenaAfterIdeationPlan).

export type ArenaAfterPlan = { conditionKeys: string[]; topicIds: string[] };

export function arenaAfterIdeationPlan({
  studyId,
  runId,
}: {
  studyId: string;
  runId: string;
}): ArenaAfterPlan {
  const run = getIdeationRun({ studyId, runId });
  const conditionKeys = [
    ...new Set([...run.agents.map((a) => a.conditionKey), ...listHumanConditionKeys({ studyId })]),
  ];
  return { conditionKeys, topicIds: run.topics.map((t) => t.topicId) };
}

/** Sets the arena's conditions and topics from the run and schedules pairs; restores them if that fails. */
export function scheduleArenaAfterIdeation({
  studyId,
  runId,
  actorId,
}: {
  studyId: string;
  runId: string;
  actorId: string;
}): ScheduleResult & ArenaAfterPlan {
  const plan = arenaAfterIdeationPlan({ studyId, runId });
  const before = getArenaConfig({ studyId });
  updateArenaConfig({ studyId, actorId, patch: plan });
  try {
    return { ...scheduleArenaPairs({ studyId, actorId }), ...plan };
  } catch (e) {
    updateArenaConfig({
      studyId,
      actorId,
      patch: { conditionKeys: before.conditionKeys, topicIds: before.topicIds },
    });
    throw e;
  }
}
