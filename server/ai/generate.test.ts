import { APICallError } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import { getRecentLlmCalls, upsertModelPrice } from "@/db/queries/ai";
import { resetTestDb } from "@/db/testing/db";
import { at } from "@/lib/assert";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { generate } from "./generate";

type GenerateResult = Awaited<ReturnType<MockLanguageModelV3["doGenerate"]>>;

function reply(text: string, { input = 10, output = 5 } = {}): GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: output, text: output, reasoning: 0 },
    },
    warnings: [],
  };
}

function apiError(status: number | undefined, headers?: Record<string, string>) {
  return new APICallError({
    message: status ? `Provider said HTTP ${status}` : "Cannot connect to API: connect ECONNREFUSED",
    url: "https://llm.example.test/v1/chat",
    requestBodyValues: {},
    statusCode: status,
    responseHeaders: headers,
    isRetryable: status === undefined || status === 429 || status >= 500,
  });
}

/** A model that answers from a script: each entry is a reply text or an error to throw. */
function scripted(steps: Array<string | Error>, modelId = "test-model") {
  let i = 0;
  return new MockLanguageModelV3({
    modelId,
    doGenerate: async () => {
      const step = at(steps, Math.min(i++, steps.length - 1));
      if (step instanceof Error) throw step;
      return reply(step);
    },
  });
}

/** Never settles and ignores the abort signal, like a stuck provider. */
function hanging() {
  return new MockLanguageModelV3({ doGenerate: () => new Promise<GenerateResult>(() => {}) });
}

async function captureError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected the call to fail");
}

const fast = { retryBaseDelayMs: 1 };

beforeEach(() => {
  vi.stubEnv("LLM_PROVIDER", "none");
  vi.stubEnv("LLM_CACHE", "true");
  vi.stubEnv("LLM_MAX_RETRIES", "2");
  vi.stubEnv("LLM_TIMEOUT_MS", "60000");
  resetEnvForTests();
  resetTestDb();
});

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("generate: text", () => {
  it("returns the text and logs one row with tokens, latency and cost from the default price", async () => {
    const model = new MockLanguageModelV3({
      modelId: "gpt-4o-mini",
      doGenerate: reply("Hello there", { input: 1000, output: 2000 }),
    });
    const r = await generate({ purpose: "unit", system: "Be brief.", prompt: "Say hello", model });

    expect(r.text).toBe("Hello there");
    expect(r.usage).toEqual({ inputTokens: 1000, outputTokens: 2000 });
    expect(r.attempts).toBe(1);
    expect(r.cached).toBe(false);
    // gpt-4o-mini: $0.15 in, $0.60 out per million tokens.
    expect(r.costUsd).toBeCloseTo(0.00015 + 0.0012, 10);

    const sent = at(model.doGenerateCalls, 0).prompt;
    expect(sent[0]).toEqual({ role: "system", content: "Be brief." });
    expect(JSON.stringify(sent[1])).toContain("Say hello");

    const rows = getRecentLlmCalls({ limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: r.callId,
      purpose: "unit",
      provider: "mock-provider",
      model: "gpt-4o-mini",
      inputTokens: 1000,
      outputTokens: 2000,
      latencyMs: r.latencyMs,
      cached: false,
      attempts: 1,
      error: null,
    });
    expect(rows[0]?.costUsd).toBeCloseTo(0.00135, 10);
  });

  it("uses an admin price over none, and reports null cost for an unpriced model", async () => {
    const unpriced = await generate({ purpose: "unit", prompt: "x", model: scripted(["a"]), cache: false });
    expect(unpriced.costUsd).toBeNull();

    upsertModelPrice({ model: "test-model", inputPerMTokUsd: 1, outputPerMTokUsd: 2 });
    const priced = await generate({ purpose: "unit", prompt: "x", model: scripted(["a"]), cache: false });
    // 10 input tokens at $1/M + 5 output at $2/M.
    expect(priced.costUsd).toBeCloseTo(0.00002, 12);
    expect(getRecentLlmCalls({ limit: 1 })[0]?.costUsd).toBeCloseTo(0.00002, 12);
  });

  it("throws unavailable:llm with setup instructions when no provider is configured, and logs it", async () => {
    const err = await captureError(generate({ purpose: "unit", prompt: "x" }));
    expect(err.code).toBe("unavailable:llm");
    expect(err.message).toContain("LLM_PROVIDER");
    const rows = getRecentLlmCalls({ limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: "none", attempts: 0, error: err.message });
  });
});

describe("generate: retries", () => {
  it("retries a 429 and succeeds on the second attempt, logging one row", async () => {
    const model = scripted([apiError(429), "ok now"]);
    const r = await generate({ purpose: "unit", prompt: "x", model, ...fast });
    expect(r.text).toBe("ok now");
    expect(r.attempts).toBe(2);
    expect(model.doGenerateCalls).toHaveLength(2);
    const rows = getRecentLlmCalls({ limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 2, error: null, inputTokens: 10, outputTokens: 5 });
  });

  it("gives up after maxRetries + 1 server errors and logs the error", async () => {
    const model = scripted([apiError(500)]);
    const err = await captureError(generate({ purpose: "unit", prompt: "x", model, maxRetries: 2, ...fast }));
    expect(err.code).toBe("unavailable:llm");
    expect(err.message).toContain("HTTP 500");
    expect(err.message).toContain("after 3 attempts");
    expect(model.doGenerateCalls).toHaveLength(3);
    const rows = getRecentLlmCalls({ limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 3, error: err.message, cached: false });
  });

  it("uses LLM_MAX_RETRIES when the caller gives none", async () => {
    vi.stubEnv("LLM_MAX_RETRIES", "1");
    resetEnvForTests();
    const model = scripted([apiError(503)]);
    await captureError(generate({ purpose: "unit", prompt: "x", model, ...fast }));
    expect(model.doGenerateCalls).toHaveLength(2);
  });

  it("reports a persistent 429 as rate limited", async () => {
    const model = scripted([apiError(429)]);
    const err = await captureError(generate({ purpose: "unit", prompt: "x", model, maxRetries: 1, ...fast }));
    expect(err.code).toBe("unavailable:llm_rate_limited");
    expect(err.message).toContain("HTTP 429");
    expect(model.doGenerateCalls).toHaveLength(2);
  });

  it("retries connection failures", async () => {
    const model = scripted([apiError(undefined), "reached"]);
    const r = await generate({ purpose: "unit", prompt: "x", model, ...fast });
    expect(r.text).toBe("reached");
    expect(r.attempts).toBe(2);
  });

  it.each([
    [400, "internal:llm", "HTTP 400"],
    [401, "unavailable:llm_auth", "API key"],
    [404, "unavailable:llm_model", "LLM_MODEL"],
    [422, "internal:llm", "HTTP 422"],
  ])("does not retry HTTP %i (%s)", async (status, code, text) => {
    const model = scripted([apiError(status), "never reached"]);
    const err = await captureError(generate({ purpose: "unit", prompt: "x", model, maxRetries: 3, ...fast }));
    expect(err.code).toBe(code);
    expect(err.message).toContain(text);
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(getRecentLlmCalls({ limit: 10 })[0]).toMatchObject({ attempts: 1, error: err.message });
  });

  it("waits for Retry-After when the provider asks for longer than the backoff", async () => {
    const model = scripted([apiError(429, { "retry-after-ms": "150" }), "done"]);
    const started = Date.now();
    const r = await generate({ purpose: "unit", prompt: "x", model, ...fast });
    expect(r.text).toBe("done");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe("generate: timeout and abort", () => {
  it("fails with unavailable:llm_timeout when an attempt hangs, without retrying", async () => {
    const model = hanging();
    const started = Date.now();
    const err = await captureError(
      generate({ purpose: "unit", prompt: "x", model, timeoutMs: 100, ...fast }),
    );
    expect(err.code).toBe("unavailable:llm_timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(model.doGenerateCalls[0]?.abortSignal?.aborted).toBe(true);
    const rows = getRecentLlmCalls({ limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.error).toContain("did not answer within 0.1 s");
  });

  it("stops at once when the caller aborts during an attempt", async () => {
    const model = hanging();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const err = await captureError(
      generate({ purpose: "unit", prompt: "x", model, signal: controller.signal, timeoutMs: 10_000 }),
    );
    expect(err.code).toBe("unavailable:llm_aborted");
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(getRecentLlmCalls({ limit: 10 })[0]).toMatchObject({ attempts: 1, error: err.message });
  });

  it("stops at once when the caller aborts during the backoff", async () => {
    const model = scripted([apiError(500)]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = Date.now();
    const err = await captureError(
      generate({ purpose: "unit", prompt: "x", model, signal: controller.signal, retryBaseDelayMs: 60_000 }),
    );
    expect(err.code).toBe("unavailable:llm_aborted");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it("does not call the model when the signal is already aborted", async () => {
    const model = scripted(["never"]);
    const err = await captureError(
      generate({ purpose: "unit", prompt: "x", model, signal: AbortSignal.abort(), cache: false }),
    );
    expect(err.code).toBe("unavailable:llm_aborted");
    expect(model.doGenerateCalls).toHaveLength(0);
    expect(getRecentLlmCalls({ limit: 10 })[0]).toMatchObject({ attempts: 0 });
  });
});

describe("generate: cache", () => {
  it("answers an identical second call from the cache and logs it as cached", async () => {
    const model = new MockLanguageModelV3({ modelId: "gpt-4o", doGenerate: reply("first answer") });
    const a = await generate({ purpose: "unit", system: "s", prompt: "same", temperature: 0, model });
    const b = await generate({ purpose: "unit", system: "s", prompt: "same", temperature: 0, model });

    expect(model.doGenerateCalls).toHaveLength(1);
    expect(b).toMatchObject({ text: "first answer", cached: true, attempts: 0, costUsd: 0 });
    expect(b.usage).toEqual({ inputTokens: 0, outputTokens: 0 });
    expect(a.cached).toBe(false);

    const rows = getRecentLlmCalls({ limit: 10 });
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.cached).sort()).toEqual([false, true]);
    expect(rows.find((r) => r.cached)).toMatchObject({ costUsd: 0, inputTokens: 0, attempts: 0 });
  });

  it("treats prompt and single-user-message forms as the same input", async () => {
    const model = scripted(["one"]);
    await generate({ purpose: "unit", prompt: "hi", model });
    const b = await generate({ purpose: "unit", messages: [{ role: "user", content: "hi" }], model });
    expect(b.cached).toBe(true);
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it.each([
    ["temperature", { temperature: 0.9 }],
    ["seed", { seed: 7 }],
    ["maxOutputTokens", { maxOutputTokens: 99 }],
    ["system", { system: "other" }],
  ])("misses the cache when %s differs", async (_name, change) => {
    const model = scripted(["a", "b"]);
    await generate({ purpose: "unit", prompt: "p", temperature: 0, model });
    const b = await generate({ purpose: "unit", prompt: "p", temperature: 0, model, ...change });
    expect(b.cached).toBe(false);
    expect(b.text).toBe("b");
    expect(model.doGenerateCalls).toHaveLength(2);
  });

  it("misses the cache for a different model id", async () => {
    await generate({ purpose: "unit", prompt: "p", model: scripted(["a"], "model-a") });
    const b = await generate({ purpose: "unit", prompt: "p", model: scripted(["b"], "model-b") });
    expect(b).toMatchObject({ cached: false, text: "b" });
  });

  it("skips the cache when the caller passes cache:false", async () => {
    const model = scripted(["a", "b"]);
    await generate({ purpose: "unit", prompt: "p", model });
    const b = await generate({ purpose: "unit", prompt: "p", model, cache: false });
    expect(b).toMatchObject({ cached: false, text: "b" });
    expect(model.doGenerateCalls).toHaveLength(2);
  });

  it("skips the cache when LLM_CACHE=false", async () => {
    vi.stubEnv("LLM_CACHE", "false");
    resetEnvForTests();
    const model = scripted(["a", "b"]);
    await generate({ purpose: "unit", prompt: "p", model });
    const b = await generate({ purpose: "unit", prompt: "p", model });
    expect(b).toMatchObject({ cached: false, text: "b" });
    expect(model.doGenerateCalls).toHaveLength(2);
  });

  it("does not cache failures", async () => {
    const model = scripted([apiError(400), "works"]);
    await captureError(generate({ purpose: "unit", prompt: "p", model }));
    const b = await generate({ purpose: "unit", prompt: "p", model });
    expect(b).toMatchObject({ cached: false, text: "works" });
  });
});

describe("generate: structured output", () => {
  const ideaSchema = z.object({
    title: z.string().min(3),
    score: z.number().int().min(1).max(10),
    tags: z.array(z.string()).min(1),
  });

  it("parses a valid JSON answer into a typed object and sends the JSON schema", async () => {
    const value = { title: "Graph search", score: 7, tags: ["ml"] };
    const model = scripted([JSON.stringify(value)]);
    const r = await generate({ purpose: "unit", prompt: "idea", model, schema: ideaSchema });

    expectTypeOf(r.object).toEqualTypeOf<{ title: string; score: number; tags: string[] }>();
    expect(r.object).toEqual(value);
    const format = at(model.doGenerateCalls, 0).responseFormat;
    expect(format?.type).toBe("json");
    expect(format?.type === "json" && format.schema?.required).toEqual(["title", "score", "tags"]);
  });

  it("accepts JSON wrapped in a markdown fence", async () => {
    const model = scripted(['Sure!\n```json\n{"title": "Fenced", "score": 2, "tags": ["a"]}\n```']);
    const r = await generate({ purpose: "unit", prompt: "idea", model, schema: ideaSchema });
    expect(r.object).toEqual({ title: "Fenced", score: 2, tags: ["a"] });
    expect(r.attempts).toBe(1);
  });

  it("retries a non-JSON answer once, then fails with invalid:llm_output and logs both attempts' tokens", async () => {
    const model = scripted(["I cannot answer in JSON, sorry."]);
    const err = await captureError(
      generate({ purpose: "unit", prompt: "idea", model, schema: ideaSchema, maxRetries: 3, ...fast }),
    );
    expect(err.code).toBe("invalid:llm_output");
    expect(err.message).toContain("not JSON");
    expect(model.doGenerateCalls).toHaveLength(2);
    const rows = getRecentLlmCalls({ limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 2, inputTokens: 20, outputTokens: 10, error: err.message });
  });

  it("names the offending field when JSON does not match the schema", async () => {
    const model = scripted(['{"title": "Ok title", "score": 42, "tags": ["x"]}']);
    const err = await captureError(
      generate({ purpose: "unit", prompt: "idea", model, schema: ideaSchema, maxRetries: 0 }),
    );
    expect(err.code).toBe("invalid:llm_output");
    expect(err.message).toMatch(/score: .*10/);
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it("succeeds when the retry after a malformed answer is valid", async () => {
    const model = scripted(["nope", '{"title": "Second", "score": 3, "tags": ["y"]}']);
    const r = await generate({ purpose: "unit", prompt: "idea", model, schema: ideaSchema, ...fast });
    expect(r.object.title).toBe("Second");
    expect(r.attempts).toBe(2);
  });

  it("serves a structured answer from the cache, re-validated", async () => {
    const model = scripted(['{"title": "Cached", "score": 5, "tags": ["c"]}']);
    await generate({ purpose: "unit", prompt: "idea", model, schema: ideaSchema });
    const b = await generate({ purpose: "unit", prompt: "idea", model, schema: ideaSchema });
    expect(b.cached).toBe(true);
    expect(b.object).toEqual({ title: "Cached", score: 5, tags: ["c"] });
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it("misses the cache when only the output schema differs", async () => {
    const model = scripted(['{"title": "Same", "score": 5, "tags": ["c"]}']);
    await generate({ purpose: "unit", prompt: "idea", model, schema: ideaSchema });
    const b = await generate({
      purpose: "unit",
      prompt: "idea",
      model,
      schema: ideaSchema.extend({ note: z.string().optional() }),
    });
    expect(b.cached).toBe(false);
    expect(model.doGenerateCalls).toHaveLength(2);
  });
});
