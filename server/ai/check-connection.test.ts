import { APICallError } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getRecentLlmCalls } from "@/db/queries/ai";
import { resetTestDb } from "@/db/testing/db";
import { resetEnvForTests } from "@/lib/env";
import { checkLlmConnection } from "./check-connection";

function setProvider(provider: string) {
  for (const name of ["LLM_MODEL", "LLM_BASE_URL", "LLM_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY"]) {
    vi.stubEnv(name, "");
  }
  vi.stubEnv("LLM_PROVIDER", provider);
  resetEnvForTests();
}

beforeEach(() => {
  resetTestDb();
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

describe("checkLlmConnection", () => {
  it("reports the setup problem without calling or logging anything when unconfigured", async () => {
    setProvider("none");
    const r = await checkLlmConnection();
    expect(r.ok).toBe(false);
    expect(r.provider).toBe("none");
    expect(r.error).toContain("No LLM provider is configured");
    expect(getRecentLlmCalls({ limit: 5 })).toHaveLength(0);
  });

  it("succeeds against the mock provider, uncached, with one log row per test", async () => {
    setProvider("mock");
    const first = await checkLlmConnection();
    const second = await checkLlmConnection();
    expect(first).toMatchObject({ ok: true, provider: "mock", model: "mock" });
    expect(first.reply?.length).toBeGreaterThan(0);
    expect(first.error).toBeUndefined();
    expect(second.ok).toBe(true);

    const rows = getRecentLlmCalls({ limit: 5 });
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatchObject({ purpose: "test-connection", cached: false, error: null });
  });

  it("returns the provider's error instead of throwing", async () => {
    setProvider("none");
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new APICallError({
          message: "Incorrect API key provided",
          url: "https://llm.example.test",
          requestBodyValues: {},
          statusCode: 401,
        });
      },
    });
    const r = await checkLlmConnection({ model });
    expect(r.ok).toBe(false);
    expect(r.provider).toBe("mock-provider");
    expect(r.error).toContain("HTTP 401");
    expect(r.error).toContain("Incorrect API key");
    expect(getRecentLlmCalls({ limit: 5 })[0]).toMatchObject({ purpose: "test-connection", attempts: 1 });
  });

  it("fails a model that cannot produce the JSON answer", async () => {
    setProvider("none");
    const model = new MockLanguageModelV3({
      doGenerate: {
        content: [{ type: "text", text: "Hello! I am fine." }],
        finishReason: { unified: "stop", raw: "stop" },
        usage: {
          inputTokens: { total: 5, noCache: 5, cacheRead: 0, cacheWrite: 0 },
          outputTokens: { total: 5, text: 5, reasoning: 0 },
        },
        warnings: [],
      },
    });
    const r = await checkLlmConnection({ model });
    expect(r.ok).toBe(false);
    expect(r.error).toContain("expected format");
  });
});
