import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { SOURCE_LABELS } from "@/lib/literature/search-params";
import type { PaperSummary } from "@/lib/literature/types";

/** Papers with year, venue and citations; titles link to the paper page. */
export function PaperTable({
  studyId,
  papers,
  testId,
}: {
  studyId: string;
  papers: PaperSummary[];
  testId: string;
}) {
  return (
    <DataTable
      testId={testId}
      columns={["Title", "Year", "Venue", { label: "Citations", align: "right" }, "Source"]}
    >
      {papers.map((p) => (
        <tr key={p.id} className="border-t border-[var(--border)]" data-testid="paper-row">
          <td className="py-2 pr-3">
            <Link href={`/studies/${studyId}/literature/papers/${p.id}`}>{p.title}</Link>
          </td>
          <td className="py-2 pr-3">{p.date ?? p.year ?? "n.d."}</td>
          <td className="py-2 pr-3">{p.venue ?? "—"}</td>
          <td className="py-2 pr-3 text-right">{p.citationCount ?? "—"}</td>
          <td className="py-2 pr-3">
            {SOURCE_LABELS[p.source]}
            {p.studyId ? "" : " · instance"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
