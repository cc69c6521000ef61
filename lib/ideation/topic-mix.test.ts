import { describe, expect, it } from "vitest";
import { humanTopicMix, topicQuota, topKPerTopic } from "./topic-mix";

describe("top-k per topic", () => {
  const human = humanTopicMix([
    { topicId: "t1" },
    { topicId: "t1" },
    { topicId: "t2" },
    { topicId: null },
    { topicId: "t1" },
  ]);

  it("counts the human ideas per topic", () => {
    expect(human).toEqual({ t1: 3, t2: 1 });
  });

  it("keeps the human mix by default, the requested mix where given, the fallback elsewhere", () => {
    expect(topicQuota({ topicIds: ["t1", "t2", "t3"], human, fallback: 2 })).toEqual({ t1: 3, t2: 1, t3: 2 });
    expect(topicQuota({ topicIds: ["t1", "t2"], human, requested: { t2: 4 }, fallback: 2 })).toEqual({
      t1: 3,
      t2: 4,
    });
    expect(() => topicQuota({ topicIds: ["t1"], human, requested: { t1: -1 }, fallback: 2 })).toThrow(
      /topic t1/,
    );
  });

  it("selects exactly the mix from each topic's ranking, best first", () => {
    const ranked = { t1: ["a", "b", "c", "d"], t2: ["x", "y"], t3: ["p"] };
    const kept = topKPerTopic(ranked, { t1: 3, t2: 1, t3: 2 });
    expect(kept).toEqual({ t1: ["a", "b", "c"], t2: ["x"], t3: ["p"] });
    expect(Object.fromEntries(Object.entries(kept).map(([t, ids]) => [t, ids.length]))).toEqual({
      t1: 3,
      t2: 1,
      t3: 1,
    });
  });
});
