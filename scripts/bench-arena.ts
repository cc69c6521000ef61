// The arena's speed goals on the spec's instance (100 players, 100,000 matches, one criterion):
// online Elo under 100 ms, and a Bradley–Terry fit plus 1,000 bootstrap resamples under 5 s on the
// project's 2-core machine. A third line times the whole `npm run arena` computation for reference.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { bootstrapBradleyTerry } from "@/lib/arena/bootstrap";
import { computeElo, scoreOf, sortMatches } from "@/lib/arena/elo";
import { computeRatings } from "@/lib/arena/ratings";
import { BENCH_ARENA_SHAPE, generateMatches } from "@/lib/arena/synthetic";

function time<T>(runs: number, work: () => T): { median: number; all: number[]; result: T } {
  const all: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    result = work();
    all.push(performance.now() - start);
  }
  const sorted = [...all].sort((x, y) => x - y);
  return { median: sorted[Math.floor(runs / 2)] as number, all, result: result as T };
}

const list = (ms: number[]) => ms.map((t) => t.toFixed(0)).join(", ");

export function benchArena(): void {
  const { matches } = generateMatches(BENCH_ARENA_SHAPE, 1);
  const games = sortMatches(matches).map((m) => ({ a: m.ideaA, b: m.ideaB, score: scoreOf(m.winner) }));
  const size = `${BENCH_ARENA_SHAPE.ideas} players × ${games.length.toLocaleString("en")} matches`;

  const elo = time(5, () => computeElo(games));
  console.log(
    `computeElo: median ${elo.median.toFixed(1)} ms of 5 runs (${list(elo.all)} ms), ${size}; goal < 100 ms`,
  );

  const bt = time(3, () => bootstrapBradleyTerry(games, { resamples: 1000, seed: 1 }));
  const skipped = bt.result.ok ? bt.result.skipped : "all";
  console.log(
    `bootstrapBradleyTerry (fit + 1,000 resamples): median ${(bt.median / 1000).toFixed(2)} s of 3 runs (${list(bt.all)} ms), ${size}, ${skipped} resamples skipped; goal < 5 s`,
  );

  const all = time(1, () => computeRatings(matches, { bootstrap: 1000, seed: 1 }));
  console.log(
    `computeRatings (idea + condition level, 1,000 shared resamples, win rates, agreement): ${(all.median / 1000).toFixed(2)} s, ${all.result.rows.length} rows`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  benchArena();
}
