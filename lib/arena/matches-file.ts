// matches.csv in and out. Parsing collects every problem with its line, so a file is fixed in one
// pass; rows of one match_id (one per criterion) must agree on everything but criterion and winner.
import { parseCsv } from "@/lib/csv/parse";
import { toCsv } from "@/lib/csv/write";
import { ALL_CRITERIA } from "./agreement";
import { AVERAGE_CRITERION, type JudgeKind, type MatchRecord, type Verdict } from "./types";

export type MatchesIssue = { line: number; message: string };

export type ParsedMatches = { ok: true; matches: MatchRecord[] } | { ok: false; issues: MatchesIssue[] };

export const MATCH_COLUMNS = [
  "match_id",
  "topic",
  "idea_a",
  "idea_b",
  "condition_a",
  "condition_b",
  "judge_id",
  "judge_kind",
  "criterion",
  "winner",
  "created_at",
] as const;

const VERDICTS: readonly string[] = ["a", "b", "tie"] satisfies Verdict[];
const JUDGE_KINDS: readonly string[] = ["human", "llm"] satisfies JudgeKind[];
const SHARED = [
  "topic",
  "idea_a",
  "idea_b",
  "condition_a",
  "condition_b",
  "judge_id",
  "judge_kind",
  "created_at",
];
const EPOCH_MS = /^-?\d+$/;

/** Epoch ms for ordering; NaN when the value is neither an integer nor a date Date.parse reads. */
export function toEpochMs(createdAt: string | number): number {
  if (typeof createdAt === "number") return createdAt;
  return EPOCH_MS.test(createdAt) ? Number(createdAt) : Date.parse(createdAt);
}

export function parseMatchesCsv(text: string): ParsedMatches {
  const table = parseCsv(text);
  const issues: MatchesIssue[] = [...table.issues];
  const header = table.header.map((h) => h.trim().toLowerCase());
  const missing = table.header.length === 0 ? [] : MATCH_COLUMNS.filter((c) => !header.includes(c));
  for (const column of missing)
    issues.push({ line: table.headerLine, message: `missing column "${column}"` });
  if (table.header.length === 0 || missing.length > 0) return { ok: false, issues };

  const matches: MatchRecord[] = [];
  const firstRow = new Map<string, { line: number; values: Map<string, string>; criteria: Set<string> }>();
  const ideaCondition = new Map<string, { condition: string; line: number }>();
  for (const row of table.rows) {
    const get = (column: string) => (row.values[header.indexOf(column)] ?? "").trim();
    const issue = (message: string) => issues.push({ line: row.line, message });
    for (const column of MATCH_COLUMNS) if (get(column) === "") issue(`empty ${column}`);
    const [id, ideaA, ideaB, criterion, winner, kind] = [
      get("match_id"),
      get("idea_a"),
      get("idea_b"),
      get("criterion"),
      get("winner"),
      get("judge_kind"),
    ];
    if (winner !== "" && !VERDICTS.includes(winner)) issue(`winner "${winner}" is not a, b or tie`);
    if (kind !== "" && !JUDGE_KINDS.includes(kind)) issue(`judge_kind "${kind}" is not human or llm`);
    if (ideaA !== "" && ideaA === ideaB) issue(`idea_a and idea_b are the same idea (${ideaA})`);
    if (criterion === AVERAGE_CRITERION || criterion === ALL_CRITERIA) {
      issue(`criterion "${criterion}" is reserved for the outputs' summary rows`);
    }
    const createdAt = get("created_at");
    if (createdAt !== "" && Number.isNaN(toEpochMs(createdAt))) {
      issue(`created_at "${createdAt}" is neither epoch milliseconds nor an ISO 8601 date`);
    }
    // An idea with two conditions would make the condition level count it twice.
    for (const [idea, condition] of [
      [ideaA, get("condition_a")],
      [ideaB, get("condition_b")],
    ] as const) {
      const seen = ideaCondition.get(idea);
      if (idea === "" || condition === "") continue;
      if (seen === undefined) ideaCondition.set(idea, { condition, line: row.line });
      else if (seen.condition !== condition) {
        issue(`idea ${idea} has condition "${condition}" but "${seen.condition}" on line ${seen.line}`);
      }
    }
    const first = firstRow.get(id);
    if (id !== "" && first === undefined) {
      firstRow.set(id, {
        line: row.line,
        values: new Map(SHARED.map((c) => [c, get(c)])),
        criteria: new Set([criterion]),
      });
    } else if (first !== undefined) {
      if (first.criteria.has(criterion)) issue(`match ${id} has a second ${criterion} verdict`);
      first.criteria.add(criterion);
      for (const column of SHARED) {
        if (first.values.get(column) !== get(column)) {
          issue(
            `match ${id} has ${column} "${get(column)}" but "${first.values.get(column)}" on line ${first.line}`,
          );
        }
      }
    }
    matches.push({
      matchId: id,
      topic: get("topic"),
      ideaA,
      ideaB,
      conditionA: get("condition_a"),
      conditionB: get("condition_b"),
      judgeId: get("judge_id"),
      judgeKind: kind as JudgeKind,
      criterion,
      winner: winner as Verdict,
      createdAt: EPOCH_MS.test(createdAt) ? Number(createdAt) : createdAt,
    });
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((x, y) => x.line - y.line) };
  return { ok: true, matches };
}

export function writeMatchesCsv(matches: readonly MatchRecord[]): string {
  return toCsv({
    columns: MATCH_COLUMNS,
    rows: matches.map((m) => [
      m.matchId,
      m.topic,
      m.ideaA,
      m.ideaB,
      m.conditionA,
      m.conditionB,
      m.judgeId,
      m.judgeKind,
      m.criterion,
      m.winner,
      m.createdAt,
    ]),
  });
}
