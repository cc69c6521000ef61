import "server-only";
import { APICallError, RetryError } from "ai";
import { AppError, type ErrorCode } from "@/lib/errors";

export class AttemptTimeout extends Error {}
export class CallerAbort extends Error {}

// How generate() classifies a failed attempt: retry or not, and which AppError the caller finally sees.

export function shorten(text: string): string {
  const max = 300;
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function retryAfterMs(e: APICallError): number | undefined {
  const headers = e.responseHeaders ?? {};
  const ms = Number.parseFloat(headers["retry-after-ms"] ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers["retry-after"];
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function isConnectionError(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

export type Failure = {
  retryable: boolean;
  /** Counts against the one retry allowed for malformed answers. */
  invalidOutput?: boolean;
  code: ErrorCode;
  message: (attempts: number) => string;
  retryAfterMs?: number;
};

export function afterAttempts(n: number) {
  return n > 1 ? ` after ${n} attempts` : "";
}

export function classify({
  error,
  modelId,
  timeoutMs,
}: {
  error: unknown;
  modelId: string;
  timeoutMs: number;
}): Failure {
  const e = RetryError.isInstance(error) ? error.lastError : error;
  if (e instanceof CallerAbort) {
    return {
      retryable: false,
      code: "unavailable:llm_aborted",
      message: () => "The model call was cancelled.",
    };
  }
  if (e instanceof AttemptTimeout) {
    return {
      retryable: false,
      code: "unavailable:llm_timeout",
      message: () =>
        `The model did not answer within ${Math.round(timeoutMs / 100) / 10} s. Try again; if this keeps ` +
        "happening, raise LLM_TIMEOUT_MS in .env (slow local models can need minutes).",
    };
  }
  if (e instanceof AppError) return { retryable: false, code: e.code, message: () => e.message };
  if (APICallError.isInstance(e)) {
    const status = e.statusCode;
    const detail = shorten(e.message);
    if (status === 429) {
      return {
        retryable: true,
        code: "unavailable:llm_rate_limited",
        retryAfterMs: retryAfterMs(e),
        message: (n) =>
          `The model provider is rate-limiting requests (HTTP 429)${afterAttempts(n)}. ` +
          "Wait a minute and try again, or lower JOB_CONCURRENCY.",
      };
    }
    if (status !== undefined && (status >= 500 || status === 408)) {
      return {
        retryable: true,
        code: "unavailable:llm",
        retryAfterMs: retryAfterMs(e),
        message: (n) => `The model provider failed (HTTP ${status})${afterAttempts(n)}: ${detail}`,
      };
    }
    if (status === 401 || status === 403) {
      return {
        retryable: false,
        code: "unavailable:llm_auth",
        message: () =>
          `The model provider rejected the API key (HTTP ${status}). Check the key in .env: ${detail}`,
      };
    }
    if (status === 404) {
      return {
        retryable: false,
        code: "unavailable:llm_model",
        message: () =>
          `The model provider does not know model "${modelId}" or the endpoint (HTTP 404). ` +
          `Check LLM_MODEL and LLM_BASE_URL: ${detail}`,
      };
    }
    if (status === undefined && e.isRetryable) {
      return {
        retryable: true,
        code: "unavailable:llm",
        message: (n) =>
          `Could not reach the model provider at ${e.url}${afterAttempts(n)}: ${detail}. ` +
          "Check that it is running and that LLM_BASE_URL is right.",
      };
    }
    return {
      retryable: false,
      code: "internal:llm",
      message: () => `The model provider rejected the request${status ? ` (HTTP ${status})` : ""}: ${detail}`,
    };
  }
  if (isConnectionError(e)) {
    return {
      retryable: true,
      code: "unavailable:llm",
      message: (n) => `Could not reach the model provider${afterAttempts(n)}: ${shorten(errorMessage(e))}`,
    };
  }
  return {
    retryable: false,
    code: "internal:llm",
    message: () => `The model call failed: ${shorten(errorMessage(e))}`,
  };
}

export function invalidOutput(reason: string): Failure {
  return {
    retryable: true,
    invalidOutput: true,
    code: "invalid:llm_output",
    message: (n) =>
      `The model's answer did not match the expected format${afterAttempts(n)}: ${shorten(reason)}`,
  };
}
