import { APICallError, type LanguageModel } from "ai";
import {
  extractJudgePairInput,
  JUDGE_PAIR_TASK_MARKER,
  type JudgeVerdict,
} from "@/lib/ai/prompts/judge-pair";
import { extractIdeaJson, NORMALIZE_TASK_MARKER } from "@/lib/ai/prompts/normalize-idea";
import { cannedCoiAnswer } from "./mock-coi-answers";
import { hashText, mockValueForSchema } from "./mock-json-schema";
import { cannedOdrAnswer } from "./mock-odr-answers";

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
    const canned =
      cannedNormalization(promptText) ??
      cannedJudgment(promptText) ??
      cannedCoiAnswer(promptText) ??
      cannedOdrAnswer(promptText);
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
