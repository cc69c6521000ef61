import type { z } from "zod";

// A model's structured answer, parsed and checked with the caller's zod schema. Pure, so the same
// tolerance (fences, chatter around the JSON) applies wherever an answer is read.

/** Parses a JSON answer, tolerating the ```json fences and chatter some local models add. */
export function parseStructuredText<T>({
  text,
  schema,
}: {
  text: string;
  schema: z.ZodType<T>;
}): { ok: true; value: T } | { ok: false; reason: string } {
  const candidates = [text.trim()];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fenced?.[1] !== undefined) candidates.push(fenced[1].trim());
  const start = text.search(/[[{]/);
  const end = Math.max(text.lastIndexOf("}"), text.lastIndexOf("]"));
  if (start >= 0 && end > start) candidates.push(text.slice(start, end + 1));

  let reason = "the answer is not JSON";
  for (const candidate of candidates) {
    let json: unknown;
    try {
      json = JSON.parse(candidate);
    } catch {
      continue;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, value: parsed.data };
    reason = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
      .join("; ");
  }
  return { ok: false, reason };
}
