// The tidy table indexed once: conditions, topics, (condition, idea) pairs and reviewers become
// small integers, so each metric is then read in a few linear passes over typed arrays, with no
// string keys in the hot loops.
import type { TidyReview } from "./tidy";

export type IndexedReviews = {
  /** In order of first appearance. */
  conditions: string[];
  topics: string[];
  /** Reviewers with an id; a row without one has reviewer −1 and is left out of unit reviewer. */
  reviewerCount: number;
  /** Rows with a reviewer id and rows with a topic (external tables may have neither). */
  rowsWithReviewer: number;
  rowsWithTopic: number;
  pairCount: number;
  /** Per row. */
  condition: Int32Array;
  topic: Int32Array;
  /** The (condition, idea_id) pair: the spec's unit "idea", since one idea can be in two conditions. */
  pair: Int32Array;
  reviewer: Int32Array;
  /** Per row: reviewer × conditions + condition (−1 without a reviewer), and topic × conditions + condition. */
  reviewerCondition: Int32Array;
  topicCondition: Int32Array;
  /** Per pair. */
  pairCondition: Int32Array;
  /** Per metric, per row; NaN marks a missing score. */
  scores: Map<string, Float64Array>;
  /** Per metric, each condition's review scores sorted: the tests and the descriptives share them. */
  sortedByCondition: Map<string, Float64Array[]>;
  /** Per metric, each pair's mean score: unit "idea" and the agreement share them. */
  pairMeans: Map<string, Float64Array>;
};

function indexer(): { ids: string[]; get: (key: string) => number } {
  const map = new Map<string, number>();
  const ids: string[] = [];
  return {
    ids,
    get(key) {
      let index = map.get(key);
      if (index === undefined) {
        index = ids.length;
        map.set(key, index);
        ids.push(key);
      }
      return index;
    },
  };
}

export function indexReviews(rows: readonly TidyReview[], metrics: readonly string[]): IndexedReviews {
  const n = rows.length;
  const conditions = indexer();
  const topics = indexer();
  // Nested by condition rather than one joined key: no string is built per row.
  const pairsByCondition = new Map<number, Map<string, number>>();
  const reviewers = indexer();
  const condition = new Int32Array(n);
  const topic = new Int32Array(n);
  const pair = new Int32Array(n);
  const reviewer = new Int32Array(n);
  const pairConditions: number[] = [];
  let rowsWithReviewer = 0;
  let rowsWithTopic = 0;
  const columns = metrics.map(() => new Float64Array(n));
  rows.forEach((row, i) => {
    condition[i] = conditions.get(row.condition);
    topic[i] = topics.get(row.topic);
    const c = condition[i] as number;
    let pairs = pairsByCondition.get(c);
    if (pairs === undefined) {
      pairs = new Map();
      pairsByCondition.set(c, pairs);
    }
    let p = pairs.get(row.ideaId);
    if (p === undefined) {
      p = pairConditions.length;
      pairs.set(row.ideaId, p);
      pairConditions.push(c);
    }
    pair[i] = p;
    reviewer[i] = row.reviewerId === "" ? -1 : reviewers.get(row.reviewerId);
    if (row.reviewerId !== "") rowsWithReviewer += 1;
    if (row.topic !== "") rowsWithTopic += 1;
    // Indexed loop: iterating a Map here would allocate an entry per row and metric.
    for (let m = 0; m < columns.length; m += 1) {
      (columns[m] as Float64Array)[i] = row.scores[metrics[m] as string] ?? Number.NaN;
    }
  });
  const k = conditions.ids.length;
  const reviewerCondition = new Int32Array(n);
  const topicCondition = new Int32Array(n);
  for (let i = 0; i < n; i += 1) {
    const r = reviewer[i] as number;
    reviewerCondition[i] = r < 0 ? -1 : r * k + (condition[i] as number);
    topicCondition[i] = (topic[i] as number) * k + (condition[i] as number);
  }
  return {
    conditions: conditions.ids,
    topics: topics.ids,
    reviewerCount: reviewers.ids.length,
    rowsWithReviewer,
    rowsWithTopic,
    pairCount: pairConditions.length,
    condition,
    topic,
    pair,
    reviewer,
    reviewerCondition,
    topicCondition,
    pairCondition: Int32Array.from(pairConditions),
    scores: new Map(metrics.map((metric, m) => [metric, columns[m] as Float64Array])),
    sortedByCondition: new Map(),
    pairMeans: new Map(),
  };
}
