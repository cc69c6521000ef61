import "server-only";
import {
  CONNECTION_CHECK_PROMPT,
  CONNECTION_CHECK_SYSTEM,
  connectionCheckOutputSchema,
} from "@/lib/ai/prompts/connection-check";
import { AppError } from "@/lib/errors";
import { generate } from "./generate";
import type { LanguageModelV3 } from "./mock-model";
import { getLlmConfig } from "./providers";

export type ConnectionCheckResult = {
  ok: boolean;
  provider: string;
  model: string | null;
  latencyMs: number;
  reply?: string;
  error?: string;
};

// Short: the admin is waiting on a button, and a provider that needs longer is worth reporting.
const TEST_TIMEOUT_MS = 30_000;

/** Calls the configured model once, uncached, and reports what happened. Never throws. */
export async function checkLlmConnection({
  model,
  timeoutMs = TEST_TIMEOUT_MS,
}: {
  model?: LanguageModelV3;
  timeoutMs?: number;
} = {}): Promise<ConnectionCheckResult> {
  const config = getLlmConfig();
  const started = Date.now();
  if (!model && !config.configured) {
    return { ok: false, provider: config.provider, model: config.model, latencyMs: 0, error: config.problem };
  }
  try {
    const result = await generate({
      purpose: "test-connection",
      system: CONNECTION_CHECK_SYSTEM,
      prompt: CONNECTION_CHECK_PROMPT,
      schema: connectionCheckOutputSchema,
      cache: false,
      maxRetries: 0,
      timeoutMs,
      model,
    });
    return {
      ok: true,
      provider: result.provider,
      model: result.model,
      latencyMs: result.latencyMs,
      reply: result.object.message,
    };
  } catch (e) {
    return {
      ok: false,
      provider: model?.provider ?? config.provider,
      model: model?.modelId ?? config.model,
      latencyMs: Date.now() - started,
      error:
        e instanceof AppError ? e.message : `Unexpected error: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
