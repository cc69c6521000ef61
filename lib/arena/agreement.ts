// Human–LLM agreement and position bias. A pair is the unordered {idea_a, idea_b}, so the LLM's two
// position-swapped judgments and a human's judgment of either order are about the same pair; each
// verdict is read as "which idea won" (or tie). Several judgments of one kind on the same (pair,
// criterion) are combined by strict plurality, and a plurality tie (e.g. the two swapped LLM
// judgments disagree) counts as a tie. The kinds agree when the combined outcomes are equal, tie
// included.
import type { AgreementRow, JudgeKind, MatchRecord, PositionBiasRow } from "./types";

/** The pooled row's criterion. */
export const ALL_CRITERIA = "all";

const TIE = "\u0000tie";
const KINDS: readonly JudgeKind[] = ["human", "llm"];

function combine(outcomes: Map<string, number>): string {
  let best = TIE;
  let bestCount = 0;
  let shared = false;
  for (const [outcome, count] of outcomes) {
    if (count > bestCount) [best, bestCount, shared] = [outcome, count, false];
    else if (count === bestCount) shared = true;
  }
  return shared ? TIE : best;
}

export function computeAgreement(
  matches: readonly MatchRecord[],
  criteria: readonly string[],
): AgreementRow[] {
  // (pair, criterion) → judge kind → outcome → count
  const votes = new Map<string, { criterion: string; byKind: Map<JudgeKind, Map<string, number>> }>();
  for (const m of matches) {
    const pair = m.ideaA < m.ideaB ? `${m.ideaA}\u0000${m.ideaB}` : `${m.ideaB}\u0000${m.ideaA}`;
    const key = `${pair}\u0000\u0000${m.criterion}`;
    const entry = votes.get(key) ?? { criterion: m.criterion, byKind: new Map() };
    const outcomes = entry.byKind.get(m.judgeKind) ?? new Map<string, number>();
    const outcome = m.winner === "a" ? m.ideaA : m.winner === "b" ? m.ideaB : TIE;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    entry.byKind.set(m.judgeKind, outcomes);
    votes.set(key, entry);
  }
  const tally = new Map([...criteria, ALL_CRITERIA].map((c) => [c, { pairs: 0, agree: 0 }]));
  for (const { criterion, byKind } of votes.values()) {
    const human = byKind.get("human");
    const llm = byKind.get("llm");
    if (human === undefined || llm === undefined) continue;
    const same = combine(human) === combine(llm) ? 1 : 0;
    for (const t of [tally.get(criterion), tally.get(ALL_CRITERIA)]) {
      if (t === undefined) continue;
      t.pairs += 1;
      t.agree += same;
    }
  }
  return [...tally].map(([criterion, t]) => ({
    criterion,
    ...t,
    rate: t.pairs > 0 ? t.agree / t.pairs : null,
  }));
}

/** Per judge kind present in the data: share of non-tie verdicts that went to the left idea. */
export function computePositionBias(
  matches: readonly MatchRecord[],
  criteria: readonly string[],
): PositionBiasRow[] {
  const kinds = KINDS.filter((kind) => matches.some((m) => m.judgeKind === kind));
  const rows = [...criteria, ALL_CRITERIA].flatMap((criterion) =>
    kinds.map((judgeKind) => ({
      criterion,
      judgeKind,
      decisive: 0,
      leftWins: 0,
      rate: null as number | null,
    })),
  );
  const find = (criterion: string, kind: JudgeKind) =>
    rows.find((row) => row.criterion === criterion && row.judgeKind === kind);
  for (const m of matches) {
    if (m.winner === "tie") continue;
    for (const row of [find(m.criterion, m.judgeKind), find(ALL_CRITERIA, m.judgeKind)]) {
      if (row === undefined) continue;
      row.decisive += 1;
      if (m.winner === "a") row.leftWins += 1;
    }
  }
  for (const row of rows) row.rate = row.decisive > 0 ? row.leftWins / row.decisive : null;
  return rows;
}
