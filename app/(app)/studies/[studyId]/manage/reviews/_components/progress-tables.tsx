import { DataTable } from "@/components/ui/data-table";
import type { ReviewDashboard } from "@/db/queries/reviews-organizer";

const num = (label: string) => ({ label, align: "right" as const });
const cell = "py-1 pr-3";
const right = `${cell} text-right tabular-nums`;

export function ReviewerProgressTable({ rows }: { rows: ReviewDashboard["perReviewer"] }) {
  return (
    <DataTable
      testId="progress-reviewers"
      columns={[
        "Reviewer",
        num("Assigned"),
        num("Not started"),
        num("Draft"),
        num("Submitted"),
        num("Overdue"),
        num("Flagged"),
      ]}
    >
      {rows.map((r) => (
        <tr key={r.id} className="border-t border-[var(--border)]">
          <td className={cell}>{r.name}</td>
          <td className={right}>{r.assigned}</td>
          <td className={right}>{r.notStarted}</td>
          <td className={right}>{r.draft}</td>
          <td className={right}>{r.submitted}</td>
          <td className={`${right} ${r.overdue > 0 ? "font-medium text-red-700 dark:text-red-400" : ""}`}>
            {r.overdue}
          </td>
          <td className={right}>{r.flagged}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function IdeaProgressTable({ rows }: { rows: ReviewDashboard["perIdea"] }) {
  return (
    <DataTable
      testId="progress-ideas"
      columns={[
        "Code",
        "Topic",
        "Condition",
        num("Assigned"),
        num("Draft"),
        num("Submitted"),
        num("Overdue"),
      ]}
    >
      {rows.map((i) => (
        <tr key={i.code} className="border-t border-[var(--border)]">
          <td className={`${cell} font-mono text-xs`}>{i.code}</td>
          <td className={cell}>{i.topic}</td>
          <td className={cell}>{i.condition}</td>
          <td className={right}>{i.assigned}</td>
          <td className={right}>{i.draft}</td>
          <td className={right}>{i.submitted}</td>
          <td className={`${right} ${i.overdue > 0 ? "font-medium text-red-700 dark:text-red-400" : ""}`}>
            {i.overdue}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
