// How many generated ideas each topic keeps (specs/ideation.md §2: "top k per topic, matching the
// human ideas' topic mix"). By default each topic keeps as many ideas as the study's human ideas
// have on it; an explicit mix overrides per topic; a topic neither names gets `fallback`.

export type TopicMix = Record<string, number>;

/** Human ideas' count per topic id (ideas without a topic are not counted). */
export function humanTopicMix(ideas: readonly { topicId: string | null }[]): TopicMix {
  const mix: TopicMix = {};
  for (const { topicId } of ideas) if (topicId !== null) mix[topicId] = (mix[topicId] ?? 0) + 1;
  return mix;
}

/** Ideas to keep per topic: the requested count, else the human count, else `fallback`. */
export function topicQuota({
  topicIds,
  human,
  requested = {},
  fallback,
}: {
  topicIds: readonly string[];
  human: TopicMix;
  requested?: TopicMix;
  fallback: number;
}): TopicMix {
  const out: TopicMix = {};
  for (const id of topicIds) {
    const n = requested[id] ?? human[id] ?? fallback;
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`ideas to keep for topic ${id} must be a whole number ≥ 0`);
    out[id] = n;
  }
  return out;
}

/** The best `quota[topic]` ids of each topic's ranking (best first); short topics keep what they have. */
export function topKPerTopic(
  ranked: Record<string, readonly string[]>,
  quota: TopicMix,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [topic, n] of Object.entries(quota)) out[topic] = (ranked[topic] ?? []).slice(0, n);
  return out;
}
