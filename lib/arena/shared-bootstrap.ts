// One set of bootstrap resamples for every fit in a ratings run: each resample redraws whole
// matches (all criteria, both levels together), so the `average` criterion's CI can come from the
// average of the same resample's criterion ratings instead of from bounds that do not add.

import { at } from "@/lib/assert";
import {
  createBootstrapRandom,
  type Interval,
  percentileInterval,
  RESAMPLE_TOLERANCE,
  rankByIntervals,
} from "./bootstrap";
import { fitCounts } from "./bradley-terry";
import { drawMultinomial } from "./multinomial";
import type { PairIndex } from "./pair-index";

/** One Bradley–Terry fit: a comparison group of one level and criterion with a finite estimate. */
export type FitUnit = {
  /** Where it belongs, for problem lines: "idea level, novelty, group 2". */
  label: string;
  index: PairIndex;
  /** The judgment (match) behind each game of `index`. */
  source: ArrayLike<number>;
  ratings: Float64Array;
  /** resamples × players, row-major; NaN for a resample with no finite estimate. */
  samples: Float64Array;
  skipped: number;
};

/**
 * Matches with the same effect on every unit (same cells) are exchangeable, so resampling N matches
 * only needs how many copies each distinct profile gets: Multinomial(N, profile sizes / N). The
 * profiles' cells are stored flat: profile k adds its copies to slots[start[k] … start[k+1]) of one
 * array that holds every unit's counts back to back (unit u from offsets[u]).
 */
function buildProfiles(units: readonly FitUnit[], judgments: number) {
  const offsets = [0];
  for (const unit of units) offsets.push((offsets.at(-1) as number) + 3 * unit.index.first.length);
  const slotsOf: number[][] = Array.from({ length: judgments }, () => []);
  units.forEach((unit, u) => {
    for (let g = 0; g < unit.index.cell.length; g += 1) {
      (slotsOf[unit.source[g] as number] as number[]).push(
        (offsets[u] as number) + (unit.index.cell[g] as number),
      );
    }
  });
  const profileOf = new Map<string, number>();
  const sizes: number[] = [];
  const start = [0];
  const slots: number[] = [];
  for (const list of slotsOf) {
    const key = list.join(",");
    const known = profileOf.get(key);
    if (known !== undefined) sizes[known] = (sizes[known] as number) + 1;
    else {
      profileOf.set(key, sizes.length);
      sizes.push(1);
      slots.push(...list);
      start.push(slots.length);
    }
  }
  return {
    sizes: Float64Array.from(sizes),
    start: Int32Array.from(start),
    slots: Int32Array.from(slots),
    offsets,
  };
}

/** Fills every unit's `samples` and `skipped` from `resamples` seeded draws over the judgments. */
export function bootstrapUnits(
  units: readonly FitUnit[],
  judgments: number,
  { resamples, seed, prior = 0 }: { resamples: number; seed: number; prior?: number },
): void {
  const { sizes, start, slots, offsets } = buildProfiles(units, judgments);
  const copies = new Float64Array(sizes.length);
  const all = new Float64Array(offsets.at(-1) as number);
  const counts = units.map((_, u) => all.subarray(offsets[u], offsets[u + 1]));
  const random = createBootstrapRandom(seed);
  for (const unit of units) {
    unit.samples = new Float64Array(resamples * unit.index.players.length);
    unit.skipped = 0;
  }
  for (let b = 0; b < resamples; b += 1) {
    drawMultinomial(random, sizes, copies);
    all.fill(0);
    for (let k = 0; k < copies.length; k += 1) {
      const x = copies[k] as number;
      if (x === 0) continue;
      for (let e = start[k] as number; e < (start[k + 1] as number); e += 1) {
        const slot = at(slots, e);
        all[slot] = at(all, slot) + x;
      }
    }
    units.forEach((unit, u) => {
      const fit = fitCounts(unit.index, counts[u] as Float64Array, {
        start: unit.ratings,
        tolerance: RESAMPLE_TOLERANCE,
        prior,
      });
      const n = unit.index.players.length;
      if (fit.ok) unit.samples.set(fit.ratings, b * n);
      else {
        unit.samples.fill(Number.NaN, b * n, (b + 1) * n);
        unit.skipped += 1;
      }
    });
  }
}

/** Column i of a unit's samples: player i's rating in every resample (empty without bootstrap). */
export function samplesOf(unit: FitUnit, player: number): Float64Array {
  const n = unit.index.players.length;
  return Float64Array.from(
    { length: unit.samples.length / n },
    (_, b) => unit.samples[b * n + player] as number,
  );
}

/** Percentile CIs and CI-aware ranks of a unit's players, in `index.players` order. */
export function summarizeUnit(unit: FitUnit): { intervals: (Interval | null)[]; ranks: (number | null)[] } {
  const intervals = unit.index.players.map((_, i) => percentileInterval(samplesOf(unit, i)));
  return { intervals, ranks: rankByIntervals(intervals) };
}
