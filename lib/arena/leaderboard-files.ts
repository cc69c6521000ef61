// Reads the leaderboard's output files (ratings.csv, winrates.csv, agreement.csv) back into rows, so
// a published snapshot is shown from exactly the files that were stored, never from a recomputation
// that a later code change could alter. Numbers were written with String(n) and read back exactly.

import type { AgreementRow, JudgeKind, PositionBiasRow, RatingRow, WinRateRow } from "@/lib/arena/types";
import { type CsvRecord, parseCsv } from "@/lib/csv/parse";

type Getter = (column: string) => string;

function readTable(text: string, file: string): Getter[] {
  const table = parseCsv(text);
  if (table.issues.length > 0) {
    const issue = table.issues[0]!;
    throw new Error(`${file}:${issue.line}: ${issue.message}`);
  }
  return table.rows.map((row: CsvRecord) => (column: string) => {
    const index = table.header.indexOf(column);
    if (index < 0) throw new Error(`${file}: missing column "${column}"`);
    return row.values[index] ?? "";
  });
}

const num = (text: string): number | null => (text === "" ? null : Number(text));
const int = (text: string): number => Number(text);

export function readRatingsCsv(text: string): RatingRow[] {
  return readTable(text, "ratings.csv").map((get) => ({
    level: get("level") === "condition" ? "condition" : "idea",
    criterion: get("criterion"),
    player: get("player"),
    elo: num(get("elo")),
    bt: num(get("bt")),
    btCiLow: num(get("bt_ci_low")),
    btCiHigh: num(get("bt_ci_high")),
    rank: num(get("rank")),
    matches: int(get("matches")),
    wins: num(get("wins")),
    ties: num(get("ties")),
    losses: num(get("losses")),
    provisional: get("provisional") === "true",
  }));
}

export function readWinRatesCsv(text: string): WinRateRow[] {
  return readTable(text, "winrates.csv").map((get) => ({
    criterion: get("criterion"),
    condition: get("condition"),
    opponent: get("opponent"),
    matches: int(get("matches")),
    wins: int(get("wins")),
    ties: int(get("ties")),
    losses: int(get("losses")),
    winRate: Number(get("win_rate")),
  }));
}

export function readAgreementCsv(text: string): {
  agreement: AgreementRow[];
  positionBias: PositionBiasRow[];
} {
  const rows = readTable(text, "agreement.csv");
  return {
    agreement: rows
      .filter((get) => get("measure") === "agreement")
      .map((get) => ({
        criterion: get("criterion"),
        pairs: int(get("n")),
        agree: int(get("hits")),
        rate: num(get("rate")),
      })),
    positionBias: rows
      .filter((get) => get("measure") === "position_bias")
      .map((get) => ({
        criterion: get("criterion"),
        judgeKind: get("judge_kind") as JudgeKind,
        decisive: int(get("n")),
        leftWins: int(get("hits")),
        rate: num(get("rate")),
      })),
  };
}
