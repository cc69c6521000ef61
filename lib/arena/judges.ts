// The leaderboard by judge kind: human votes, LLM verdicts, or all pooled. A filtered board is
// computed from the rows of matches.csv of that kind, with the same parameters, so it is the board
// `npm run arena` gives for that part of the file.
import { parseMatchesCsv, writeMatchesCsv } from "@/lib/arena/matches-file";
import type { JudgeKind } from "@/lib/arena/types";

export type JudgeFilter = "all" | JudgeKind;
export const JUDGE_FILTERS: readonly JudgeFilter[] = ["all", "human", "llm"];
export const JUDGE_LABELS: Record<JudgeFilter, string> = { all: "All judges", human: "Human", llm: "LLM" };

export function parseJudgeFilter(value: unknown): JudgeFilter {
  return JUDGE_FILTERS.includes(value as JudgeFilter) ? (value as JudgeFilter) : "all";
}

/** matches.csv with only the rows of one judge kind (the file itself for "all"). */
export function filterMatchesCsv(text: string, judges: JudgeFilter): string {
  if (judges === "all") return text;
  const parsed = parseMatchesCsv(text);
  if (!parsed.ok) return text;
  return writeMatchesCsv(parsed.matches.filter((m) => m.judgeKind === judges));
}

/** How many judgments (match_ids) each kind gave. */
export function countJudgments(text: string): Record<JudgeKind, number> {
  const parsed = parseMatchesCsv(text);
  const seen = { human: new Set<string>(), llm: new Set<string>() };
  if (parsed.ok) for (const m of parsed.matches) seen[m.judgeKind].add(m.matchId);
  return { human: seen.human.size, llm: seen.llm.size };
}
