import { APICallError, type LanguageModel } from "ai";
import {
  extractJudgePairInput,
  JUDGE_PAIR_TASK_MARKER,
  type JudgeVerdict,
} from "@/lib/ai/prompts/judge-pair";
import { extractIdeaJson, NORMALIZE_TASK_MARKER } from "@/lib/ai/prompts/normalize-idea";

// A deterministic stand-in for a real model, selected with LLM_PROVIDER=mock so the running app
// (e2e tests, demos without a key) behaves the same on every run. Plain code on purpose: `ai/test`
// mocks belong to Vitest only.
//
// Hooks anywhere in the prompt text let e2e tests simulate trouble:
//   MOCK_FAIL_<status>       every call fails with that HTTP status (429 and 5xx are retryable)
//   MOCK_FAIL_ONCE_<status>  the first call with this exact prompt fails, later ones succeed
//   MOCK_SLOW_MS=<n>         waits n ms first (honours the abort signal, so timeouts can be tested)
//   MOCK_INVALID_JSON        structured calls get text that is not JSON
//   MOCK_BAD_VERDICT         judge-pair calls get well-formed JSON whose first verdict is "maybe"

// Derived from `ai` so this file needs no direct dependency on @ai-sdk/provider.
export type LanguageModelV3 = Extract<LanguageModel, { specificationVersion: "v3" }>;
type CallOptions = Parameters<LanguageModelV3["doGenerate"]>[0];
type GenerateResult = Awaited<ReturnType<LanguageModelV3["doGenerate"]>>;
type StreamResult = Awaited<ReturnType<LanguageModelV3["doStream"]>>;
type StreamPart = StreamResult["stream"] extends ReadableStream<infer P> ? P : never;

export const MOCK_PROVIDER_ID = "mock";
export const MOCK_MODEL_ID = "mock";

/** FNV-1a, so the same text always gives the same short id on every platform. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

function partText(part: unknown): string {
  return typeof part === "object" && part !== null && "text" in part && typeof part.text === "string"
    ? part.text
    : "";
}

function messageText(message: CallOptions["prompt"][number]): string {
  if (typeof message.content === "string") return message.content;
  return message.content.map(partText).join("\n");
}

function countTokens(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.ceil(words / 0.75);
}

function sleep({ ms, signal }: { ms: number; signal: AbortSignal | undefined }): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

// Prompts already seen by MOCK_FAIL_ONCE_*; per process, which is what an e2e server run needs.
const failedOnce = new Set<string>();

/** Forgets MOCK_FAIL_ONCE_* history (tests). */
export function resetMockModelState() {
  failedOnce.clear();
}

function mockApiError(status: number, body: unknown): APICallError {
  return new APICallError({
    message: `Mock provider failure (HTTP ${status}) requested by MOCK_FAIL_${status}.`,
    url: "mock://generate",
    requestBodyValues: body,
    statusCode: status,
    isRetryable: status === 429 || status >= 500,
  });
}

// --- JSON schema → a value that satisfies it ---------------------------------------------------

// The subset of JSON Schema the mock understands (ai's JsonSchema is `any` without @types/json-schema).
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema | boolean>;
  required?: string[];
  items?: JsonSchema | boolean | Array<JsonSchema | boolean>;
  prefixItems?: Array<JsonSchema | boolean>;
  additionalItems?: JsonSchema | boolean;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Array<JsonSchema | boolean>;
  oneOf?: Array<JsonSchema | boolean>;
  allOf?: Array<JsonSchema | boolean>;
  $ref?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
};
type Schema = JsonSchema | boolean | undefined;

function resolveRef(ref: string, root: JsonSchema): Schema {
  if (!ref.startsWith("#/")) return {};
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return (node as Schema) ?? {};
}

function mockString(schema: JsonSchema, label: string, seed: string): string {
  switch (schema.format) {
    case "email":
      return `mock.${seed.slice(0, 6)}@example.com`;
    case "uri":
    case "url":
      return `https://example.com/mock/${seed.slice(0, 6)}`;
    case "date-time":
      return "2025-01-01T00:00:00.000Z";
    case "date":
      return "2025-01-01";
    case "time":
      return "00:00:00";
    case "uuid":
      return `${seed.slice(0, 8)}-0000-4000-8000-000000000000`;
  }
  let s = `Mock ${label} ${seed.slice(0, 6)}`;
  const min = schema.minLength ?? 0;
  while (s.length < min) s += " lorem ipsum";
  if (schema.maxLength !== undefined) s = s.slice(0, Math.max(schema.maxLength, min)).trimEnd();
  // Trimming can undercut minLength again when it ends in spaces; pad with letters then.
  while (s.length < min) s += "x";
  return s;
}

function mockNumber(schema: JsonSchema, integer: boolean, index: number): number {
  const step = integer ? 1 : 0.5;
  let lo = schema.minimum ?? -Infinity;
  let hi = schema.maximum ?? Infinity;
  if (typeof schema.exclusiveMinimum === "number") lo = Math.max(lo, schema.exclusiveMinimum + step);
  if (typeof schema.exclusiveMaximum === "number") hi = Math.min(hi, schema.exclusiveMaximum - step);
  if (integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  let value: number;
  if (Number.isFinite(lo) && Number.isFinite(hi)) value = lo + (hi - lo) / 2;
  else if (Number.isFinite(lo)) value = lo + index;
  else if (Number.isFinite(hi)) value = hi - index;
  else value = index + 1;
  if (integer) value = Math.floor(value);
  return Math.min(Math.max(value, lo), hi);
}

function mockValue(schema: Schema, root: JsonSchema, label: string, seed: string, index: number): unknown {
  if (schema === undefined || schema === true) return `Mock ${label} ${seed.slice(0, 6)}`;
  if (schema === false) return null;
  if (schema.$ref) return mockValue(resolveRef(schema.$ref, root), root, label, seed, index);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) {
    const pick = options.find((o) => typeof o === "object" && o.type !== "null") ?? options[0];
    return mockValue(pick, root, label, seed, index);
  }
  if (schema.allOf?.length) {
    const merged: JsonSchema = { type: "object", properties: {}, required: [] };
    for (const part of schema.allOf) {
      if (typeof part !== "object") continue;
      Object.assign(merged.properties as object, part.properties);
      merged.required = [...(merged.required ?? []), ...(part.required ?? [])];
    }
    return mockValue(merged, root, label, seed, index);
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const type =
    types.find((t) => t !== "null") ??
    types[0] ??
    (schema.properties ? "object" : schema.items ? "array" : "string");
  const childSeed = (key: string) => hashText(`${seed}/${key}`);
  switch (type) {
    case "null":
      return null;
    case "boolean":
      return true;
    case "integer":
      return mockNumber(schema, true, index);
    case "number":
      return mockNumber(schema, false, index);
    case "array": {
      const tuple = schema.prefixItems ?? (Array.isArray(schema.items) ? schema.items : undefined);
      const min = Math.max(schema.minItems ?? 0, tuple?.length ?? 0);
      const length = Math.min(Math.max(min, 2), schema.maxItems ?? Number.POSITIVE_INFINITY);
      return Array.from({ length }, (_, i) => {
        const rest = schema.prefixItems ? schema.items : schema.additionalItems;
        const item = tuple ? (tuple[i] ?? (rest as Schema)) : (schema.items as Schema);
        return mockValue(item, root, `${label} ${i + 1}`, childSeed(String(i)), i);
      });
    }
    case "object": {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      const props = schema.properties ?? {};
      // Required-but-undeclared keys still need some value.
      for (const key of required) if (!(key in props)) out[key] = mockValue({}, root, key, childSeed(key), 0);
      for (const [key, prop] of Object.entries(props))
        out[key] = mockValue(prop, root, key, childSeed(key), 0);
      return out;
    }
    default:
      return mockString(schema, label, seed);
  }
}

/** A deterministic value that satisfies the JSON schema (formats, ranges, enums, required keys). */
export function mockValueForSchema({ schema, seed }: { schema: JsonSchema; seed: string }): unknown {
  return mockValue(schema, schema, "text", seed, 0);
}

// --- canned answers for tasks whose output must keep the input's content ------------------------

// Style normalization (lib/ai/prompts/normalize-idea.ts) must preserve content, and e2e tests need a
// visible diff, so the mock makes only these documented, content-preserving changes to each field:
// runs of spaces and tabs inside a line become one space, trailing spaces go, blank-line runs shrink
// to one blank line, "I" becomes "we" ("We" at the start of a sentence or line) and "my"/"My"
// becomes "our"/"Our". Every other word stays, in order.
const SENTENCE_START = /(?:^|[.!?]\s+|\n)[ \t]*(?:(?:[-*+]|\d+[.)])\s+)?$/;

export function mockNeutralVoice(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/(\S)[ \t]+/g, "$1 ").trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .replace(/\bI\b(?!['’])/g, (_m, offset: number, all: string) =>
      SENTENCE_START.test(all.slice(0, offset)) ? "We" : "we",
    )
    .replace(/\bmy\b/g, "our")
    .replace(/\bMy\b/g, "Our");
}

function cannedNormalization(promptText: string): string | null {
  if (!promptText.includes(NORMALIZE_TASK_MARKER)) return null;
  const fields = extractIdeaJson(promptText);
  if (!fields) return null;
  return JSON.stringify(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, mockNeutralVoice(v)])));
}

// Pairwise judging (lib/ai/prompts/judge-pair.ts) needs verdicts that mean something and that the
// position swap can test, so for each criterion: every idea has a fixed strength (0–99, a hash of the
// criterion and the idea's text, the same in either order), and each call adds position noise
// (−20…20, a hash of the criterion and both ideas in the order shown). A difference of at most 4 is
// a tie, otherwise the stronger side wins: clearly better ideas win in both orders, close pairs
// sometimes flip with the order.
function hashInt(text: string, n: number): number {
  return Number.parseInt(hashText(text), 16) % n;
}

export function mockJudgeVerdicts({
  criteria,
  ideaA,
  ideaB,
}: {
  criteria: readonly string[];
  ideaA: Record<string, string>;
  ideaB: Record<string, string>;
}): { reasoning: string; verdicts: Record<string, JudgeVerdict> } {
  const a = JSON.stringify(ideaA);
  const b = JSON.stringify(ideaB);
  const verdicts: Record<string, JudgeVerdict> = {};
  const lines: string[] = [];
  for (const criterion of criteria) {
    const strengthA = hashInt(`${criterion}\u0000${a}`, 100);
    const strengthB = hashInt(`${criterion}\u0000${b}`, 100);
    const noise = hashInt(`${criterion}\u0000${a}\u0000${b}`, 41) - 20;
    const diff = strengthA - strengthB + noise;
    const verdict: JudgeVerdict = Math.abs(diff) <= 4 ? "tie" : diff > 0 ? "A" : "B";
    verdicts[criterion] = verdict;
    lines.push(
      `On ${criterion}, Idea A scores ${strengthA} and Idea B ${strengthB}, with position noise ${noise}: ${verdict}.`,
    );
  }
  return { reasoning: `Mock judgment. ${lines.join(" ")}`, verdicts };
}

function cannedJudgment(promptText: string): string | null {
  if (!promptText.includes(JUDGE_PAIR_TASK_MARKER)) return null;
  const input = extractJudgePairInput(promptText);
  if (!input) return null;
  const answer: { reasoning: string; verdicts: Record<string, string> } = mockJudgeVerdicts(input);
  const [first] = input.criteria;
  if (promptText.includes("MOCK_BAD_VERDICT") && first !== undefined) answer.verdicts[first] = "maybe";
  return JSON.stringify(answer);
}

// --- the model ---------------------------------------------------------------------------------

function replyText({
  options,
  promptText,
  hash,
}: {
  options: CallOptions;
  promptText: string;
  hash: string;
}) {
  const format = options.responseFormat;
  if (format?.type === "json") {
    if (promptText.includes("MOCK_INVALID_JSON")) return `MOCK: this is not JSON [${hash}]`;
    const canned = cannedNormalization(promptText) ?? cannedJudgment(promptText);
    if (canned !== null) return canned;
    const schema = format.schema ?? { type: "object" };
    return JSON.stringify(mockValueForSchema({ schema, seed: hash }));
  }
  const lastUser = [...options.prompt].reverse().find((m) => m.role === "user");
  const words = (lastUser ? messageText(lastUser) : "").split(/\s+/).filter(Boolean);
  const summary = words.slice(0, 12).join(" ") + (words.length > 12 ? " …" : "");
  return `MOCK: ${summary || "(empty prompt)"} [${hash}]`;
}

export function createMockModel({ modelId = MOCK_MODEL_ID }: { modelId?: string } = {}): LanguageModelV3 {
  async function doGenerate(options: CallOptions): Promise<GenerateResult> {
    const promptText = options.prompt.map(messageText).join("\n");
    const hash = hashText(
      JSON.stringify({
        prompt: promptText,
        format: options.responseFormat ?? null,
        temperature: options.temperature ?? null,
        seed: options.seed ?? null,
      }),
    );
    const slow = /MOCK_SLOW_MS=(\d+)/.exec(promptText);
    if (slow) await sleep({ ms: Number(slow[1]), signal: options.abortSignal });
    if (options.abortSignal?.aborted) throw options.abortSignal.reason;

    const failOnce = /MOCK_FAIL_ONCE_(\d{3})/.exec(promptText);
    if (failOnce && !failedOnce.has(hash)) {
      failedOnce.add(hash);
      throw mockApiError(Number(failOnce[1]), { prompt: options.prompt });
    }
    const fail = /MOCK_FAIL_(\d{3})/.exec(promptText);
    if (fail) throw mockApiError(Number(fail[1]), { prompt: options.prompt });

    const text = replyText({ options, promptText, hash });
    const inputTokens = countTokens(promptText);
    const outputTokens = countTokens(text);
    return {
      content: [{ type: "text", text }],
      finishReason: { unified: "stop", raw: "stop" },
      usage: {
        inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
      },
      response: { id: `mock-${hash}`, modelId, timestamp: new Date(0) },
      warnings: [],
    };
  }

  return {
    specificationVersion: "v3",
    provider: MOCK_PROVIDER_ID,
    modelId,
    supportedUrls: {},
    doGenerate,
    // Streaming replays the same answer in one delta; the app only streams for display.
    async doStream(options) {
      const result = await doGenerate(options);
      const text = result.content.map(partText).join("");
      const parts: StreamPart[] = [
        { type: "stream-start", warnings: [] },
        { type: "text-start", id: "0" },
        { type: "text-delta", id: "0", delta: text },
        { type: "text-end", id: "0" },
        { type: "finish", finishReason: result.finishReason, usage: result.usage },
      ];
      return {
        stream: new ReadableStream<StreamPart>({
          start(controller) {
            for (const p of parts) controller.enqueue(p);
            controller.close();
          },
        }),
      };
    },
  };
}
