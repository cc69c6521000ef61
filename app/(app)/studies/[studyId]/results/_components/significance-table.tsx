import type { SignificanceRow, TopicSignificanceRow } from "@/lib/stats";
import { NumCell } from "./format";

// Every column of significance.csv (and each group's SE, min and max), with readable headers (the
// CSV name on hover), the first columns sticky while the rest scroll, numbers rounded and
// right-aligned with the exact value on hover.

type NumberKey = {
  [K in keyof SignificanceRow]: SignificanceRow[K] extends number | null ? K : never;
}[keyof SignificanceRow];

/** [header, csv column, field]. */
const NUMBERS: [string, string, NumberKey][] = [
  ["n", "n_condition", "nCondition"],
  ["Mean", "mean_condition", "meanCondition"],
  ["Median", "median_condition", "medianCondition"],
  ["SD", "sd_condition", "sdCondition"],
  ["SE", "se_condition", "seCondition"],
  ["Min", "min_condition", "minCondition"],
  ["Max", "max_condition", "maxCondition"],
  ["Baseline n", "n_baseline", "nBaseline"],
  ["Baseline mean", "mean_baseline", "meanBaseline"],
  ["Baseline median", "median_baseline", "medianBaseline"],
  ["Baseline SD", "sd_baseline", "sdBaseline"],
  ["Baseline SE", "se_baseline", "seBaseline"],
  ["Baseline min", "min_baseline", "minBaseline"],
  ["Baseline max", "max_baseline", "maxBaseline"],
  ["Δ mean", "mean_diff", "meanDiff"],
  ["CI low", "ci_low", "ciLow"],
  ["CI high", "ci_high", "ciHigh"],
  ["t", "t", "t"],
  ["df", "df", "df"],
  ["p", "p_value", "pValue"],
  ["p adjusted", "p_adjusted", "pAdjusted"],
];
const EFFECTS: [string, string, NumberKey][] = [
  ["Effect size", "effect_size", "effectSize"],
  ["Effect CI low", "effect_ci_low", "effectCiLow"],
  ["Effect CI high", "effect_ci_high", "effectCiHigh"],
  ["Robust p", "robust_p", "robustP"],
];

const STICKY = "sticky z-10 bg-[var(--surface)]";

function Row({ row, topic }: { row: SignificanceRow; topic?: string }) {
  return (
    <tr
      className="border-t border-[var(--border)]"
      data-testid="significance-row"
      data-metric={row.metric}
      data-condition={row.condition}
    >
      {topic === undefined ? null : <td className="py-1 pr-3">{topic}</td>}
      <th
        scope="row"
        className={`${STICKY} left-0 w-28 min-w-28 max-w-28 break-words py-1 pr-3 text-left font-medium`}
      >
        {row.metric}
      </th>
      <td className={`${STICKY} left-28 min-w-24 py-1 pr-3`}>{row.condition}</td>
      <td className="py-1 pr-3">{row.baseline}</td>
      {NUMBERS.map(([, , key]) => (
        <NumCell key={key} value={row[key]} />
      ))}
      <td className="py-1 pr-3">{row.correction}</td>
      <td className="py-1 pr-3 font-semibold" data-testid="stars">
        {row.stars}
      </td>
      {EFFECTS.map(([, , key]) => (
        <NumCell key={key} value={row[key]} />
      ))}
      <td className="min-w-48 py-1 pr-3 text-xs">{row.note}</td>
    </tr>
  );
}

function Header({ topic }: { topic: boolean }) {
  const th = (label: string, csv: string, right = false, extra = "") => (
    <th
      key={csv}
      scope="col"
      title={csv}
      className={`py-1 pr-3 ${right ? "text-right" : "text-left"} ${extra}`}
    >
      {label}
    </th>
  );
  return (
    <thead className="text-xs text-[var(--foreground-soft)]">
      <tr>
        {topic ? th("Topic", "topic") : null}
        {th("Metric", "metric", false, `${STICKY} left-0`)}
        {th("Condition", "condition", false, `${STICKY} left-28`)}
        {th("Baseline", "baseline")}
        {NUMBERS.map(([label, csv]) => th(label, csv, true))}
        {th("Correction", "correction")}
        {th("Stars", "stars")}
        {EFFECTS.map(([label, csv]) => th(label, csv, true))}
        {th("Note", "note")}
      </tr>
    </thead>
  );
}

export function SignificanceTable({ rows, testId }: { rows: SignificanceRow[]; testId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid={testId}>
        <Header topic={false} />
        <tbody>
          {rows.map((row) => (
            <Row key={`${row.metric}\u0000${row.condition}`} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The per-topic breakdown (test 1 within each topic, corrected across topics): topics.csv. */
export function TopicSignificanceTable({ rows }: { rows: TopicSignificanceRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid="significance-topics">
        <Header topic />
        <tbody>
          {rows.map((row) => (
            <Row key={`${row.topic}\u0000${row.metric}\u0000${row.condition}`} row={row} topic={row.topic} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
