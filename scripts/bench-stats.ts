// benchStats() — times analyzeReviews on the spec's instance (100,000 reviews × 5 metrics ×
// 3 conditions; all three units, effect sizes, robustness tests, per-topic breakdown, corrections);
// the goal is under 1 s on the project's 2-core machine. Called from scripts/bench.ts.
import { analyzeReviews, type ReviewAnalysis } from "@/lib/stats";
import { BENCH_REVIEW_SHAPE, generateReviews } from "@/lib/stats/synthetic";

export function benchStats(): void {
  const table = generateReviews(BENCH_REVIEW_SHAPE, 1);
  const times: number[] = [];
  let result: ReviewAnalysis | undefined;
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    result = analyzeReviews(table, { baseline: "Human", correction: "holm", family: "comparison" });
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const analysis = result as ReviewAnalysis;
  const tested = analysis.significance.filter((row) => row.pValue !== null).length;
  console.log(
    `analyzeReviews: median ${(sorted[1] as number).toFixed(0)} ms of 3 runs (${times.map((t) => t.toFixed(0)).join(", ")} ms)`,
  );
  console.log(
    `${table.rows.length} reviews × ${table.metrics.length} metrics × ${BENCH_REVIEW_SHAPE.conditions.length} conditions; ${tested}/${analysis.significance.length} tests, ${analysis.topics.length} topic rows, ${analysis.warnings.length} warnings`,
  );
}
