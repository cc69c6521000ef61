// Whether Bradley–Terry has a finite estimate, and if not why, in terms an organizer can act on:
// groups of players that never met, or players (groups) that never lost or never scored.
import { at } from "@/lib/assert";
import { type Digraph, findComponents, findStrongComponents } from "./graph";
import type { PairIndex } from "./pair-index";

export type BtProblem =
  | { kind: "empty" }
  | { kind: "disconnected"; components: string[][] }
  /** `groups`: strongly connected groups; the first was never scored against by anyone outside it. */
  | { kind: "unbounded"; neverWon: string[]; neverLost: string[]; groups: string[][] };

/**
 * The maximum is finite iff every player reaches every other along "scored against" edges
 * (Zermelo 1929; Ford 1957): one search from player 0 forwards and one backwards.
 */
export function hasFiniteMaximum(index: PairIndex, counts: Float64Array): boolean {
  const n = index.players.length;
  if (n === 0) return false;
  const { pairsStart, opponent } = index;
  // Forwards, i reaches j when i scored against j; backwards, when j scored against i.
  for (const edgeCell of [index.scoredCell, index.concededCell]) {
    const seen = new Uint8Array(n);
    const stack = new Int32Array(n);
    let top = 0;
    stack[top++] = 0;
    seen[0] = 1;
    let reached = 1;
    while (top > 0) {
      const i = stack[--top] as number;
      for (let e = pairsStart[i] as number; e < (pairsStart[i + 1] as number); e += 1) {
        const j = opponent[e] as number;
        const c = edgeCell[e] as number;
        // A tie (cell c + 1 for either orientation) scores for both sides.
        if (seen[j] === 0 && (counts[c] as number) + (counts[3 * Math.floor(c / 3) + 1] as number) > 0) {
          seen[j] = 1;
          reached += 1;
          stack[top++] = j;
        }
      }
    }
    if (reached < n) return false;
  }
  return true;
}

export function diagnoseCounts(index: PairIndex, counts: Float64Array): BtProblem {
  const { players, first, second } = index;
  if (players.length === 0) return { kind: "empty" };
  const names = (ids: number[]) => ids.map((i) => players[i] as string);
  const component = findComponents(players.length, first, second);
  const componentCount = component.reduce((max, c) => Math.max(max, c + 1), 0);
  if (componentCount > 1) {
    const components: number[][] = Array.from({ length: componentCount }, () => []);
    component.forEach((c, i) => {
      (components[c] as number[]).push(i);
    });
    return { kind: "disconnected", components: components.map(names) };
  }
  const scored = new Float64Array(players.length);
  const conceded = new Float64Array(players.length);
  const graph: Digraph = players.map(() => []);
  for (let p = 0; p < first.length; p += 1) {
    const i = first[p] as number;
    const j = second[p] as number;
    const tied = counts[3 * p + 1] as number;
    const iScored = (counts[3 * p] as number) + tied;
    const jScored = (counts[3 * p + 2] as number) + tied;
    scored[i] = at(scored, i) + iScored;
    conceded[j] = at(conceded, j) + iScored;
    scored[j] = at(scored, j) + jScored;
    conceded[i] = at(conceded, i) + jScored;
    if (iScored > 0) (graph[i] as number[]).push(j);
    if (jScored > 0) (graph[j] as number[]).push(i);
  }
  const all = players.map((_, i) => i);
  return {
    kind: "unbounded",
    neverWon: names(all.filter((i) => scored[i] === 0)),
    neverLost: names(all.filter((i) => conceded[i] === 0)),
    groups: findStrongComponents(graph).map(names),
  };
}

const preview = (names: readonly string[]) =>
  names.length <= 4 ? names.join(", ") : `${names.slice(0, 4).join(", ")} and ${names.length - 4} more`;

export function describeBtProblem(problem: BtProblem): string {
  if (problem.kind === "empty") return "no games to rate";
  if (problem.kind === "disconnected") {
    const groups = problem.components.map((c) => `{${preview(c)}}`).join(", ");
    return `the players fall into ${problem.components.length} groups that never met (${groups}), so ratings across them would be arbitrary`;
  }
  const parts: string[] = [];
  if (problem.neverWon.length > 0) parts.push(`${preview(problem.neverWon)} never won or tied`);
  if (problem.neverLost.length > 0) parts.push(`${preview(problem.neverLost)} never lost or tied`);
  if (parts.length === 0)
    parts.push(`{${preview(problem.groups[0] ?? [])}} won every match against the rest`);
  return `no finite Bradley–Terry estimate (${parts.join("; ")})`;
}
