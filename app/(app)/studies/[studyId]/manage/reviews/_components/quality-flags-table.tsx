import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { ReviewDashboard } from "@/db/queries/reviews-organizer";
import { QUALITY_FLAG_LABELS } from "@/lib/reviews/quality";

/** Seconds as "4 min 05 s" (or "45 s"): active time is short by nature. */
export function formatActiveTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

export function QualityFlagsTable({
  studyId,
  rows,
  minActiveSeconds,
}: {
  studyId: string;
  rows: ReviewDashboard["flagged"];
  minActiveSeconds: number;
}) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-[var(--foreground-soft)]">
        Signs that a submitted review may have been rushed, for you to look at; nothing is refused. “Little
        active time” means under {formatActiveTime(minActiveSeconds)} with the review page in front of the
        reviewer (the study&apos;s review settings set this threshold).
      </p>
      {rows.length === 0 ? (
        <p className="text-sm" data-testid="quality-flags">
          No submitted review is flagged.
        </p>
      ) : (
        <DataTable
          testId="quality-flags"
          columns={["Reviewer", "Idea", "Flags", { label: "Active time", align: "right" }]}
        >
          {rows.map((f, i) => (
            <tr
              key={`${f.reviewerName}-${f.ideaCode}-${i.toString()}`}
              className="border-t border-[var(--border)] align-top"
            >
              <td className="py-1 pr-3">{f.reviewerName}</td>
              <td className="py-1 pr-3 font-mono text-xs">
                <Link href={`/studies/${studyId}/manage/ideas/${f.ideaId}`}>{f.ideaCode}</Link>
              </td>
              <td className="py-1 pr-3">
                <ul className="list-disc pl-4">
                  {f.flags.map((flag) => (
                    <li key={flag}>
                      <Link href={`/studies/${studyId}/manage/reviews/${f.reviewId}`}>
                        {QUALITY_FLAG_LABELS[flag]}
                      </Link>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-1 pr-3 text-right tabular-nums">{formatActiveTime(f.activeSeconds)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
