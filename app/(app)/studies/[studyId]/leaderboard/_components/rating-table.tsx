import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import type { RatingRow } from "@/lib/arena/types";
import { formatFixed } from "@/lib/format";

const fmt = (n: number | null) => formatFixed(n, 1);

/**
 * One level's leaderboard for one criterion: CI-aware rank, online Elo, Bradley–Terry with its 95%
 * CI, and the counts. `conditionOf` adds each idea's condition (organizers only).
 */
export function RatingTable({
  rows,
  playerLabel,
  conditionOf,
  testId,
  summed = false,
}: {
  rows: RatingRow[];
  playerLabel: string;
  conditionOf?: Map<string, string>;
  testId: string;
  /** W/T/L summed over criteria (the average view). */
  summed?: boolean;
}) {
  const right = (label: string) => ({ label, align: "right" as const });
  return (
    <DataTable
      testId={testId}
      columns={[
        right("Rank"),
        playerLabel,
        ...(conditionOf ? ["Condition"] : []),
        right("Elo"),
        right("BT"),
        right("95% CI"),
        right("Matches"),
        right(summed ? "W*" : "W"),
        right(summed ? "T*" : "T"),
        right(summed ? "L*" : "L"),
        "",
      ]}
    >
      {rows.map((r) => (
        <tr key={r.player} className="border-t border-[var(--border)]" data-testid={`rating-${r.player}`}>
          <td className="py-1 pr-3 text-right">{r.rank ?? "–"}</td>
          <td className="py-1 pr-3 font-mono text-xs">{r.player}</td>
          {conditionOf ? <td className="py-1 pr-3">{conditionOf.get(r.player) ?? ""}</td> : null}
          <td className="py-1 pr-3 text-right tabular-nums">{fmt(r.elo)}</td>
          <td className="py-1 pr-3 text-right tabular-nums">{fmt(r.bt)}</td>
          <td className="whitespace-nowrap py-1 pr-3 text-right tabular-nums">
            {r.btCiLow === null ? "–" : `${fmt(r.btCiLow)} – ${fmt(r.btCiHigh)}`}
          </td>
          <td className="py-1 pr-3 text-right tabular-nums">{r.matches}</td>
          <td className="py-1 pr-3 text-right tabular-nums">{r.wins ?? "–"}</td>
          <td className="py-1 pr-3 text-right tabular-nums">{r.ties ?? "–"}</td>
          <td className="py-1 pr-3 text-right tabular-nums">{r.losses ?? "–"}</td>
          <td className="whitespace-nowrap py-1 pr-1">
            {r.provisional ? <Badge tone="demo">provisional</Badge> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
