// Word-level diff for reviewing a normalized idea against its original.
//
// Tokens are whitespace runs, word runs (letters, marks, digits, _) and single other characters, so
// that a changed comma shows as a comma and not as a changed word. The edit script is Myers' O(ND)
// algorithm in its linear-space form (middle snake, as in diff-match-patch's bisect): minimal, and
// memory stays O(N + M) however different the texts are. Time is O((N + M) · D); past `maxTokens`
// tokens (after the common prefix and suffix are set aside) that could reach seconds, so the diff
// falls back to whole lines, and past that again to "all removed, all added". Ideas are at most a
// few thousand words per field, well under the default guard.

import { at } from "@/lib/assert";

export type DiffSegment = { type: "same" | "added" | "removed"; text: string };

/** Tokens on both sides together, after trimming the common prefix and suffix. */
export const DEFAULT_MAX_DIFF_TOKENS = 20_000;

type Op = { type: DiffSegment["type"]; from: number; to: number };

const TOKEN = /\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu;
const LINE = /[^\n]*\n|[^\n]+/g;
const WHITESPACE_ONLY = /^\s+$/;

/** Identical tokens get identical ids, so the inner loop compares integers. */
function toIds(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const map = (tokens: readonly string[]) =>
    Int32Array.from(tokens, (t) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      return id;
    });
  return [map(a), map(b)];
}

/** Where the middle snake of a[aLo,aHi) × b[bLo,bHi) ends; null when the two share nothing. */
function bisect(
  a: Int32Array,
  aLo: number,
  aHi: number,
  b: Int32Array,
  bLo: number,
  bHi: number,
): [number, number] | null {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const v1 = new Int32Array(size).fill(-1);
  const v2 = new Int32Array(size).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the paths can only meet while extending the forward one, otherwise the reverse.
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d++) {
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1Offset = offset + k1;
      let x1 =
        k1 === -d || (k1 !== d && at(v1, k1Offset - 1) < at(v1, k1Offset + 1))
          ? at(v1, k1Offset + 1)
          : at(v1, k1Offset - 1) + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && at(a, aLo + x1) === at(b, bLo + y1)) {
        x1++;
        y1++;
      }
      v1[k1Offset] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2Offset = offset + delta - k1;
        if (k2Offset >= 0 && k2Offset < size) {
          const x2 = at(v2, k2Offset);
          if (x2 !== -1 && x1 >= n - x2) return [x1, y1];
        }
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2Offset = offset + k2;
      let x2 =
        k2 === -d || (k2 !== d && at(v2, k2Offset - 1) < at(v2, k2Offset + 1))
          ? at(v2, k2Offset + 1)
          : at(v2, k2Offset - 1) + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && at(a, aHi - x2 - 1) === at(b, bHi - y2 - 1)) {
        x2++;
        y2++;
      }
      v2[k2Offset] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1Offset = offset + delta - k2;
        if (k1Offset >= 0 && k1Offset < size && at(v1, k1Offset) !== -1) {
          const x1 = at(v1, k1Offset);
          const y1 = offset + x1 - k1Offset;
          if (x1 >= n - x2) return [x1, y1];
        }
      }
    }
  }
  return null;
}

function pushOp(ops: Op[], type: Op["type"], from: number, to: number) {
  if (to <= from) return;
  const last = ops[ops.length - 1];
  // Ranges of one kind arrive in order, so consecutive ones can be merged.
  if (last !== undefined && last.type === type && last.to === from) last.to = to;
  else ops.push({ type, from, to });
}

/** Appends the edit script of a[aLo,aHi) → b[bLo,bHi); "same" and "removed" index a, "added" b. */
function diffRange(
  a: Int32Array,
  aLo: number,
  aHi: number,
  b: Int32Array,
  bLo: number,
  bHi: number,
  ops: Op[],
) {
  let prefix = 0;
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
  pushOp(ops, "same", aLo, aLo + prefix);
  aLo += prefix;
  bLo += prefix;
  let suffix = 0;
  while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
  aHi -= suffix;
  bHi -= suffix;

  if (aLo === aHi || bLo === bHi) {
    pushOp(ops, "removed", aLo, aHi);
    pushOp(ops, "added", bLo, bHi);
  } else {
    const split = bisect(a, aLo, aHi, b, bLo, bHi);
    if (split === null) {
      pushOp(ops, "removed", aLo, aHi);
      pushOp(ops, "added", bLo, bHi);
    } else {
      diffRange(a, aLo, aLo + split[0], b, bLo, bLo + split[1], ops);
      diffRange(a, aLo + split[0], aHi, b, bLo + split[1], bHi, ops);
    }
  }
  pushOp(ops, "same", aHi, aHi + suffix);
}

/**
 * A minimal edit script between two token lists: every token of `a` is "same" or "removed", every
 * token of `b` is "same" or "added", in order, and the "same" tokens form a longest common
 * subsequence. No size guard: callers with untrusted sizes use `diffWords`.
 */
export function diffSequences({
  a,
  b,
}: {
  a: readonly string[];
  b: readonly string[];
}): Array<{ type: DiffSegment["type"]; tokens: string[] }> {
  const [ia, ib] = toIds(a, b);
  const ops: Op[] = [];
  diffRange(ia, 0, ia.length, ib, 0, ib.length, ops);
  return ops.map((op) => ({
    type: op.type,
    tokens: (op.type === "added" ? b : a).slice(op.from, op.to),
  }));
}

/** Tokens left once the shared prefix and suffix are set aside: what the guard measures. */
function countDifferingTokens(a: readonly string[], b: readonly string[]): number {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  return a.length + b.length - 2 * (prefix + suffix);
}

/**
 * Groups each run of changes into one removed then one added segment, and folds whitespace that
 * sits alone between two changes into them, so that a rewritten phrase reads as one replacement
 * rather than alternating word-by-word.
 */
function cleanUp(raw: Array<{ type: DiffSegment["type"]; text: string }>): DiffSegment[] {
  const out: DiffSegment[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed !== "") out.push({ type: "removed", text: removed });
    if (added !== "") out.push({ type: "added", text: added });
    removed = "";
    added = "";
  };
  const segments = raw.filter((s) => s.text !== "");
  segments.forEach((segment, i) => {
    if (segment.type === "removed") removed += segment.text;
    else if (segment.type === "added") added += segment.text;
    else {
      const inChange = removed !== "" || added !== "";
      // Adjacent "same" segments were merged upstream, so whatever follows one is a change.
      const next = segments[i + 1];
      const nextIsChange = next !== undefined && next.type !== "same";
      if (inChange && nextIsChange && WHITESPACE_ONLY.test(segment.text)) {
        removed += segment.text;
        added += segment.text;
        return;
      }
      flush();
      const last = out[out.length - 1];
      if (last?.type === "same") last.text += segment.text;
      else out.push({ type: "same", text: segment.text });
    }
  });
  flush();
  return out;
}

function diffTokens(a: readonly string[], b: readonly string[]): DiffSegment[] {
  return cleanUp(diffSequences({ a, b }).map((s) => ({ type: s.type, text: s.tokens.join("") })));
}

/**
 * Word-level diff of `before` → `after`. Joining the "same" and "removed" texts gives `before`;
 * joining "same" and "added" gives `after`. See the file header for the size guard.
 */
export function diffWords({
  before,
  after,
  maxTokens = DEFAULT_MAX_DIFF_TOKENS,
}: {
  before: string;
  after: string;
  maxTokens?: number;
}): DiffSegment[] {
  const words = [before.match(TOKEN) ?? [], after.match(TOKEN) ?? []] as const;
  if (countDifferingTokens(...words) <= maxTokens) return diffTokens(...words);
  const lines = [before.match(LINE) ?? [], after.match(LINE) ?? []] as const;
  if (countDifferingTokens(...lines) <= maxTokens) return diffTokens(...lines);
  return cleanUp([
    { type: "removed", text: before },
    { type: "added", text: after },
  ]);
}
