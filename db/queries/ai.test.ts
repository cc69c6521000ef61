import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetTestDb } from "@/db/testing/db";
import { AppError } from "@/lib/errors";
import { modelPrices, studies, users } from "../schema";
import {
  deleteModelPrice,
  getCachedResponse,
  getLlmCallTotals,
  getModelPrice,
  getRecentLlmCalls,
  insertLlmCall,
  listModelPrices,
  type NewLlmCall,
  putCachedResponse,
  upsertModelPrice,
} from "./ai";

let db: ReturnType<typeof resetTestDb>;
beforeEach(() => {
  db = resetTestDb();
});
afterEach(() => {
  vi.useRealTimers();
});

function makeStudy(title: string): string {
  const user = db
    .insert(users)
    .values({ email: `${title}@example.com`, name: title, passwordHash: "x" })
    .returning()
    .get();
  return db.insert(studies).values({ title, createdBy: user.id }).returning().get().id;
}

function call(overrides: Partial<NewLlmCall>): NewLlmCall {
  return {
    purpose: "normalize",
    provider: "openai",
    model: "gpt-4o",
    inputTokens: 0,
    outputTokens: 0,
    latencyMs: 10,
    costUsd: 0,
    cached: false,
    attempts: 1,
    ...overrides,
  };
}

describe("getLlmCallTotals", () => {
  it("sums calls, tokens, cost, cache hits, errors and unpriced calls, overall and per purpose/model", () => {
    const studyA = makeStudy("a");
    const studyB = makeStudy("b");
    insertLlmCall(call({ studyId: studyA, inputTokens: 100, outputTokens: 50, costUsd: 0.5 }));
    insertLlmCall(call({ studyId: studyA, inputTokens: 200, outputTokens: 20, costUsd: 0.25 }));
    insertLlmCall(call({ studyId: studyA, cached: true, attempts: 0, costUsd: 0 }));
    insertLlmCall(
      call({ studyId: studyB, purpose: "review", model: "llama3", inputTokens: 7, costUsd: null }),
    );
    insertLlmCall(
      call({ studyId: studyB, purpose: "review", model: "llama3", error: "boom", costUsd: null }),
    );

    const all = getLlmCallTotals();
    expect(all.overall).toEqual({
      calls: 5,
      cachedCalls: 1,
      errors: 1,
      inputTokens: 307,
      outputTokens: 70,
      costUsd: 0.75,
      unpricedCalls: 2,
    });
    expect(all.byPurposeModel).toEqual([
      {
        purpose: "normalize",
        model: "gpt-4o",
        calls: 3,
        cachedCalls: 1,
        errors: 0,
        inputTokens: 300,
        outputTokens: 70,
        costUsd: 0.75,
        unpricedCalls: 0,
      },
      {
        purpose: "review",
        model: "llama3",
        calls: 2,
        cachedCalls: 0,
        errors: 1,
        inputTokens: 7,
        outputTokens: 0,
        costUsd: 0,
        unpricedCalls: 2,
      },
    ]);

    const onlyB = getLlmCallTotals({ studyId: studyB });
    expect(onlyB.overall).toMatchObject({ calls: 2, inputTokens: 7, errors: 1 });
    expect(onlyB.byPurposeModel.map((g) => g.purpose)).toEqual(["review"]);
  });

  it("filters by time with since", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(1_000_000);
    insertLlmCall(call({ inputTokens: 1 }));
    vi.setSystemTime(2_000_000);
    insertLlmCall(call({ inputTokens: 10 }));
    expect(getLlmCallTotals({ since: 1_500_000 }).overall).toMatchObject({ calls: 1, inputTokens: 10 });
    expect(getLlmCallTotals({ since: 2_000_001 }).overall.calls).toBe(0);
  });

  it("returns zeros for an empty log", () => {
    expect(getLlmCallTotals()).toEqual({
      overall: {
        calls: 0,
        cachedCalls: 0,
        errors: 0,
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
        unpricedCalls: 0,
      },
      byPurposeModel: [],
    });
  });
});

describe("getRecentLlmCalls", () => {
  it("returns the newest first, limited, optionally only errors", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let i = 1; i <= 4; i++) {
      vi.setSystemTime(i * 1000);
      insertLlmCall(call({ purpose: `p${i}`, error: i % 2 === 0 ? "failed" : null }));
    }
    expect(getRecentLlmCalls({ limit: 3 }).map((r) => r.purpose)).toEqual(["p4", "p3", "p2"]);
    expect(getRecentLlmCalls({ limit: 10, errorsOnly: true }).map((r) => r.purpose)).toEqual(["p4", "p2"]);
  });
});

describe("response cache", () => {
  it("stores, reads back and replaces a response", () => {
    expect(getCachedResponse({ key: "k" })).toBeUndefined();
    putCachedResponse({ key: "k", model: "m", response: { text: "one" }, inputTokens: 3, outputTokens: 4 });
    expect(getCachedResponse({ key: "k" })).toEqual({
      response: { text: "one" },
      inputTokens: 3,
      outputTokens: 4,
    });
    putCachedResponse({ key: "k", model: "m", response: { text: "two" }, inputTokens: 5, outputTokens: 6 });
    expect(getCachedResponse({ key: "k" })).toEqual({
      response: { text: "two" },
      inputTokens: 5,
      outputTokens: 6,
    });
  });
});

describe("model prices", () => {
  it("lists the defaults, and an admin row overrides one and adds another", () => {
    const before = listModelPrices();
    expect(before.find((p) => p.model === "gpt-4o")).toMatchObject({
      inputPerMTokUsd: 2.5,
      outputPerMTokUsd: 10,
      source: "default",
    });

    upsertModelPrice({ model: "gpt-4o", inputPerMTokUsd: 1, outputPerMTokUsd: 2 });
    upsertModelPrice({ model: " llama3.1:8b ", inputPerMTokUsd: 0, outputPerMTokUsd: 0 });
    const after = listModelPrices();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((p) => p.model === "gpt-4o")).toMatchObject({ inputPerMTokUsd: 1, source: "custom" });
    expect(getModelPrice({ model: "llama3.1:8b" })).toMatchObject({ inputPerMTokUsd: 0, source: "custom" });
    // A dated snapshot uses the overridden family price.
    expect(getModelPrice({ model: "gpt-4o-2024-08-06" })?.inputPerMTokUsd).toBe(1);
  });

  it("has no price for an unknown local model", () => {
    expect(getModelPrice({ model: "qwen2.5:7b" })).toBeNull();
  });

  it("falls back to the default when a custom price is deleted", () => {
    upsertModelPrice({ model: "gpt-4o-mini", inputPerMTokUsd: 9, outputPerMTokUsd: 9 });
    expect(deleteModelPrice({ model: "gpt-4o-mini" })).toEqual({ deleted: true });
    expect(getModelPrice({ model: "gpt-4o-mini" })).toMatchObject({
      inputPerMTokUsd: 0.15,
      source: "default",
    });
    expect(deleteModelPrice({ model: "gpt-4o-mini" })).toEqual({ deleted: false });
  });

  it.each([
    [
      "a negative input price",
      { model: "m", inputPerMTokUsd: -1, outputPerMTokUsd: 1 },
      "inputPerMTokUsd",
      "negative",
    ],
    [
      "a negative output price",
      { model: "m", inputPerMTokUsd: 1, outputPerMTokUsd: -0.01 },
      "outputPerMTokUsd",
      "negative",
    ],
    ["NaN", { model: "m", inputPerMTokUsd: Number.NaN, outputPerMTokUsd: 1 }, "inputPerMTokUsd", "number"],
    [
      "Infinity",
      { model: "m", inputPerMTokUsd: 1, outputPerMTokUsd: Infinity },
      "outputPerMTokUsd",
      "finite",
    ],
    [
      "a string",
      { model: "m", inputPerMTokUsd: "3" as unknown as number, outputPerMTokUsd: 1 },
      "inputPerMTokUsd",
      "number",
    ],
    ["an empty model id", { model: "  ", inputPerMTokUsd: 1, outputPerMTokUsd: 1 }, "model", "model id"],
    [
      "a huge price",
      { model: "m", inputPerMTokUsd: 1e9, outputPerMTokUsd: 1 },
      "inputPerMTokUsd",
      "too large",
    ],
  ])("rejects %s and writes nothing", (_name, input, field, text) => {
    let thrown: unknown;
    try {
      upsertModelPrice(input);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const err = thrown as AppError;
    expect(err.code).toBe("invalid:model_price");
    expect(err.fieldErrors?.[field]?.join(" ")).toContain(text);
    expect(db.select().from(modelPrices).all()).toEqual([]);
  });
});
