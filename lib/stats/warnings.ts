// Warnings about the design, shown above the results: they do not change a number but say when
// a reader should distrust one (few observations, topics spread unevenly, reviewers left out).
import { at } from "@/lib/assert";
import type { SignificanceRow } from "./compare";
import type { IndexedReviews } from "./indexed";
import { warnMissingColumns } from "./missing-columns";

/** Below this many observations in a group, a t-test's p leans hard on normality. */
export const SMALL_N = 10;

function warnSmallSamples(rows: readonly SignificanceRow[]): string[] {
  const out: string[] = [];
  const smallest = new Map<string, { row: SignificanceRow; n: number }>();
  let untested = 0;
  for (const row of rows) {
    if (row.pValue === null) {
      // A skipped analysis (a column the table lacks) has its own warning.
      if (!row.note.startsWith("skipped:")) untested += 1;
      continue;
    }
    const n = Math.min(row.nCondition, row.nBaseline);
    const key = `${row.unit}\u0000${row.condition}`;
    const seen = smallest.get(key);
    if (n < SMALL_N && (seen === undefined || n < seen.n)) smallest.set(key, { row, n });
  }
  for (const { row, n } of smallest.values()) {
    out.push(
      `small n: unit=${row.unit}, "${row.condition}" vs "${row.baseline}" has tests with only ${n} observations in a group (e.g. ${row.metric}); fewer than ${SMALL_N} makes p-values fragile`,
    );
  }
  if (untested > 0)
    out.push(`${untested} ${untested === 1 ? "test" : "tests"} could not be run; the note column says why`);
  return out;
}

/** Topics whose share of a condition's ideas differs by more than this between conditions. */
const TOPIC_SHARE_GAP = 0.05;

/** The design balances topics across conditions; an uneven spread confounds topic and condition. */
function warnUnbalancedTopics(data: IndexedReviews): string[] {
  const k = data.conditions.length;
  const ideas = new Int32Array(data.topics.length * k);
  const totals = new Int32Array(k);
  const seen = new Uint8Array(data.pairCount);
  for (let i = 0; i < data.pair.length; i += 1) {
    const p = data.pair[i] as number;
    if (seen[p]) continue;
    seen[p] = 1;
    const tc = at(data.topicCondition, i);
    const c = at(data.condition, i);
    ideas[tc] = at(ideas, tc) + 1;
    totals[c] = at(totals, c) + 1;
  }
  const out: string[] = [];
  data.topics.forEach((topic, t) => {
    if (topic === "") return;
    const counts = Array.from(ideas.subarray(t * k, t * k + k));
    const shares = counts.map((count, c) => count / (totals[c] as number));
    const absent = counts.some((count) => count === 0);
    if (!absent && Math.max(...shares) - Math.min(...shares) <= TOPIC_SHARE_GAP) return;
    const and = (items: string[]) =>
      items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
    const ideasOf = and(data.conditions.map((c, j) => `${counts[j]} ${c}`));
    const sharesOf = and(shares.map((x) => `${Math.round(x * 100)}%`));
    const total = counts.reduce((a, b) => a + b, 0);
    out.push(
      `Topic "${topic}" has ${ideasOf} ${total === 1 ? "idea" : "ideas"} (${sharesOf} of each condition's ideas), so topic and condition are partly confounded`,
    );
  });
  return out;
}

/** Unit = reviewer only uses reviewers who saw both conditions; say how many it leaves out. */
function warnUnpairedReviewers(data: IndexedReviews, baseline: string): string[] {
  const k = data.conditions.length;
  const b = data.conditions.indexOf(baseline);
  const reviewed = new Uint8Array(data.reviewerCount * k);
  for (let i = 0; i < data.reviewer.length; i += 1) {
    const rc = data.reviewerCondition[i] as number;
    if (rc >= 0) reviewed[rc] = 1;
  }
  const out: string[] = [];
  data.conditions.forEach((condition, c) => {
    if (c === b) return;
    let either = 0;
    let both = 0;
    for (let r = 0; r < data.reviewerCount; r += 1) {
      const inC = reviewed[r * k + c] === 1;
      const inB = reviewed[r * k + b] === 1;
      if (inC || inB) either += 1;
      if (inC && inB) both += 1;
    }
    if (both < either)
      out.push(
        `${either - both} of ${either} reviewers of "${condition}" or "${baseline}" did not review both; unit=reviewer leaves them out`,
      );
  });
  return out;
}

export function collectWarnings(
  data: IndexedReviews,
  baseline: string,
  rows: readonly SignificanceRow[],
): string[] {
  const topics = data.rowsWithTopic > 0 ? warnUnbalancedTopics(data) : [];
  const reviewers = data.rowsWithReviewer > 0 ? warnUnpairedReviewers(data, baseline) : [];
  return [...warnMissingColumns(data), ...warnSmallSamples(rows), ...topics, ...reviewers];
}
