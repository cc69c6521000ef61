"use client";

import { ActionForm } from "@/components/action-form";
import { arenaAfterIdeationAction } from "../actions";

/** Schedules the run's ideas and the human ones into the Idea Arena, after saying exactly what changes. */
export function ArenaAfterButton({
  studyId,
  runId,
  conditionKeys,
  topicNames,
}: {
  studyId: string;
  runId: string;
  conditionKeys: string[];
  topicNames: string[];
}) {
  return (
    <ActionForm
      action={arenaAfterIdeationAction}
      submitLabel="Arena after ideation"
      variant="secondary"
      testId="arena-after-ideation"
      confirm={`Set the Idea Arena to compare the conditions ${conditionKeys.join(", ")} on the topics ${topicNames.join(", ")} (this replaces the arena's current choice of conditions and topics) and schedule the next round of pairs now? Judges see the new pairs at once. Ideas take part only once Normalization has decided their review text.`}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="runId" value={runId} />
    </ActionForm>
  );
}
