"use client";

import { ActionForm } from "@/components/action-form";
import { clearPairsAction, schedulePairsAction } from "../actions";

const ok = (m: unknown) => <p className="text-sm text-green-700 dark:text-green-400">{String(m)}</p>;

export function ScheduleForm({ studyId, label }: { studyId: string; label: string }) {
  return (
    <ActionForm
      action={schedulePairsAction}
      submitLabel={label}
      pendingLabel="Scheduling…"
      testId="schedule-pairs"
      success={ok}
    >
      <input type="hidden" name="studyId" value={studyId} />
    </ActionForm>
  );
}

export function ClearPairsForm({ studyId }: { studyId: string }) {
  return (
    <ActionForm
      action={clearPairsAction}
      submitLabel="Remove unjudged pairs"
      variant="secondary"
      testId="clear-pairs"
      success={ok}
      confirm="Remove every scheduled pair that nobody has judged or skipped yet? Judged pairs stay."
    >
      <input type="hidden" name="studyId" value={studyId} />
    </ActionForm>
  );
}
