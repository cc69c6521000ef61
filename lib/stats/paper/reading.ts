// One plain sentence per compared condition, the reading of the whole analysis at a glance:
// "AI ideas were rated higher than Human ideas on novelty (at all three units) and excitement
// (with reviews and ideas as units); no significant difference on feasibility and overall."
import type { SignificanceRow } from "../compare";
import type { Unit } from "../units";
import { UNITS } from "../units";

const PLURAL: Record<Unit, string> = { review: "reviews", idea: "ideas", reviewer: "reviewers" };

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function where(units: Unit[], tested: Unit[]): string {
  if (units.length === tested.length && tested.length === 3) return "at all three units";
  if (units.length === tested.length && tested.length > 1) return "at every unit tested";
  return `with ${joinAnd(units.map((u) => PLURAL[u]))} as units`;
}

function sentenceFor(condition: string, rows: readonly SignificanceRow[]): string {
  const baseline = rows[0]?.baseline ?? "";
  const tested = UNITS.filter((u) => rows.some((r) => r.unit === u && r.pValue !== null));
  if (tested.length === 0) return `${condition} vs ${baseline}: no test could be run (see the notes).`;
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const clauses: Record<"higher" | "lower", string[]> = { higher: [], lower: [] };
  const none: string[] = [];
  for (const metric of metrics) {
    const significant = rows.filter((r) => r.metric === metric && r.stars !== "" && r.meanDiff !== null);
    if (significant.length === 0) {
      none.push(metric);
      continue;
    }
    for (const direction of ["higher", "lower"] as const) {
      const units = significant
        .filter((r) => (r.meanDiff as number) > 0 === (direction === "higher"))
        .map((r) => r.unit);
      if (units.length > 0) clauses[direction].push(`${metric} (${where(units, tested)})`);
    }
  }
  const parts = (["higher", "lower"] as const)
    .filter((d) => clauses[d].length > 0)
    .map((d) => `rated ${d} than ${baseline} ideas on ${joinAnd(clauses[d])}`);
  if (parts.length === 0)
    return `${condition} and ${baseline} ideas did not differ significantly on any metric (p_adj ≥ 0.05 at every unit tested).`;
  const rest = none.length > 0 ? `; no significant difference on ${joinAnd(none)}` : "";
  return `${condition} ideas were ${parts.join(", and ")}${rest}.`;
}

/** One sentence per non-baseline condition, in the order of the rows. */
export function readResults(rows: readonly SignificanceRow[]): string[] {
  const conditions = [...new Set(rows.map((r) => r.condition))];
  return conditions.map((c) =>
    sentenceFor(
      c,
      rows.filter((r) => r.condition === c),
    ),
  );
}
