import { DataTable } from "@/components/ui/data-table";
import type { ReviewDashboard } from "@/db/queries/reviews-organizer";

/** The chart's numbers as text: what a screen reader, a copy-paste or a paper needs. */
export function CompletionTable({
  rows,
  assigned,
}: {
  rows: ReviewDashboard["completion"];
  assigned: number;
}) {
  return (
    <DataTable
      testId="completion-table"
      columns={[
        "Day (UTC)",
        { label: "Submitted (cumulative)", align: "right" },
        { label: "Of assigned", align: "right" },
      ]}
    >
      {rows.map((r) => (
        <tr key={r.day} className="border-t border-[var(--border)]">
          <td className="py-1 pr-3 font-mono text-xs">{r.day}</td>
          <td className="py-1 pr-3 text-right tabular-nums">{r.submitted}</td>
          <td className="py-1 pr-3 text-right tabular-nums">
            {assigned > 0 ? `${Math.round((100 * r.submitted) / assigned)}%` : "—"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
