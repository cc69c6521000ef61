import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL_PRICES, estimateCostUsd, findModelPrice } from "./prices";

describe("estimateCostUsd", () => {
  it.each([
    // price per million (in, out), tokens (in, out), expected USD worked out by hand
    [2.5, 10, 1_000_000, 0, 2.5],
    [2.5, 10, 0, 1_000_000, 10],
    [0.15, 0.6, 1234, 567, 0.0001851 + 0.0003402],
    [0, 0, 99_999, 99_999, 0],
  ])("(%f, %f) per MTok for %i in + %i out = %f", (inP, outP, inT, outT, expected) => {
    const cost = estimateCostUsd({
      price: { inputPerMTokUsd: inP, outputPerMTokUsd: outP },
      inputTokens: inT,
      outputTokens: outT,
    });
    expect(cost).toBeCloseTo(expected, 12);
  });

  it("is null (unknown) without a price", () => {
    expect(estimateCostUsd({ price: null, inputTokens: 10, outputTokens: 10 })).toBeNull();
  });
});

describe("findModelPrice", () => {
  it.each([
    ["gpt-4o", "gpt-4o"],
    ["gpt-4o-mini", "gpt-4o-mini"],
    ["gpt-4o-mini-2024-07-18", "gpt-4o-mini"],
    ["gpt-4o-2024-08-06", "gpt-4o"],
    ["gpt-4.1-mini", "gpt-4.1-mini"],
    ["claude-sonnet-4-5-20250929", "claude-sonnet-4-5"],
  ])("prices %s as %s", (model, key) => {
    expect(findModelPrice({ model, table: DEFAULT_MODEL_PRICES })?.key).toBe(key);
  });

  it.each(["llama3.1:8b", "gpt-4", "gpt-4o2", "claude-sonnet-4"])("has no price for %s", (model) => {
    expect(findModelPrice({ model, table: DEFAULT_MODEL_PRICES })).toBeUndefined();
  });
});
