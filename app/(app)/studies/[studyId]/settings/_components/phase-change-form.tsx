"use client";

import { ActionForm, Field } from "@/components/action-form";
import type { PhaseChangeImpact } from "@/lib/studies/phase-change";
import type { StudyStatus } from "@/lib/studies/types";
import { changePhaseAction } from "../actions";

/**
 * Moves the study to `to`. It lists, before anything happens, the open work the change ends and the
 * planned dates it overrides; where there is any, the organizer must tick the confirmation (the
 * server refuses the change without it).
 */
export function PhaseChangeForm({
  studyId,
  to,
  label,
  needsReason,
  impact,
}: {
  studyId: string;
  to: StudyStatus;
  label: string;
  needsReason: boolean;
  impact: PhaseChangeImpact;
}) {
  const lines = [...impact.ends, ...impact.overrides];
  return (
    <ActionForm
      action={changePhaseAction}
      submitLabel={label}
      variant={needsReason ? "secondary" : "primary"}
      testId={`phase-${to}`}
      className="max-w-md space-y-3"
    >
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="to" value={to} />
      <div className="text-sm" data-testid={`phase-${to}-impact`}>
        {lines.length === 0 ? (
          <p className="text-[var(--foreground-soft)]">
            Moving to {to} ends no open work and overrides no planned date.
          </p>
        ) : (
          <>
            <p className="font-medium">Moving to {to}:</p>
            <ul className="ml-5 list-disc">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <label className="mt-2 flex items-start gap-2">
              <input type="checkbox" name="confirmed" value="yes" data-testid={`phase-${to}-confirm`} />
              <span>I understand; move to {to} anyway.</span>
            </label>
          </>
        )}
      </div>
      {needsReason ? <Field label="Reason for going back" name="reason" /> : null}
    </ActionForm>
  );
}
