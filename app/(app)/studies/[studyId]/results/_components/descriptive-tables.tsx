import { DataTable } from "@/components/ui/data-table";
import type { AgreementRow, DescriptiveRow } from "@/lib/stats";
import { NumCell } from "./format";

const right = (label: string) => ({ label, align: "right" as const });

/** Per condition × metric at the review level, with missing scores counted: descriptives.csv. */
export function DescriptivesTable({ rows }: { rows: DescriptiveRow[] }) {
  return (
    <DataTable
      testId="descriptives-table"
      className="text-xs"
      columns={[
        "condition",
        "metric",
        ...["n", "mean", "median", "sd", "se", "min", "max", "missing"].map(right),
      ]}
    >
      {rows.map((r) => (
        <tr key={`${r.condition}\u0000${r.metric}`} className="border-t border-[var(--border)]">
          <td className="py-1 pr-3">{r.condition}</td>
          <td className="py-1 pr-3">{r.metric}</td>
          {[r.n, r.mean, r.median, r.sd, r.se, r.min, r.max, r.missing].map((v, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
            <NumCell key={i} value={v} />
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

/** Krippendorff's alpha (interval) per metric over ideas with two or more scores: agreement.csv. */
export function AgreementTable({ rows }: { rows: AgreementRow[] }) {
  return (
    <DataTable
      testId="agreement-table"
      className="text-xs"
      columns={["metric", right("alpha"), right("ideas"), right("reviews"), "note"]}
    >
      {rows.map((r) => (
        <tr key={r.metric} className="border-t border-[var(--border)]">
          <td className="py-1 pr-3">{r.metric}</td>
          <NumCell value={r.alpha} />
          <NumCell value={r.ideas} />
          <NumCell value={r.reviews} />
          <td className="py-1 pr-3">{r.note}</td>
        </tr>
      ))}
    </DataTable>
  );
}
