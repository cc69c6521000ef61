"use client";

import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import type { ResolvedParams } from "@/lib/stats";
import { publishResultsAction } from "../actions";

/** Publishes the results for these parameters; the new snapshot's link appears on success. */
export function PublishForm({
  studyId,
  params,
  label = "Publish these results",
  testId = "publish-results",
}: {
  studyId: string;
  params: Pick<ResolvedParams, "baseline" | "correction" | "family">;
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
    </ActionForm>
  );
}
