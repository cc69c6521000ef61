// significance.tex: the summary table as a booktabs LaTeX table, one block per unit, stars as
// superscripts, and a caption naming the tests and the correction. Needs \usepackage{booktabs}.
import type { ReviewAnalysis } from "../analyze";
import { paperCaption } from "./caption";
import { buildPaperTable, type PaperRow } from "./table";

const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Text safe in a LaTeX table cell or caption (all ten special characters escaped). */
export function escapeLatex(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (c) => SPECIAL[c] as string);
}

/** A cell of numbers: ±, minus signs and "<" in math mode. */
function numbers(text: string): string {
  return escapeLatex(text)
    .replaceAll("±", "$\\pm$")
    .replace(/(^|[\s[(])-(?=\d)/g, "$1$-$")
    .replaceAll("< ", "$<$ ");
}

const stars = (s: string) => (s === "" ? "" : `$^{${s}}$`);

function line(row: PaperRow): string {
  const p = row.pCell === "" ? "--" : `${numbers(row.pCell)}${stars(row.stars)}`;
  const cells = [
    escapeLatex(row.metric),
    escapeLatex(row.condition),
    numbers(row.conditionCell),
    numbers(row.baselineCell),
    row.diffCell === "" ? "--" : numbers(row.diffCell),
    row.effectCell === "" ? "--" : numbers(row.effectCell),
    p,
  ];
  return `${cells.join(" & ")} \\\\`;
}

export function formatSignificanceLatex(analysis: Pick<ReviewAnalysis, "significance" | "params">): string {
  const units = buildPaperTable(analysis);
  const baseline = escapeLatex(analysis.params.baseline);
  const out = [
    "% Written by Ideation Lab (npm run stats); needs \\usepackage{booktabs}.",
    "\\begin{table}[t]",
    "\\centering",
    "\\small",
    "\\begin{tabular}{llllrrl}",
    "\\toprule",
    `Metric & Condition & Mean $\\pm$ SD ($n$) & ${baseline} (baseline) & $\\Delta$ [95\\% CI] & Effect & $p_{\\mathrm{adj}}$ \\\\`,
  ];
  for (const unit of units) {
    if (unit.skipped !== null || unit.rows.length === 0) continue;
    out.push("\\midrule", `\\multicolumn{7}{l}{\\emph{${escapeLatex(unit.title)}}} \\\\`);
    for (const row of unit.rows) out.push(line(row));
  }
  out.push(
    "\\bottomrule",
    "\\end{tabular}",
    `\\caption{${paperCaption(analysis.params, units, { text: numbers, stars })}}`,
    "\\label{tab:significance}",
    "\\end{table}",
    "",
  );
  return out.join("\n");
}
