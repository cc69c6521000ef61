// Condition-level intervals by a cluster bootstrap over ideas: each resample draws, within every
// condition, as many ideas as it has, with replacement, and keeps their matches; a match between
// ideas drawn m_a and m_b times counts m_a·m_b times. Resampling matches instead treats every
// match as independent, but a condition's matches share its few ideas, so its rating moves with
// which ideas happened to be in the study; match-level intervals leave that out and are too narrow
// (cluster-bootstrap.test.ts measures both coverages on simulated arenas).

import { at } from "@/lib/assert";
import { createBootstrapRandom, RESAMPLE_TOLERANCE } from "./bootstrap";
import { fitCounts } from "./bradley-terry";
import type { FitUnit } from "./shared-bootstrap";

export type ClusterDesign = {
  /** The two ideas of each judgment (match_id), by judgment index. */
  pairOf: readonly (readonly [string, string])[];
  conditionOf: ReadonlyMap<string, string>;
};

/** Each judgment's weight in one resample: m[a]·m[b] from the ideas' draw counts. */
function makeDrawer(design: ClusterDesign, random: () => number) {
  const ideas = [...design.conditionOf.keys()].sort();
  const position = new Map(ideas.map((idea, i) => [idea, i]));
  const byCondition = new Map<string, number[]>();
  ideas.forEach((idea, i) => {
    const c = design.conditionOf.get(idea) as string;
    byCondition.set(c, [...(byCondition.get(c) ?? []), i]);
  });
  const clusters = [...byCondition.keys()].sort().map((c) => byCondition.get(c) as number[]);
  const a = Int32Array.from(design.pairOf, ([x]) => position.get(x) as number);
  const b = Int32Array.from(design.pairOf, ([, y]) => position.get(y) as number);
  const drawn = new Float64Array(ideas.length);
  const weights = new Float64Array(design.pairOf.length);
  return () => {
    drawn.fill(0);
    for (const members of clusters) {
      for (let k = 0; k < members.length; k += 1) {
        const pick = members[Math.floor(random() * members.length)] as number;
        drawn[pick] = at(drawn, pick) + 1;
      }
    }
    for (let j = 0; j < weights.length; j += 1)
      weights[j] = (drawn[a[j] as number] as number) * (drawn[b[j] as number] as number);
    return weights;
  };
}

/**
 * Fills `samples` and `skipped` of condition-level units from `resamples` seeded cluster draws
 * (one draw of ideas per resample, shared by every criterion, so `average` CIs stay coherent).
 */
export function clusterBootstrapUnits(
  units: readonly FitUnit[],
  design: ClusterDesign,
  { resamples, seed, prior = 0 }: { resamples: number; seed: number; prior?: number },
): void {
  const draw = makeDrawer(design, createBootstrapRandom(seed));
  const counts = units.map((u) => new Float64Array(3 * u.index.first.length));
  for (const unit of units) {
    unit.samples = new Float64Array(resamples * unit.index.players.length);
    unit.skipped = 0;
  }
  for (let r = 0; r < resamples; r += 1) {
    const weights = draw();
    units.forEach((unit, u) => {
      const cells = counts[u] as Float64Array;
      cells.fill(0);
      for (let g = 0; g < unit.index.cell.length; g += 1) {
        const cell = at(unit.index.cell, g);
        cells[cell] = at(cells, cell) + at(weights, at(unit.source, g));
      }
      const fit = fitCounts(unit.index, cells, { start: unit.ratings, tolerance: RESAMPLE_TOLERANCE, prior });
      const n = unit.index.players.length;
      if (fit.ok) unit.samples.set(fit.ratings, r * n);
      else {
        unit.samples.fill(Number.NaN, r * n, (r + 1) * n);
        unit.skipped += 1;
      }
    });
  }
}
