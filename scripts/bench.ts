// npm run bench — the speed goals of the specs, each on its spec's instance:
// assignment (1,000 ideas × 300 reviewers, goal < 1 s), statistics (100,000 reviews, goal < 1 s),
// arena ratings (100 players × 100,000 matches: Elo < 100 ms, Bradley–Terry + 1,000 bootstraps < 5 s),
// literature store (AAN corpus: import < 10 s, BM25 < 20 ms, hybrid < 50 ms, neighbours < 5 ms),
// idea dedup (4,000 seeds: 1,536-dim embeddings < 2 s, TF-IDF < 2 s),
// and `npm run demo` on a fresh database (goal < 10 s).
import { assignReviewers } from "@/lib/assignment/assign";
import { BENCH_SHAPE, generateInstance } from "@/lib/assignment/synthetic";
import type { AssignmentResult } from "@/lib/assignment/types";
import { benchArena } from "./bench-arena";
import { benchDedup } from "./bench-dedup";
import { benchDemo } from "./bench-demo";
import { benchLiterature } from "./bench-literature";
import { benchStats } from "./bench-stats";

const input = generateInstance(BENCH_SHAPE, 1);
const times: number[] = [];
let result: AssignmentResult | undefined;
for (let run = 0; run < 3; run += 1) {
  const start = performance.now();
  result = assignReviewers(input);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const report = (result as AssignmentResult).report;
const capacity = input.reviewers.reduce((sum, r) => sum + r.maxLoad, 0);
console.log(
  `assignReviewers: median ${(times[1] as number).toFixed(0)} ms of 3 runs (${times.map((t) => t.toFixed(0)).join(", ")} ms)`,
);
console.log(
  `${input.ideas.length} ideas, ${input.reviewers.length} reviewers (capacity ${capacity}); placed ${report.placed} of ${input.ideas.length * input.reviewsPerIdea.max}, ideas covered ${report.ideasCovered}, short ${report.ideasShort.length}, reviewers unbalanced ${report.reviewersUnbalanced.length}, under min ${report.reviewersUnderMin.length}`,
);

console.log("");
benchStats();
console.log("");
benchArena();
console.log("");
benchLiterature();
console.log("");
benchDedup();
console.log("");
benchDemo();
