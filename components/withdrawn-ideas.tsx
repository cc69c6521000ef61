import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";

export type WithdrawnIdeaRow = {
  ideaId: string;
  code: string;
  title: string;
  withdrawnAt: number;
  phase: string;
  assignmentsReleased: number;
  reviewsKept: number;
  arenaPairs: number;
};

const utc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The organizer's trail of ideas their authors withdrew: when, and what it released. */
export function WithdrawnIdeas({
  rows,
  focus,
}: {
  rows: WithdrawnIdeaRow[];
  focus: "assignments" | "arena";
}) {
  if (rows.length === 0) return null;
  return (
    <Card data-testid="withdrawn-ideas">
      <CardTitle>Withdrawn by their authors ({rows.length})</CardTitle>
      <p className="mb-2 text-sm">
        {focus === "assignments"
          ? "These ideas no longer get reviews: their open assignments were cancelled; submitted reviews are kept. Use “Assign remaining” only if other ideas need the reviewers."
          : "These ideas take no further part in the arena: their pairs are no longer shown to judges or the LLM judge. Votes cast before the withdrawal are kept."}
      </p>
      <DataTable
        columns={[
          "Idea",
          "Title",
          "Withdrawn",
          "During",
          "Assignments cancelled",
          "Reviews kept",
          "Arena pairs",
        ]}
      >
        {rows.map((r) => (
          <tr
            key={`${r.ideaId}-${r.withdrawnAt}`}
            className="border-t border-[var(--border)]"
            data-testid="withdrawn-row"
          >
            <td className="py-1 pr-3 font-mono text-xs">{r.code}</td>
            <td className="py-1 pr-3">{r.title || "(untitled)"}</td>
            <td className="py-1 pr-3">{utc(r.withdrawnAt)}</td>
            <td className="py-1 pr-3">{r.phase}</td>
            <td className="py-1 pr-3">{r.assignmentsReleased}</td>
            <td className="py-1 pr-3">{r.reviewsKept}</td>
            <td className="py-1 pr-3">{r.arenaPairs}</td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}
