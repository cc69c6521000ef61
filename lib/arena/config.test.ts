import { describe, expect, it } from "vitest";
import { type ArenaConfig, DEFAULT_ARENA_CONFIG } from "@/lib/arena/types";
import { parseArenaConfig, readArenaConfig, sameCriteria } from "./config";

const valid = (): ArenaConfig => structuredClone(DEFAULT_ARENA_CONFIG);
const crit = (key: unknown, label: unknown = "Label", description: unknown = "") => ({
  key,
  label,
  description,
});

describe("parseArenaConfig", () => {
  it("accepts the defaults and form text, trims, and drops repeated condition keys", () => {
    expect(parseArenaConfig(valid())).toEqual({ ok: true, config: DEFAULT_ARENA_CONFIG });
    const parsed = parseArenaConfig({
      ...valid(),
      criteria: [crit(" clarity ", "  Clarity ", " Which is clearer? ")],
      conditionKeys: ["Human", "AI", "Human"],
      sameTopic: "false",
      mode: "swiss",
      budget: " 25 ",
      seed: "7",
      k: "16.5",
      bootstrap: "0",
    });
    expect(parsed).toEqual({
      ok: true,
      config: {
        ...valid(),
        criteria: [{ key: "clarity", label: "Clarity", description: "Which is clearer?" }],
        conditionKeys: ["Human", "AI"],
        sameTopic: false,
        mode: "swiss",
        budget: 25,
        seed: 7,
        k: 16.5,
        bootstrap: 0,
      },
    });
  });

  it("accepts the bounds", () => {
    for (const edge of [
      { budget: 1, k: 0.1, bootstrap: 0, seed: 0 },
      { budget: 10_000, k: 100, bootstrap: 10_000, seed: 2_147_483_647 },
    ]) {
      expect(parseArenaConfig({ ...valid(), ...edge }).ok).toBe(true);
    }
    const ten = Array.from({ length: 10 }, (_, i) => crit(`c_${i}`));
    expect(parseArenaConfig({ ...valid(), criteria: ten }).ok).toBe(true);
  });

  it.each<[string, Partial<Record<keyof ArenaConfig, unknown>>, Record<string, string[]>]>([
    ["no criteria", { criteria: [] }, { criteria: ["Criteria: add at least one criterion."] }],
    [
      "eleven criteria",
      { criteria: Array.from({ length: 11 }, (_, i) => crit(`c${i}`)) },
      { criteria: ["Criteria: 11 criteria; use at most 10."] },
    ],
    ["criteria not a list", { criteria: "novelty" }, { criteria: ["Criteria must be a list."] }],
    [
      "a criterion that is not an object",
      { criteria: ["novelty"] },
      { "criteria.0": ["Criterion 1 must have a key, a label and a description."] },
    ],
    [
      "an empty key",
      { criteria: [crit("  ")] },
      { "criteria.0.key": ['Criterion 1: the key is empty; use snake_case such as "novelty".'] },
    ],
    [
      "a key that is not snake_case",
      { criteria: [crit("Novelty Score")] },
      {
        "criteria.0.key": [
          'Criterion 1: key "Novelty Score" must be snake_case: a lower-case letter first, then a–z, 0–9 or _ (at most 40 characters).',
        ],
      },
    ],
    [
      "a key starting with a digit",
      { criteria: [crit("novelty"), crit("2nd")] },
      {
        "criteria.1.key": [
          'Criterion 2: key "2nd" must be snake_case: a lower-case letter first, then a–z, 0–9 or _ (at most 40 characters).',
        ],
      },
    ],
    [
      "a repeated key",
      { criteria: [crit("novelty"), crit("clarity"), crit("novelty")] },
      { "criteria.2.key": ['Criterion 3: key "novelty" is already used by another criterion.'] },
    ],
    [
      "the reserved key average",
      { criteria: [crit("average")] },
      {
        "criteria.0.key": [
          'Criterion 1: key "average" is reserved for the mean over criteria on the leaderboard.',
        ],
      },
    ],
    [
      "an empty label",
      { criteria: [crit("novelty", " ")] },
      { "criteria.0.label": ['Criterion 1 ("novelty"): the label is empty.'] },
    ],
    [
      "a long label",
      { criteria: [crit("novelty", "x".repeat(81))] },
      { "criteria.0.label": ['Criterion 1 ("novelty"): the label has 81 characters; use at most 80.'] },
    ],
    [
      "a description that is not text",
      { criteria: [crit("novelty", "Novelty", 3)] },
      { "criteria.0.description": ['Criterion 1 ("novelty"): the description must be text.'] },
    ],
    [
      "a long description",
      { criteria: [crit("novelty", "Novelty", "y".repeat(501))] },
      {
        "criteria.0.description": [
          'Criterion 1 ("novelty"): the description has 501 characters; use at most 500.',
        ],
      },
    ],
    [
      "an unknown mode",
      { mode: "knockout" },
      { mode: ["Scheduling mode: choose round_robin, adaptive or swiss."] },
    ],
    ["budget 0", { budget: 0 }, { budget: ["Pairs per round: enter a whole number from 1 to 10,000."] }],
    [
      "budget too high",
      { budget: 10_001 },
      { budget: ["Pairs per round: enter a whole number from 1 to 10,000."] },
    ],
    [
      "budget not whole",
      { budget: "2.5" },
      { budget: ["Pairs per round: enter a whole number from 1 to 10,000."] },
    ],
    ["budget empty", { budget: "" }, { budget: ["Pairs per round: enter a whole number from 1 to 10,000."] }],
    [
      "budget text",
      { budget: "many" },
      { budget: ["Pairs per round: enter a whole number from 1 to 10,000."] },
    ],
    ["k too small", { k: 0.05 }, { k: ["Elo K: enter a number from 0.1 to 100."] }],
    ["k too large", { k: "101" }, { k: ["Elo K: enter a number from 0.1 to 100."] }],
    [
      "bootstrap negative",
      { bootstrap: -1 },
      { bootstrap: ["Bootstrap resamples: enter a whole number from 0 to 10,000."] },
    ],
    [
      "bootstrap too many",
      { bootstrap: 10_001 },
      { bootstrap: ["Bootstrap resamples: enter a whole number from 0 to 10,000."] },
    ],
    ["seed negative", { seed: -3 }, { seed: ["Seed: enter a whole number from 0 to 2,147,483,647."] }],
    ["seed fractional", { seed: 1.5 }, { seed: ["Seed: enter a whole number from 0 to 2,147,483,647."] }],
    [
      "sameTopic not a boolean",
      { sameTopic: "maybe" },
      { sameTopic: ["Same-topic pairing: choose on or off."] },
    ],
    ["conditions not a list", { conditionKeys: "Human" }, { conditionKeys: ["Conditions must be a list."] }],
    ["an empty topic entry", { topicIds: [""] }, { "topicIds.0": ["Topics: an entry is empty."] }],
  ])("refuses %s with a message naming the field", (_name, patch, fieldErrors) => {
    const result = parseArenaConfig({ ...valid(), ...patch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual(fieldErrors);
    expect(result.errors).toEqual(Object.values(fieldErrors).flat());
  });

  it("reports every problem at once", () => {
    const result = parseArenaConfig({
      ...valid(),
      criteria: [crit("novelty", ""), crit("novelty")],
      budget: 0,
      k: 0,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'Criterion 1 ("novelty"): the label is empty.',
      'Criterion 2: key "novelty" is already used by another criterion.',
      "Pairs per round: enter a whole number from 1 to 10,000.",
      "Elo K: enter a number from 0.1 to 100.",
    ]);
  });
});

describe("readArenaConfig", () => {
  it("gives the defaults for an empty or missing stored config", () => {
    expect(readArenaConfig({})).toEqual(DEFAULT_ARENA_CONFIG);
    expect(readArenaConfig(null)).toEqual(DEFAULT_ARENA_CONFIG);
  });

  it("keeps stored keys, fills missing ones and replaces broken ones with their default", () => {
    const config = readArenaConfig({ mode: "adaptive", budget: 12, k: -5, criteria: [], unknown: 1 });
    expect(config).toEqual({ ...DEFAULT_ARENA_CONFIG, mode: "adaptive", budget: 12 });
  });

  it("returns a copy: changing it does not change the defaults", () => {
    const config = readArenaConfig({});
    config.criteria.push({ key: "x", label: "X", description: "" });
    expect(DEFAULT_ARENA_CONFIG.criteria).toHaveLength(5);
  });
});

describe("sameCriteria", () => {
  it("compares keys, labels, descriptions and order", () => {
    const a = DEFAULT_ARENA_CONFIG.criteria;
    expect(sameCriteria(a, structuredClone(a))).toBe(true);
    expect(sameCriteria(a, [...a].reverse())).toBe(false);
    expect(
      sameCriteria(
        a,
        a.map((c, i) => (i === 2 ? { ...c, label: "Clear" } : c)),
      ),
    ).toBe(false);
    expect(sameCriteria(a, a.slice(1))).toBe(false);
  });
});
