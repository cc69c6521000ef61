import { generateText, Output, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getRecentLlmCalls } from "@/db/queries/ai";
import { AppError } from "@/lib/errors";
import { withMockModelEnv } from "@/server/ai/testing/mock-model-env";
import { generate } from "./generate";
import { hashText, mockValueForSchema } from "./mock-json-schema";
import { createMockModel } from "./mock-model";

withMockModelEnv({
  LLM_MODEL: "",
  LLM_CACHE: "false",
  LLM_MAX_RETRIES: "2",
});

async function captureError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected the call to fail");
}

describe("mock model: text", () => {
  it("gives the same answer for the same prompt, across model instances", async () => {
    const a = await generateText({ model: createMockModel(), prompt: "Summarize the idea about graphs" });
    const b = await generateText({ model: createMockModel(), prompt: "Summarize the idea about graphs" });
    expect(a.text).toBe(b.text);
    expect(a.text).toMatch(/^MOCK: Summarize the idea about graphs \[[0-9a-f]{8}\]$/);
  });

  it("gives different answers for different prompts", async () => {
    const a = await generateText({ model: createMockModel(), prompt: "first" });
    const b = await generateText({ model: createMockModel(), prompt: "second" });
    expect(a.text).not.toBe(b.text);
  });

  it("shortens long prompts to their first twelve words", async () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    const r = await generateText({ model: createMockModel(), prompt: words.join(" ") });
    expect(r.text.startsWith(`MOCK: ${words.slice(0, 12).join(" ")} …`)).toBe(true);
  });

  it("counts tokens as words / 0.75, rounded up", async () => {
    // 6 words of prompt → 8 tokens.
    const r = await generateText({ model: createMockModel(), prompt: "one two three four five six" });
    expect(r.usage.inputTokens).toBe(8);
    const replyWords = r.text.split(/\s+/).length;
    expect(r.usage.outputTokens).toBe(Math.ceil(replyWords / 0.75));
  });

  it("streams the same text it generates", async () => {
    const prompt = "stream me";
    const generated = await generateText({ model: createMockModel(), prompt });
    const streamed = streamText({ model: createMockModel(), prompt });
    expect(await streamed.text).toBe(generated.text);
  });

  it("has a stable FNV-1a hash", () => {
    // Reference values of 32-bit FNV-1a.
    expect(hashText("")).toBe("811c9dc5");
    expect(hashText("a")).toBe("e40c292c");
    expect(hashText("foobar")).toBe("bf9cf968");
  });
});

describe("mock model: structured output", () => {
  const schemas: Record<string, z.ZodType> = {
    flat: z.object({ title: z.string(), score: z.number().int().min(1).max(7), ok: z.boolean() }),
    lengths: z.object({ summary: z.string().min(40).max(60), code: z.string().max(4) }),
    enums: z.object({ verdict: z.enum(["accept", "reject"]), kind: z.literal("idea") }),
    arrays: z.object({
      ideas: z
        .array(z.object({ title: z.string(), novelty: z.number().min(0).max(1) }))
        .min(3)
        .max(5),
      tags: z.array(z.string()).max(1),
    }),
    optional: z.object({ note: z.string().optional(), maybe: z.string().nullable(), email: z.email() }),
    exclusive: z.object({ p: z.number().gt(0).lt(1), n: z.number().int().positive() }),
    union: z.object({ value: z.union([z.number().min(5), z.string()]) }),
  };

  it.each(Object.entries(schemas))("produces a value satisfying the %s schema", async (_name, schema) => {
    const r = await generateText({
      model: createMockModel(),
      prompt: "give me json",
      output: Output.object({ schema }),
    });
    expect(schema.safeParse(r.output).success).toBe(true);
    // Same input, same output.
    const again = await generateText({
      model: createMockModel(),
      prompt: "give me json",
      output: Output.object({ schema }),
    });
    expect(again.output).toEqual(r.output);
  });

  it("picks the first enum value and honours minItems", async () => {
    const r = await generate({
      purpose: "unit",
      prompt: "ideas",
      schema: z.object({ verdict: z.enum(["b", "a"]), ideas: z.array(z.string()).min(3) }),
    });
    expect(r.object.verdict).toBe("b");
    expect(r.object.ideas).toHaveLength(3);
    expect(new Set(r.object.ideas).size).toBe(3);
  });

  it("resolves $ref definitions", () => {
    const value = mockValueForSchema({
      schema: {
        type: "object",
        properties: { a: { $ref: "#/definitions/n" } },
        required: ["a"],
        definitions: { n: { type: "integer", minimum: 10, maximum: 20 } },
      } as Parameters<typeof mockValueForSchema>[0]["schema"],
      seed: "s",
    });
    expect(value).toEqual({ a: 15 });
  });
});

describe("mock model: failure hooks through generate()", () => {
  it("MOCK_FAIL_429 is retried, then fails as rate limited", async () => {
    const err = await captureError(
      generate({ purpose: "unit", prompt: "hi MOCK_FAIL_429", retryBaseDelayMs: 1 }),
    );
    expect(err.code).toBe("unavailable:llm_rate_limited");
    expect(getRecentLlmCalls({ limit: 5 })[0]).toMatchObject({
      attempts: 3,
      provider: "mock",
      model: "mock",
    });
  });

  it("MOCK_FAIL_500 is retried, then fails as unavailable", async () => {
    const err = await captureError(
      generate({ purpose: "unit", prompt: "MOCK_FAIL_500", retryBaseDelayMs: 1 }),
    );
    expect(err.code).toBe("unavailable:llm");
    expect(err.message).toContain("HTTP 500");
    expect(getRecentLlmCalls({ limit: 5 })[0]?.attempts).toBe(3);
  });

  it("MOCK_FAIL_400 is not retried", async () => {
    const err = await captureError(
      generate({ purpose: "unit", prompt: "MOCK_FAIL_400", retryBaseDelayMs: 1 }),
    );
    expect(err.code).toBe("internal:llm");
    expect(getRecentLlmCalls({ limit: 5 })[0]?.attempts).toBe(1);
  });

  it("MOCK_FAIL_ONCE_503 fails the first call only", async () => {
    const r = await generate({ purpose: "unit", prompt: "MOCK_FAIL_ONCE_503 please", retryBaseDelayMs: 1 });
    expect(r.attempts).toBe(2);
    expect(r.text).toMatch(/^MOCK: MOCK_FAIL_ONCE_503 please/);
  });

  it("MOCK_SLOW_MS honours the timeout", async () => {
    const started = Date.now();
    const err = await captureError(
      generate({ purpose: "unit", prompt: "MOCK_SLOW_MS=5000", timeoutMs: 100 }),
    );
    expect(err.code).toBe("unavailable:llm_timeout");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("MOCK_SLOW_MS delays but answers within the timeout", async () => {
    const r = await generate({ purpose: "unit", prompt: "MOCK_SLOW_MS=50 then answer" });
    expect(r.latencyMs).toBeGreaterThanOrEqual(45);
    expect(r.text).toContain("then answer");
  });

  it("MOCK_INVALID_JSON makes structured calls fail validation", async () => {
    const err = await captureError(
      generate({
        purpose: "unit",
        prompt: "MOCK_INVALID_JSON",
        schema: z.object({ a: z.string() }),
        retryBaseDelayMs: 1,
      }),
    );
    expect(err.code).toBe("invalid:llm_output");
  });
});
