import "server-only";
import {
  asSchema,
  generateText,
  type LanguageModelUsage,
  type ModelMessage,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
} from "ai";
import type { z } from "zod";
import { getModelPrice, insertLlmCall } from "@/db/queries/ai";
import { estimateCostUsd } from "@/lib/ai/prices";
import { parseStructuredText } from "@/lib/ai/structured-text";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  AttemptTimeout,
  CallerAbort,
  classify,
  errorMessage,
  type Failure,
  invalidOutput,
} from "./attempt-errors";
import type { LanguageModelV3 } from "./mock-model";
import { getLanguageModel, getLlmConfig } from "./providers";
import { readCache, responseCacheKey, writeCache } from "./response-cache";

// The one way the app calls a model. Policy, in one place:
// - Retries (exponential backoff with jitter, Retry-After honoured) only for HTTP 429, 408, 5xx and
//   connection failures. Other 4xx mean the request itself is wrong; repeating it cannot help.
// - Each attempt has its own timeout (LLM_TIMEOUT_MS). A timed-out attempt is not retried: the
//   limit is already generous, and retrying would multiply the user's wait.
// - The caller's signal stops everything at once, backoff included, with no further attempt.
// - Structured output is validated with the caller's zod schema. An answer that does not match
//   is retried once (models are stochastic), then fails as "invalid:llm_output".
// - Responses are cached by a hash of everything that shapes the answer; a hit skips the model.
// - Exactly one llm_calls row per generate() call: success, cache hit, or final error.

type PromptInput = { prompt: string; messages?: never } | { messages: ModelMessage[]; prompt?: never };

export type GenerateOptions = PromptInput & {
  /** What the call is for ("normalize-idea", "test-connection", ...); groups the cost report. */
  purpose: string;
  studyId?: string | null;
  jobId?: string | null;
  system?: string;
  temperature?: number;
  maxOutputTokens?: number;
  seed?: number;
  /** Per attempt; default LLM_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Extra attempts after the first; default LLM_MAX_RETRIES. */
  maxRetries?: number;
  /**
   * Default true (and LLM_CACHE). Identical input returns the stored answer, so callers that want
   * several independent samples of one prompt pass cache:false or a different seed.
   */
  cache?: boolean;
  signal?: AbortSignal;
  /** Overrides the configured model (tests). */
  model?: LanguageModelV3;
  /** First backoff delay; doubles per retry. Default 1000 ms; tests pass ~1. */
  retryBaseDelayMs?: number;
};

export type GenerateResultBase = {
  /** Tokens this call consumed (0 for a cache hit). */
  usage: { inputTokens: number; outputTokens: number };
  cached: boolean;
  /** Wall time of the whole call, retries and backoff included. */
  latencyMs: number;
  /** Null when the model has no price. */
  costUsd: number | null;
  /** The llm_calls row; null only if logging itself failed. */
  callId: string | null;
  /** Model calls made (0 for a cache hit). */
  attempts: number;
  provider: string;
  model: string;
};
export type GenerateTextResult = GenerateResultBase & { text: string };
export type GenerateObjectResult<T> = GenerateResultBase & { object: T; text: string };

const DEFAULT_RETRY_BASE_DELAY_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
const MAX_RETRY_AFTER_MS = 60_000;
const MAX_INVALID_OUTPUT_RETRIES = 1;

// --- helpers -----------------------------------------------------------------------------------

function sleep({ ms, signal }: { ms: number; signal: AbortSignal | undefined }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CallerAbort());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CallerAbort());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function tokens(usage: LanguageModelUsage | undefined) {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}

function priceFor(model: string) {
  try {
    return getModelPrice({ model });
  } catch (e) {
    console.error("[llm] could not read the price table", e);
    return null;
  }
}

// Logging is best effort: a failed log write must not throw away an answer that was paid for.
// The llm_calls row of a call that failed, by its thrown error: the tokens a failed call spent are
// logged and costed there, and a caller that keeps its own record (an ideation run) links to it.
const failedCalls = new WeakMap<object, string>();

/** The llm_calls id logged for the call that threw `error` (null when it was not a generate() failure). */
export function failedCallId(error: unknown): string | null {
  return typeof error === "object" && error !== null ? (failedCalls.get(error) ?? null) : null;
}

function logCall(row: Parameters<typeof insertLlmCall>[0]): string | null {
  try {
    return insertLlmCall(row).id;
  } catch (e) {
    console.error("[llm] could not log the call", e);
    return null;
  }
}

// --- one attempt ---------------------------------------------------------------------------------

type AttemptOutput = { text: string; object?: unknown; usage: { inputTokens: number; outputTokens: number } };

type AttemptInput = {
  model: LanguageModelV3;
  system?: string;
  messages: ModelMessage[];
  schema?: z.ZodType;
  temperature?: number;
  maxOutputTokens?: number;
  seed?: number;
  timeoutMs: number;
  signal?: AbortSignal;
};

/** Rejects as soon as the signal fires, even if the provider ignores it and never settles. */
function raceAbort<T>({ promise, signal }: { promise: Promise<T>; signal: AbortSignal }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

async function runAttempt(input: AttemptInput): Promise<AttemptOutput> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new AttemptTimeout());
  }, input.timeoutMs);
  const onCallerAbort = () => controller.abort(new CallerAbort());
  input.signal?.addEventListener("abort", onCallerAbort, { once: true });
  if (input.signal?.aborted) onCallerAbort();

  const common = {
    model: input.model,
    system: input.system,
    messages: input.messages,
    temperature: input.temperature,
    maxOutputTokens: input.maxOutputTokens,
    seed: input.seed,
    // Our loop owns retries; the SDK's own would multiply them and ignore our logging.
    maxRetries: 0,
    abortSignal: controller.signal,
  };
  try {
    if (input.schema) {
      const schema = input.schema;
      const result = await raceAbort({
        promise: generateText({ ...common, output: Output.object({ schema }) }),
        signal: controller.signal,
      });
      return { text: result.text, object: result.output, usage: tokens(result.totalUsage) };
    }
    const result = await raceAbort({ promise: generateText(common), signal: controller.signal });
    return { text: result.text, usage: tokens(result.totalUsage) };
  } catch (e) {
    if (input.signal?.aborted) throw new CallerAbort();
    if (timedOut) throw new AttemptTimeout();
    throw e;
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener("abort", onCallerAbort);
  }
}

// --- generate ----------------------------------------------------------------------------------

/**
 * Calls the configured model (text, or an object validated by `schema`), with caching, retries,
 * per-attempt timeout and one llm_calls log row. Throws AppError: unavailable:llm (not configured,
 * provider down), unavailable:llm_rate_limited, unavailable:llm_timeout, unavailable:llm_aborted,
 * unavailable:llm_auth, unavailable:llm_model, invalid:llm_output, internal:llm.
 */
export function generate<S extends z.ZodType>(
  options: GenerateOptions & { schema: S },
): Promise<GenerateObjectResult<z.output<S>>>;
export function generate(options: GenerateOptions & { schema?: undefined }): Promise<GenerateTextResult>;
export async function generate(
  options: GenerateOptions & { schema?: z.ZodType },
): Promise<GenerateTextResult | GenerateObjectResult<unknown>> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const { purpose, signal, schema } = options;
  const studyId = options.studyId ?? null;
  const jobId = options.jobId ?? null;

  let model: LanguageModelV3;
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
    model = options.model ?? getLanguageModel();
  } catch (e) {
    const config = getLlmConfig();
    const error =
      e instanceof AppError
        ? e
        : new AppError("unavailable:llm", config.problem ?? errorMessage(e), { cause: e });
    const callId = logCall({
      purpose,
      studyId,
      jobId,
      provider: config.provider,
      model: config.model ?? "",
      inputTokens: 0,
      outputTokens: 0,
      latencyMs: elapsed(),
      costUsd: null,
      cached: false,
      attempts: 0,
      error: error.message,
    });
    if (callId) failedCalls.set(error, callId);
    throw error;
  }

  const provider = model.provider;
  const modelId = model.modelId;
  const maxRetries = options.maxRetries ?? env.LLM_MAX_RETRIES;
  const timeoutMs = options.timeoutMs ?? env.LLM_TIMEOUT_MS;
  const baseDelay = options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
  const useCache = (options.cache ?? true) && env.LLM_CACHE;
  const messages: ModelMessage[] = options.messages ?? [{ role: "user", content: options.prompt ?? "" }];
  const logBase = { purpose, studyId, jobId, provider, model: modelId };

  const finish = (
    out: { text: string; object?: unknown },
    meta: { usage: AttemptOutput["usage"]; cached: boolean; attempts: number; costUsd: number | null },
  ) => {
    const latencyMs = elapsed();
    const callId = logCall({
      ...logBase,
      ...meta.usage,
      latencyMs,
      costUsd: meta.costUsd,
      cached: meta.cached,
      attempts: meta.attempts,
    });
    const base = { ...meta, latencyMs, callId, provider, model: modelId, text: out.text };
    return schema ? { ...base, object: out.object } : base;
  };

  let cacheKey: string | undefined;
  if (useCache) {
    const jsonSchema = schema ? await asSchema(schema).jsonSchema : null;
    cacheKey = responseCacheKey({
      provider,
      model: modelId,
      system: options.system ?? null,
      messages,
      temperature: options.temperature ?? null,
      maxOutputTokens: options.maxOutputTokens ?? null,
      seed: options.seed ?? null,
      schema: jsonSchema,
    });
    const hit = readCache(cacheKey);
    if (hit !== undefined) {
      // Re-validated: a refinement can change without changing the JSON schema in the key.
      const parsed = schema
        ? parseStructuredText({ text: hit.text, schema })
        : { ok: true as const, value: undefined };
      if (parsed.ok) {
        return finish(
          { text: hit.text, object: parsed.value },
          { usage: { inputTokens: 0, outputTokens: 0 }, cached: true, attempts: 0, costUsd: 0 },
        );
      }
    }
  }

  const usage = { inputTokens: 0, outputTokens: 0 };
  let attempts = 0;
  let invalidRetries = 0;
  const fail = (failure: Failure): never => {
    const error = new AppError(failure.code, failure.message(attempts));
    const callId = logCall({
      ...logBase,
      ...usage,
      latencyMs: elapsed(),
      costUsd: estimateCostUsd({ price: priceFor(modelId), ...usage }),
      cached: false,
      attempts,
      error: error.message,
    });
    if (callId) failedCalls.set(error, callId);
    throw error;
  };

  for (;;) {
    if (signal?.aborted) fail(classify({ error: new CallerAbort(), modelId, timeoutMs }));
    attempts++;
    let failure: Failure;
    try {
      const out = await runAttempt({
        model,
        system: options.system,
        messages,
        schema,
        temperature: options.temperature,
        maxOutputTokens: options.maxOutputTokens,
        seed: options.seed,
        timeoutMs,
        signal,
      });
      usage.inputTokens += out.usage.inputTokens;
      usage.outputTokens += out.usage.outputTokens;
      if (cacheKey) writeCache({ key: cacheKey, model: modelId, text: out.text, usage: out.usage });
      const costUsd = estimateCostUsd({ price: priceFor(modelId), ...usage });
      return finish(out, { usage: { ...usage }, cached: false, attempts, costUsd });
    } catch (e) {
      if (schema && NoObjectGeneratedError.isInstance(e)) {
        const spent = tokens(e.usage);
        usage.inputTokens += spent.inputTokens;
        usage.outputTokens += spent.outputTokens;
        const repaired = parseStructuredText({ text: e.text ?? "", schema });
        if (repaired.ok) {
          if (cacheKey) writeCache({ key: cacheKey, model: modelId, text: e.text ?? "", usage: spent });
          const costUsd = estimateCostUsd({ price: priceFor(modelId), ...usage });
          return finish(
            { text: e.text ?? "", object: repaired.value },
            { usage: { ...usage }, cached: false, attempts, costUsd },
          );
        }
        const cutOff = e.finishReason === "length" ? " (the answer was cut off: raise maxOutputTokens)" : "";
        failure = invalidOutput(`${repaired.reason}${cutOff}`);
      } else if (schema && NoOutputGeneratedError.isInstance(e)) {
        failure = invalidOutput("the model returned no answer");
      } else {
        failure = classify({ error: e, modelId, timeoutMs });
      }
    }

    const mayRetry =
      failure.retryable &&
      attempts <= maxRetries &&
      (!failure.invalidOutput || invalidRetries++ < MAX_INVALID_OUTPUT_RETRIES);
    if (!mayRetry) fail(failure);

    const backoff = Math.min(MAX_BACKOFF_MS, baseDelay * 2 ** (attempts - 1)) * (0.5 + Math.random() * 0.5);
    const delay = Math.max(backoff, Math.min(failure.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
    try {
      await sleep({ ms: delay, signal });
    } catch (e) {
      fail(classify({ error: e, modelId, timeoutMs }));
    }
  }
}
