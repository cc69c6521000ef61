import { DataTable } from "@/components/ui/data-table";
import type { SignificanceRow, TopicSignificanceRow } from "@/lib/stats";
import { NumCell } from "./format";

// The spec's significance.csv columns plus each group's SE, min and max (which the spec asks every
// row to report but significance.csv's fixed header leaves out), numbers rounded with the exact
// value on hover.

type NumberKey = {
  [K in keyof SignificanceRow]: SignificanceRow[K] extends number | null ? K : never;
}[keyof SignificanceRow];

const LEADING = ["unit", "metric", "condition", "baseline"] as const;
const NUMBERS: [string, NumberKey][] = [
  ["n_condition", "nCondition"],
  ["mean_condition", "meanCondition"],
  ["median_condition", "medianCondition"],
  ["sd_condition", "sdCondition"],
  ["se_condition", "seCondition"],
  ["min_condition", "minCondition"],
  ["max_condition", "maxCondition"],
  ["n_baseline", "nBaseline"],
  ["mean_baseline", "meanBaseline"],
  ["median_baseline", "medianBaseline"],
  ["sd_baseline", "sdBaseline"],
  ["se_baseline", "seBaseline"],
  ["min_baseline", "minBaseline"],
  ["max_baseline", "maxBaseline"],
  ["mean_diff", "meanDiff"],
  ["ci_low", "ciLow"],
  ["ci_high", "ciHigh"],
  ["t", "t"],
  ["df", "df"],
  ["p_value", "pValue"],
  ["p_adjusted", "pAdjusted"],
];
const EFFECTS: [string, NumberKey][] = [
  ["effect_size", "effectSize"],
  ["effect_ci_low", "effectCiLow"],
  ["effect_ci_high", "effectCiHigh"],
  ["robust_p", "robustP"],
];

const right = (label: string) => ({ label, align: "right" as const });

function Row({ row, topic }: { row: SignificanceRow; topic?: string }) {
  return (
    <tr
      className="border-t border-[var(--border)]"
      data-testid="significance-row"
      data-metric={row.metric}
      data-condition={row.condition}
    >
      {topic === undefined ? null : <td className="py-1 pr-3">{topic}</td>}
      {LEADING.map((key) => (
        <td key={key} className="py-1 pr-3">
          {row[key]}
        </td>
      ))}
      {NUMBERS.map(([, key]) => (
        <NumCell key={key} value={row[key]} />
      ))}
      <td className="py-1 pr-3">{row.correction}</td>
      <td className="py-1 pr-3 font-semibold" data-testid="stars">
        {row.stars}
      </td>
      {EFFECTS.map(([, key]) => (
        <NumCell key={key} value={row[key]} />
      ))}
      <td className="min-w-48 py-1 pr-3 text-xs">{row.note}</td>
    </tr>
  );
}

const COLUMNS = [
  ...LEADING,
  ...NUMBERS.map(([label]) => right(label)),
  "correction",
  "stars",
  ...EFFECTS.map(([label]) => right(label)),
  "note",
];

export function SignificanceTable({ rows, testId }: { rows: SignificanceRow[]; testId: string }) {
  return (
    <DataTable testId={testId} columns={COLUMNS} className="text-xs">
      {rows.map((row) => (
        <Row key={`${row.metric}\u0000${row.condition}`} row={row} />
      ))}
    </DataTable>
  );
}

/** The per-topic breakdown (test 1 within each topic, corrected across topics): topics.csv. */
export function TopicSignificanceTable({ rows }: { rows: TopicSignificanceRow[] }) {
  return (
    <DataTable testId="significance-topics" columns={["topic", ...COLUMNS]} className="text-xs">
      {rows.map((row) => (
        <Row key={`${row.topic}\u0000${row.metric}\u0000${row.condition}`} row={row} topic={row.topic} />
      ))}
    </DataTable>
  );
}
