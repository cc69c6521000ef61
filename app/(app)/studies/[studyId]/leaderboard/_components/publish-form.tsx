"use client";

import { ActionForm } from "@/components/action-form";
import { publishLeaderboardAction } from "../actions";

export function PublishLeaderboardForm({
  studyId,
  matchCount,
  prior,
}: {
  studyId: string;
  matchCount: number;
  prior: number;
}) {
  return (
    <ActionForm
      action={publishLeaderboardAction}
      submitLabel="Publish this leaderboard"
      pendingLabel="Publishing…"
      testId="publish-leaderboard"
      confirm="Publish the leaderboard? Every member of the study will be able to see it and download its files, including matches.csv, which links idea codes to conditions."
      success={(d) => (
        <p className="text-sm" data-testid="publish-done">
          Published a snapshot of {d.matchCount} matches.
        </p>
      )}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="prior" value={String(prior)} />
      <p className="text-sm">
        Stores the current {matchCount} matches (all judges, weak prior {prior === 0 ? "none" : prior}), the
        parameters and every file below as a snapshot that never changes. Members of the study then see the
        latest snapshot here. Publishing again later adds a new snapshot; earlier ones stay listed.
      </p>
    </ActionForm>
  );
}
