import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getEmbeddingModel, getLanguageModel, getLlmConfig } from "./providers";

const LLM_VARS = [
  "LLM_PROVIDER",
  "LLM_MODEL",
  "LLM_BASE_URL",
  "LLM_API_KEY",
  "OPENAI_API_KEY",
  "ANTHROPIC_API_KEY",
  "LLM_EMBEDDING_MODEL",
];

function setEnv(vars: Record<string, string>) {
  // Blank first so a developer's real keys never leak into a case.
  for (const name of LLM_VARS) vi.stubEnv(name, "");
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  resetEnvForTests();
}

beforeEach(() => setEnv({}));
afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

function expectUnavailable(mustMention: string[]) {
  const config = getLlmConfig();
  expect(config.configured).toBe(false);
  for (const text of mustMention) expect(config.problem).toContain(text);
  let thrown: unknown;
  try {
    getLanguageModel();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(AppError);
  expect((thrown as AppError).code).toBe("unavailable:llm");
  expect((thrown as AppError).message).toBe(config.problem);
}

describe("getLlmConfig / getLanguageModel: not configured", () => {
  it("explains how to configure a provider when none is set", () => {
    setEnv({});
    expect(getLlmConfig()).toMatchObject({ provider: "none", model: null, configured: false });
    expectUnavailable([
      "No LLM provider is configured",
      "OPENAI_API_KEY",
      "LLM_BASE_URL",
      "http://localhost:11434/v1",
    ]);
  });

  it.each([
    ["openai", {}, ["OPENAI_API_KEY"]],
    ["anthropic", {}, ["ANTHROPIC_API_KEY"]],
    ["openai-compatible", {}, ["LLM_BASE_URL", "LLM_MODEL"]],
    ["openai-compatible", { LLM_MODEL: "llama3.1:8b" }, ["LLM_BASE_URL"]],
    ["openai-compatible", { LLM_BASE_URL: "http://localhost:11434/v1" }, ["LLM_MODEL", "ollama list"]],
  ] as const)("%s with %o names what is missing", (provider, extra, mention) => {
    setEnv({ LLM_PROVIDER: provider, ...extra });
    expect(getLlmConfig().provider).toBe(provider);
    expectUnavailable([...mention]);
  });

  it("does not ask for a variable that is already set", () => {
    setEnv({ LLM_PROVIDER: "openai-compatible", LLM_MODEL: "llama3.1:8b" });
    expect(getLlmConfig().problem).not.toContain("LLM_MODEL,");
  });

  it("reports a malformed .env instead of throwing", () => {
    setEnv({ LLM_PROVIDER: "gpt" });
    const config = getLlmConfig();
    expect(config.configured).toBe(false);
    expect(config.problem).toContain("LLM_PROVIDER");
  });
});

describe("getLlmConfig / getLanguageModel: configured", () => {
  it("openai uses OPENAI_API_KEY and defaults to gpt-4o-mini", () => {
    setEnv({ LLM_PROVIDER: "openai", OPENAI_API_KEY: "sk-test" });
    expect(getLlmConfig()).toEqual({
      provider: "openai",
      model: "gpt-4o-mini",
      baseUrl: null,
      configured: true,
    });
    const model = getLanguageModel();
    expect(model.modelId).toBe("gpt-4o-mini");
    expect(model.provider).toMatch(/^openai\./);
  });

  it("openai accepts LLM_API_KEY and LLM_MODEL", () => {
    setEnv({ LLM_PROVIDER: "openai", LLM_API_KEY: "sk-test", LLM_MODEL: "gpt-4.1" });
    expect(getLlmConfig()).toMatchObject({ configured: true, model: "gpt-4.1" });
    expect(getLanguageModel().modelId).toBe("gpt-4.1");
  });

  it("anthropic uses ANTHROPIC_API_KEY and defaults to claude-sonnet-4-5", () => {
    setEnv({ LLM_PROVIDER: "anthropic", ANTHROPIC_API_KEY: "sk-ant-test" });
    expect(getLlmConfig()).toMatchObject({ configured: true, model: "claude-sonnet-4-5" });
    const model = getLanguageModel();
    expect(model.modelId).toBe("claude-sonnet-4-5");
    expect(model.provider).toMatch(/^anthropic\./);
  });

  it("openai-compatible needs no API key", () => {
    setEnv({
      LLM_PROVIDER: "openai-compatible",
      LLM_BASE_URL: "http://localhost:11434/v1",
      LLM_MODEL: "llama3.1:8b",
    });
    expect(getLlmConfig()).toEqual({
      provider: "openai-compatible",
      model: "llama3.1:8b",
      baseUrl: "http://localhost:11434/v1",
      configured: true,
    });
    const model = getLanguageModel();
    expect(model.modelId).toBe("llama3.1:8b");
    expect(model.provider).toMatch(/^openai-compatible\./);
  });

  it("mock selects the deterministic mock model", () => {
    setEnv({ LLM_PROVIDER: "mock" });
    expect(getLlmConfig()).toMatchObject({ provider: "mock", model: "mock", configured: true });
    const model = getLanguageModel();
    expect(model.provider).toBe("mock");
    expect(model.modelId).toBe("mock");
  });
});

describe("getEmbeddingModel", () => {
  it("is null without a provider, without LLM_EMBEDDING_MODEL, and for anthropic (it has none)", () => {
    expect(getEmbeddingModel()).toBeNull();
    setEnv({ LLM_PROVIDER: "openai", OPENAI_API_KEY: "sk-test" });
    expect(getEmbeddingModel()).toBeNull();
    setEnv({ LLM_PROVIDER: "anthropic", ANTHROPIC_API_KEY: "sk-test", LLM_EMBEDDING_MODEL: "voyage-3" });
    expect(getEmbeddingModel()).toBeNull();
  });

  it("openai and openai-compatible give LLM_EMBEDDING_MODEL as an AI SDK embedding model", () => {
    setEnv({
      LLM_PROVIDER: "openai",
      OPENAI_API_KEY: "sk-test",
      LLM_EMBEDDING_MODEL: "text-embedding-3-small",
    });
    const openai = getEmbeddingModel();
    expect(openai).toMatchObject({ provider: "openai", modelId: "text-embedding-3-small" });
    expect(openai?.model.specificationVersion).toBe("v3");
    setEnv({
      LLM_PROVIDER: "openai-compatible",
      LLM_BASE_URL: "http://localhost:11434/v1",
      LLM_MODEL: "llama3.1",
      LLM_EMBEDDING_MODEL: "nomic-embed-text",
    });
    expect(getEmbeddingModel()).toMatchObject({ provider: "openai-compatible", modelId: "nomic-embed-text" });
  });

  it("mock gives the deterministic hashed embedding, under its own name unless one is set", async () => {
    setEnv({ LLM_PROVIDER: "mock" });
    const mock = getEmbeddingModel();
    expect(mock?.modelId).toBe("mock-embedding");
    const a = await mock?.model.doEmbed({ values: ["graph networks", "graph networks"] });
    expect(a?.embeddings[0]).toEqual(a?.embeddings[1]);
    expect(a?.embeddings[0]).toHaveLength(64);
    expect(a?.usage).toEqual({ tokens: 4 });
    setEnv({ LLM_PROVIDER: "mock", LLM_EMBEDDING_MODEL: "mock-embed-2" });
    expect(getEmbeddingModel()?.modelId).toBe("mock-embed-2");
  });
});
