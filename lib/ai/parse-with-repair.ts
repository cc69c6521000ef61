import type { z } from "zod";
import { parseStructuredText } from "./structured-text";

// The rule for every model answer (specs/ideation.md "Rules"): parse with the zod schema; on failure
// ask once for a repair (the caller's callback, usually a model call given the bad text and what was
// wrong); if that fails too, the item fails visibly with both reasons. Never fall back to using the
// whole response as the value: that is how the published CoI code let a missing tag through.

export type ParseAttempt = { text: string; reason: string };

export type ParseOutcome<T> =
  | { ok: true; value: T; repaired: boolean }
  | { ok: false; error: string; attempts: ParseAttempt[] };

export async function parseWithRepair<T>({
  text,
  schema,
  repair,
  what,
}: {
  text: string;
  schema: z.ZodType<T>;
  /** Called at most once, with the failing text and the reason; returns a new answer. */
  repair: (text: string, reason: string) => Promise<string>;
  /** Names the item in the error, e.g. "relevance gate for paper p12". */
  what: string;
}): Promise<ParseOutcome<T>> {
  const first = parseStructuredText({ text, schema });
  if (first.ok) return { ok: true, value: first.value, repaired: false };
  const attempts: ParseAttempt[] = [{ text, reason: first.reason }];
  let repairedText: string;
  try {
    repairedText = await repair(text, first.reason);
  } catch (error) {
    const reason = `the repair call failed: ${error instanceof Error ? error.message : String(error)}`;
    attempts.push({ text: "", reason });
    return { ok: false, error: `${what}: invalid answer (${first.reason}); ${reason}`, attempts };
  }
  const second = parseStructuredText({ text: repairedText, schema });
  if (second.ok) return { ok: true, value: second.value, repaired: true };
  attempts.push({ text: repairedText, reason: second.reason });
  return {
    ok: false,
    error: `${what}: invalid answer (${first.reason}), and the one repair was invalid too (${second.reason})`,
    attempts,
  };
}
