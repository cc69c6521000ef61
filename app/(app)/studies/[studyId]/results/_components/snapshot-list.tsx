import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { ResultSnapshotSummary } from "@/db/queries/results";
import { formatUtcDateTime } from "@/lib/format";
import { CORRECTION_NAMES } from "./summary-lines";

/** Every published snapshot, newest first, so a table cited in a paper can be found again. */
export function SnapshotList({
  studyId,
  snapshots,
  current,
}: {
  studyId: string;
  snapshots: ResultSnapshotSummary[];
  current?: string;
}) {
  if (snapshots.length === 0) {
    return (
      <p className="text-sm" data-testid="snapshot-list">
        Nothing is published yet. Members other than organizers see this page once you publish.
      </p>
    );
  }
  return (
    <DataTable
      testId="snapshot-list"
      columns={[
        "Published",
        "Baseline",
        "Correction",
        "Family",
        { label: "Reviews", align: "right" },
        "By",
        "",
      ]}
    >
      {snapshots.map((s, i) => (
        <tr key={s.id} className="border-t border-[var(--border)]" data-testid="snapshot-row">
          <td className="py-1 pr-3 whitespace-nowrap">
            {formatUtcDateTime(s.createdAt)}
            {i === 0 ? <span className="ml-2 text-xs text-[var(--foreground-soft)]">(latest)</span> : null}
          </td>
          <td className="py-1 pr-3">{s.params.baseline}</td>
          <td className="py-1 pr-3">{CORRECTION_NAMES[s.params.correction] ?? s.params.correction}</td>
          <td className="py-1 pr-3">{s.params.family}</td>
          <td className="py-1 pr-3 text-right tabular-nums">{s.reviewCount}</td>
          <td className="py-1 pr-3">{s.publishedByName ?? "—"}</td>
          <td className="py-1 pr-3">
            {s.id === current ? (
              <span aria-current="page">Viewing</span>
            ) : (
              <Link href={`/studies/${studyId}/results?snapshot=${s.id}`} data-testid="snapshot-view">
                View
              </Link>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
