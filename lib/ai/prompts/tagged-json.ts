import type { z } from "zod";

// Prompt inputs travel as JSON between tags, so the mock model (server/ai/mock-model.ts) and a
// person reading the logs can read them back exactly. Shared by the chain and ideation prompts.

/** JSON that cannot close the surrounding tag early: "<" is escaped (JSON.parse restores it). */
export function embedJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, "\\u003c");
}

/** `<name>json</name>` for a prompt. */
export function taggedJson(name: string, value: unknown): string {
  return `<${name}>\n${embedJson(value)}\n</${name}>`;
}

/** The value inside the last `<name>…</name>` of a prompt, checked with `schema`; null if absent or invalid. */
export function extractTaggedJson<T>(prompt: string, name: string, schema: z.ZodType<T>): T | null {
  const open = `<${name}>`;
  const close = `</${name}>`;
  const start = prompt.lastIndexOf(open);
  const end = prompt.lastIndexOf(close);
  if (start < 0 || end < start) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(prompt.slice(start + open.length, end)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
