import { LEAK_RULE_LABELS, type LeakFlag } from "./leak-check";

/** “GPT-4” (Model or AI product name), …: each distinct hit once, as the organizer confirms them. */
export function describeLeakFlags(flags: Pick<LeakFlag, "match" | "rule">[]): string {
  return [...new Set(flags.map((f) => `“${f.match}” (${LEAK_RULE_LABELS[f.rule]})`))].join(", ");
}
