import { DataTable } from "@/components/ui/data-table";
import type { ArenaPairRow } from "@/db/queries/arena-schedule";

const td = "py-1 pr-3";
const num = "py-1 pr-3 text-right tabular-nums";

/** Rows shown at most; a schedule of thousands of pairs is summarized above the table instead. */
export const SCHEDULE_ROWS_SHOWN = 500;

/** The scheduled pairs as the organizer sees them: codes, topics and conditions, and votes so far. */
export function ScheduleTable({ pairs }: { pairs: ArenaPairRow[] }) {
  const shown = pairs.slice(0, SCHEDULE_ROWS_SHOWN);
  return (
    <>
      <DataTable
        testId="arena-schedule"
        columns={[
          { label: "Pair", align: "right" },
          { label: "Round", align: "right" },
          "Idea A",
          "Idea B",
          "Topic",
          { label: "Human votes", align: "right" },
          { label: "Skips", align: "right" },
          { label: "LLM votes", align: "right" },
        ]}
      >
        {shown.map((p) => (
          <tr key={p.id} className="border-t border-[var(--border)]" data-testid="arena-pair-row">
            <td className={num}>{p.number}</td>
            <td className={num}>{p.round}</td>
            <td className={td}>
              <span className="font-mono">{p.a.code}</span>{" "}
              <span className="text-xs text-[var(--foreground-soft)]">{p.a.conditionKey}</span>
            </td>
            <td className={td}>
              <span className="font-mono">{p.b.code}</span>{" "}
              <span className="text-xs text-[var(--foreground-soft)]">{p.b.conditionKey}</span>
            </td>
            <td className={td}>{p.a.topic === p.b.topic ? p.a.topic : `${p.a.topic} / ${p.b.topic}`}</td>
            <td className={num}>{p.humanVotes}</td>
            <td className={num}>{p.skips}</td>
            <td className={num}>{p.llmVotes}</td>
          </tr>
        ))}
      </DataTable>
      {pairs.length > shown.length ? (
        <p className="mt-2 text-xs text-[var(--foreground-soft)]">
          Showing the first {shown.length} of {pairs.length} pairs.
        </p>
      ) : null}
    </>
  );
}
