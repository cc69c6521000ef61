import { DataTable } from "@/components/ui/data-table";
import type { AgreementRow, PositionBiasRow } from "@/lib/arena/types";
import { formatPercent } from "@/lib/format";

/**
 * Human–LLM agreement on (pair, criterion) items judged by both kinds, and position bias: the share
 * of non-tie verdicts that went to the idea shown left (50% means no bias), per judge kind.
 */
export function AgreementTable({
  agreement,
  positionBias,
}: {
  agreement: AgreementRow[];
  positionBias: PositionBiasRow[];
}) {
  const criteria = agreement.map((a) => a.criterion);
  const bias = (criterion: string, kind: "human" | "llm") =>
    positionBias.find((p) => p.criterion === criterion && p.judgeKind === kind);
  const biasCell = (row: PositionBiasRow | undefined) =>
    row ? `${formatPercent(row.rate)} of ${row.decisive}` : "–";
  return (
    <DataTable
      testId="agreement-table"
      columns={[
        "Criterion",
        { label: "Human–LLM agreement", align: "right" },
        { label: "Left wins (human)", align: "right" },
        { label: "Left wins (LLM)", align: "right" },
      ]}
    >
      {criteria.map((c) => {
        const a = agreement.find((x) => x.criterion === c)!;
        return (
          <tr key={c} className="border-t border-[var(--border)]" data-testid={`agreement-${c}`}>
            <td className="py-1 pr-3">{c === "all" ? "all criteria" : c}</td>
            <td className="py-1 pr-3 text-right tabular-nums">
              {a.pairs === 0 ? "no pair judged by both" : `${formatPercent(a.rate)} of ${a.pairs}`}
            </td>
            <td className="py-1 pr-3 text-right tabular-nums">{biasCell(bias(c, "human"))}</td>
            <td className="py-1 pr-3 text-right tabular-nums">{biasCell(bias(c, "llm"))}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
