import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssue, humanizeKey, issuesSentence, keyToPath, labelForPath } from "./issue-labels";

const topics = { "*": "Topic {1}", "*.description": "Topic {1} description" };

describe("labelForPath", () => {
  it("fills list indices from 1 and falls back to the longest labelled prefix", () => {
    expect(labelForPath([0, "name"], topics)).toBe("Topic 1, name");
    expect(labelForPath([2, "description"], topics)).toBe("Topic 3 description");
    expect(labelForPath([4], topics)).toBe("Topic 5");
    expect(
      labelForPath(["metrics", 1, "options", 3], { "metrics.*.options.*": "Metric {1}, option {2}" }),
    ).toBe("Metric 2, option 4");
  });

  it("writes unlabelled paths in words, never as dotted keys", () => {
    expect(labelForPath(["reviewsMax"])).toBe("Reviews max");
    expect(labelForPath(["items", 0, "word_limit"])).toBe("Items, item 1, word limit");
    expect(labelForPath([])).toBeNull();
  });
});

describe("describeIssue and issuesSentence", () => {
  it("puts the label before the message and lists every issue once", () => {
    const labels = { "*.name": "Topic {1}" };
    expect(describeIssue({ path: [0, "name"], message: "Enter a topic name." }, labels)).toBe(
      "Topic 1: enter a topic name.",
    );
    expect(describeIssue({ path: [], message: "Mark one condition as the baseline." })).toBe(
      "Mark one condition as the baseline.",
    );
    expect(describeIssue({ path: ["url"], message: "URL must start with https" })).toBe(
      "Url: URL must start with https",
    );
    const schema = z.array(z.object({ name: z.string().min(1, "Enter a topic name.") }));
    const r = schema.safeParse([{ name: "" }, { name: "ok" }, { name: "" }]);
    expect(issuesSentence(r.error?.issues ?? [], labels)).toBe(
      "Topic 1: enter a topic name. Topic 3: enter a topic name.",
    );
    expect(issuesSentence(r.error?.issues ?? [], labels)).not.toMatch(/\d\.name/);
  });
});

describe("helpers", () => {
  it("humanizes keys and turns field keys back into paths", () => {
    expect(humanizeKey("consentText")).toBe("consent text");
    expect(humanizeKey("idea_code")).toBe("idea code");
    expect(keyToPath("items.3.label")).toEqual(["items", 3, "label"]);
    expect(keyToPath("_form")).toEqual([]);
  });
});
