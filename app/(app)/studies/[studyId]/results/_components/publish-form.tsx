"use client";

import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import type { ResolvedParams } from "@/lib/stats";
import { publishResultsAction } from "../actions";

/**
 * Publishes the results for these parameters; the new snapshot's link appears on success. Says what
 * members will see, lets the organizer choose whether members get the per-review table, and needs an
 * explicit override while assignments are open (the server refuses without it).
 */
export function PublishForm({
  studyId,
  params,
  openAssignments,
  label = "Publish these results",
  testId = "publish-results",
}: {
  studyId: string;
  params: Pick<ResolvedParams, "baseline" | "correction" | "family">;
  /** Published assignments without a submitted review. */
  openAssignments: number;
  label?: string;
  testId?: string;
}) {
  return (
    <ActionForm
      action={publishResultsAction}
      submitLabel={label}
      pendingLabel="Publishing…"
      testId={testId}
      className="space-y-2"
      confirm="Publish these results? Every member of the study (writers, reviewers, judges) will see the significance tables, plots and summary files, which compare the conditions. The per-review table is included only if you ticked it."
      success={(data) => (
        <p className="text-sm">
          Published from {data.reviewCount} reviews.{" "}
          <Link href={`/studies/${studyId}/results?snapshot=${data.snapshotId}`}>View the snapshot</Link>
        </p>
      )}
    >
      <input type="hidden" name="studyId" value={studyId} />
      <input type="hidden" name="baseline" value={params.baseline} />
      <input type="hidden" name="correction" value={params.correction} />
      <input type="hidden" name="family" value={params.family} />
      <p className="text-sm">
        Members will see the tables, plots and summary downloads (significance, descriptives, agreement,
        topics, the R script). They compare conditions, so publish once reviewing is done.
      </p>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="shareReviewTable" value="yes" data-testid={`${testId}-share-reviews`} />
        <span>
          Also let members download <code>reviews.csv</code>, the per-review table (each idea&apos;s code and
          condition next to every score and rationale, so reviewers and judges can tell which idea they saw
          was which: share it only once reviewing and the arena are over).
        </span>
      </label>
      {openAssignments > 0 ? (
        <div
          className="rounded-md border border-amber-500 p-2 text-sm"
          data-testid={`${testId}-open-warning`}
        >
          <p>
            {openAssignments} assigned review{openAssignments === 1 ? " is" : "s are"} still open. A reviewer
            with a draft could read results computed without their review.
          </p>
          <label className="mt-1 flex items-start gap-2">
            <input type="checkbox" name="allowOpen" value="yes" data-testid={`${testId}-allow-open`} />
            <span>Publish anyway, without the open reviews.</span>
          </label>
        </div>
      ) : null}
    </ActionForm>
  );
}
