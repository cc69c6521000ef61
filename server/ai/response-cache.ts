import "server-only";
import { createHash } from "node:crypto";
import { getCachedResponse, putCachedResponse } from "@/db/queries/ai";

// generate()'s response cache: the key is a hash of everything that shapes a model's answer, and a
// cache failure is logged and treated as a miss (it must never cost an answer that was paid for).

const CACHE_KEY_VERSION = 1;

/** JSON with sorted keys, so equal inputs hash equally whatever order they were built in. */
function canonicalJson(value: unknown): string {
  const normalize = (v: unknown): unknown => {
    if (v instanceof URL) return v.href;
    if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
    if (Array.isArray(v)) return v.map(normalize);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => [k, normalize((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(normalize(value));
}

/** The cache key of one call: equal for calls that would get the same answer from the same model. */
export function responseCacheKey(parts: {
  provider: string;
  model: string;
  system: string | null;
  messages: unknown;
  temperature: number | null;
  maxOutputTokens: number | null;
  seed: number | null;
  schema: unknown;
}): string {
  return createHash("sha256")
    .update(canonicalJson({ v: CACHE_KEY_VERSION, ...parts }))
    .digest("hex");
}

// The cache stores the raw text; structured answers are re-parsed on a hit, so a cache entry never
// bypasses validation.
export function readCache(key: string): { text: string } | undefined {
  try {
    const row = getCachedResponse({ key });
    const response = row?.response as { text?: unknown } | undefined;
    return typeof response?.text === "string" ? { text: response.text } : undefined;
  } catch (e) {
    console.error("[llm] could not read the response cache", e);
    return undefined;
  }
}

export function writeCache({
  key,
  model,
  text,
  usage,
}: {
  key: string;
  model: string;
  text: string;
  usage: { inputTokens: number; outputTokens: number };
}) {
  try {
    putCachedResponse({ key, model, response: { text }, ...usage });
  } catch (e) {
    console.error("[llm] could not write the response cache", e);
  }
}
