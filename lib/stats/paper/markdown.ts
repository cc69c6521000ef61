// significance.md: the summary table as Markdown (GitHub pipe tables), one table per unit, stars
// escaped so they print as stars rather than emphasis, and the caption below.
import type { ReviewAnalysis } from "../analyze";
import { paperCaption } from "./caption";
import { buildPaperTable, type PaperRow } from "./table";

/** Text safe in a pipe-table cell: Markdown's punctuation that could format or split is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

function line(row: PaperRow): string {
  const p = row.pCell === "" ? `— ${row.note}` : `${row.pCell}${row.stars}`;
  const cells = [
    row.metric,
    row.condition,
    row.conditionCell,
    row.baselineCell,
    row.diffCell || "—",
    row.effectCell || "—",
    p,
  ];
  return `| ${cells.map(escapeMarkdown).join(" | ")} |`;
}

export function formatSignificanceMarkdown(
  analysis: Pick<ReviewAnalysis, "significance" | "params">,
): string {
  const units = buildPaperTable(analysis);
  const baseline = escapeMarkdown(analysis.params.baseline);
  const out: string[] = [];
  for (const unit of units) {
    if (unit.skipped !== null || unit.rows.length === 0) continue;
    out.push(
      `**${escapeMarkdown(unit.title)}** (${escapeMarkdown(unit.test)}; effect ${escapeMarkdown(unit.effect)})`,
      "",
      `| Metric | Condition | Mean ± SD (n) | ${baseline} (baseline) | Δ [95% CI] | Effect | p_adj |`,
      "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
      ...unit.rows.map(line),
      "",
    );
  }
  out.push(paperCaption(analysis.params, units, { text: escapeMarkdown, stars: escapeMarkdown }), "");
  return out.join("\n");
}
