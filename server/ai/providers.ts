import "server-only";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { type Env, getEnv, type LlmProviderName } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  createMockEmbeddingModel,
  type EmbeddingModelV3,
  MOCK_EMBEDDING_MODEL_ID,
} from "./mock-embedding-model";
import { createMockModel, type LanguageModelV3, MOCK_MODEL_ID } from "./mock-model";

// The only file that names vendors. Everything else asks for "the model" and gets an AppError
// with setup instructions when there is none.

export type LlmConfig = {
  provider: LlmProviderName;
  /** The model id that will be called, or null when none can be chosen. */
  model: string | null;
  baseUrl: string | null;
  configured: boolean;
  /** What to put in .env to make it work; present exactly when configured is false. */
  problem?: string;
};

export const DEFAULT_MODELS: Partial<Record<LlmProviderName, string>> = {
  openai: "gpt-4o-mini",
  anthropic: "claude-sonnet-4-5",
  mock: MOCK_MODEL_ID,
};

const RESTART = "then restart the app.";

const NOT_CONFIGURED =
  "No LLM provider is configured. Set LLM_PROVIDER in .env to one of: " +
  "openai (with OPENAI_API_KEY), anthropic (with ANTHROPIC_API_KEY), or openai-compatible " +
  "(with LLM_BASE_URL and LLM_MODEL, e.g. Ollama at http://localhost:11434/v1), " +
  RESTART;

function apiKeyFor(env: Env): string | undefined {
  if (env.LLM_PROVIDER === "openai") return env.OPENAI_API_KEY ?? env.LLM_API_KEY;
  if (env.LLM_PROVIDER === "anthropic") return env.ANTHROPIC_API_KEY ?? env.LLM_API_KEY;
  return env.LLM_API_KEY;
}

function describeConfig(env: Env): LlmConfig {
  const provider = env.LLM_PROVIDER;
  const model = env.LLM_MODEL ?? DEFAULT_MODELS[provider] ?? null;
  const baseUrl = env.LLM_BASE_URL ?? null;
  const base = { provider, model, baseUrl };
  const fail = (problem: string): LlmConfig => ({ ...base, configured: false, problem });

  switch (provider) {
    case "none":
      return { ...base, model: null, configured: false, problem: NOT_CONFIGURED };
    case "openai":
      if (!apiKeyFor(env))
        return fail(
          `LLM_PROVIDER=openai needs an API key: set OPENAI_API_KEY (or LLM_API_KEY) in .env, ${RESTART}`,
        );
      break;
    case "anthropic":
      if (!apiKeyFor(env))
        return fail(
          `LLM_PROVIDER=anthropic needs an API key: set ANTHROPIC_API_KEY (or LLM_API_KEY) in .env, ${RESTART}`,
        );
      break;
    case "openai-compatible": {
      const missing: string[] = [];
      if (!baseUrl)
        missing.push(
          "LLM_BASE_URL, the server's OpenAI-compatible endpoint (Ollama: http://localhost:11434/v1)",
        );
      if (!env.LLM_MODEL)
        missing.push("LLM_MODEL, a model name the server knows (Ollama: one listed by `ollama list`)");
      if (missing.length > 0)
        return fail(
          `LLM_PROVIDER=openai-compatible needs ${missing.join(" and ")}. ` +
            `LLM_API_KEY is optional. Set them in .env, ${RESTART}`,
        );
      break;
    }
    case "mock":
      break;
  }
  return { ...base, configured: true };
}

/** The LLM settings from the environment, with a how-to-fix message when they are incomplete. */
export function getLlmConfig(): LlmConfig {
  try {
    return describeConfig(getEnv());
  } catch (e) {
    // A malformed .env (say LLM_PROVIDER=gpt) must show up on the status page, not crash it.
    const message = e instanceof Error ? e.message : String(e);
    return { provider: "none", model: null, baseUrl: null, configured: false, problem: message };
  }
}

/**
 * The configured AI SDK model; throws AppError("unavailable:llm") with setup instructions. `modelId`
 * picks another model of the configured provider (an ideation run's chosen model).
 */
export function getLanguageModel({ modelId }: { modelId?: string } = {}): LanguageModelV3 {
  const configured = getLlmConfig();
  const config = modelId && configured.configured ? { ...configured, model: modelId } : configured;
  if (!config.configured || !config.model) {
    throw new AppError("unavailable:llm", config.problem ?? NOT_CONFIGURED);
  }
  const env = getEnv();
  const apiKey = apiKeyFor(env);
  const baseURL = config.baseUrl ?? undefined;
  switch (config.provider) {
    case "openai":
      return createOpenAI({ apiKey, baseURL })(config.model);
    case "anthropic":
      return createAnthropic({ apiKey, baseURL })(config.model);
    case "openai-compatible":
      return createOpenAICompatible({
        name: "openai-compatible",
        baseURL: config.baseUrl as string,
        apiKey,
        // Ollama, vLLM and LM Studio accept json_schema; without it the model never sees the schema.
        supportsStructuredOutputs: true,
        includeUsage: true,
      })(config.model);
    case "mock":
      return createMockModel({ modelId: config.model });
    default:
      throw new AppError("unavailable:llm", NOT_CONFIGURED);
  }
}

export type EmbeddingModelChoice = { provider: LlmProviderName; modelId: string; model: EmbeddingModelV3 };

/**
 * The embedding model for literature search: LLM_EMBEDDING_MODEL on the configured OpenAI or
 * OpenAI-compatible provider (e.g. Ollama's nomic-embed-text), or the deterministic mock embedding
 * under LLM_PROVIDER=mock. Null when there is none: no provider configured, no LLM_EMBEDDING_MODEL,
 * or Anthropic, which offers no embedding model. Search is then BM25 alone.
 */
export function getEmbeddingModel(): EmbeddingModelChoice | null {
  const config = getLlmConfig();
  if (!config.configured) return null;
  const env = getEnv();
  const apiKey = apiKeyFor(env);
  const baseURL = config.baseUrl ?? undefined;
  const modelId = env.LLM_EMBEDDING_MODEL;
  const choice = (model: EmbeddingModelV3) => ({ provider: config.provider, modelId: model.modelId, model });
  switch (config.provider) {
    case "mock":
      return choice(createMockEmbeddingModel({ modelId: modelId ?? MOCK_EMBEDDING_MODEL_ID }));
    case "openai":
      return modelId ? choice(createOpenAI({ apiKey, baseURL }).embedding(modelId)) : null;
    case "openai-compatible":
      return modelId
        ? choice(
            createOpenAICompatible({
              name: "openai-compatible",
              baseURL: config.baseUrl as string,
              apiKey,
            }).embeddingModel(modelId),
          )
        : null;
    default:
      // Anthropic has no embedding model; "none" is not configured.
      return null;
  }
}
