import { buildPaperTable, type PaperRow, type ReviewAnalysis } from "@/lib/stats";

// The paper-style summary: per unit, one row per metric (and compared condition) with each group's
// mean ± SD (n), Δ [95% CI], the effect size and the adjusted p with its stars — the same model as
// significance.tex and significance.md. Exact values are one hover away.

const exact = (label: string, value: number | null) => (value === null ? undefined : `${label} = ${value}`);

function Row({ row, first, span }: { row: PaperRow; first: boolean; span: number }) {
  const s = row.source;
  return (
    <tr
      className="border-t border-[var(--border)]"
      data-testid="summary-row"
      data-unit={s.unit}
      data-metric={row.metric}
      data-condition={row.condition}
    >
      {first ? (
        <th scope="rowgroup" rowSpan={span} className="py-1 pr-3 text-left align-top font-medium">
          {row.metric}
        </th>
      ) : null}
      <td className="py-1 pr-3">{row.condition}</td>
      <td className="py-1 pr-3 text-right tabular-nums" title={exact("mean", s.meanCondition)}>
        {row.conditionCell}
      </td>
      <td className="py-1 pr-3 text-right tabular-nums" title={exact("mean", s.meanBaseline)}>
        {row.baselineCell}
      </td>
      <td className="py-1 pr-3 text-right tabular-nums" title={exact("Δ", s.meanDiff)}>
        {row.diffCell || "—"}
      </td>
      <td className="py-1 pr-3 text-right tabular-nums" title={exact("effect", s.effectSize)}>
        {row.effectCell || "—"}
      </td>
      <td
        className="whitespace-nowrap py-1 pr-1 text-right tabular-nums"
        data-testid="summary-p"
        title={s.pAdjusted === null ? row.note : `p_adj = ${s.pAdjusted} (raw p = ${s.pValue})`}
      >
        {row.pCell || "—"}
      </td>
      <td className="w-8 py-1 font-semibold" data-testid="summary-stars">
        {row.stars}
      </td>
    </tr>
  );
}

export function SummaryTable({ analysis }: { analysis: ReviewAnalysis }) {
  const units = buildPaperTable(analysis);
  const { baseline } = analysis.params;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="summary-table">
        <thead className="text-xs text-[var(--foreground-soft)]">
          <tr>
            <th scope="col" className="py-1 pr-3 text-left">
              Metric
            </th>
            <th scope="col" className="py-1 pr-3 text-left">
              Condition
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Mean ± SD (n)
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              {baseline} (baseline)
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Δ [95% CI]
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Effect
            </th>
            <th scope="col" colSpan={2} className="py-1 pr-3 text-right">
              p<sub>adj</sub>
            </th>
          </tr>
        </thead>
        {units.map((unit) => (
          <tbody key={unit.unit} data-testid={`summary-${unit.unit}`}>
            <tr>
              <th
                colSpan={8}
                scope="colgroup"
                className="pt-3 pb-1 text-left text-xs font-semibold uppercase"
              >
                {unit.title}{" "}
                <span className="font-normal normal-case text-[var(--foreground-soft)]">
                  — {unit.test}; effect {unit.effect}
                </span>
              </th>
            </tr>
            {unit.skipped !== null ? (
              <tr className="border-t border-[var(--border)]">
                <td colSpan={8} className="py-1 text-xs" data-testid="summary-skipped">
                  Not tested: {unit.skipped.replace(/^skipped: /, "")}.
                </td>
              </tr>
            ) : (
              unit.rows.map((row, i) => {
                const first = i === 0 || unit.rows[i - 1]?.metric !== row.metric;
                const span = unit.rows.filter((r) => r.metric === row.metric).length;
                return (
                  <Row key={`${row.metric}\u0000${row.condition}`} row={row} first={first} span={span} />
                );
              })
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}
